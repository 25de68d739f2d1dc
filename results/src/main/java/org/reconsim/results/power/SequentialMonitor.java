package org.reconsim.results.power;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.reconsim.results.sequential.BoundaryCrossing;
import org.reconsim.results.sequential.GroupSequentialDesign;
import org.reconsim.results.sequential.OperatingCharacteristics;
import org.reconsim.results.sequential.Sidedness;
import org.reconsim.results.sequential.Stage;
import org.reconsim.results.stats.RunningMoments;

/**
 * The running counts of a power job's group-sequential looks ({@link SequentialPlan}): for every
 * sample size, contrast and hypothesis (the scenario, its null), how many trials stopped at each
 * look for efficacy (either side when two-sided) and for futility, the futility bounds obeyed;
 * how many crossed an efficacy bound by each look with the futility bounds ignored (non-binding:
 * the type I error, as rpact computes it); how many looks were undefined; and the moments of the
 * final z (the drift the design's analytic values are computed at).
 *
 * <p>A trial continues past an undefined look; at the last look it does not reject. Replicates
 * arrive in replicate order ({@link PowerAccumulator}), and the state is integers and one
 * {@link RunningMoments} per cell, written and read back exactly for checkpoints.
 */
public final class SequentialMonitor {

    private final SequentialPlan plan;
    private final int looks;
    /** [cell][look], cell = (size * C + contrast) * 2 + hypothesis. */
    private final long[][] stopUpper;
    private final long[][] stopLower;
    private final long[][] stopFutility;
    private final long[][] rejectedAt;
    private final long[][] undefined;
    private final RunningMoments[] finalZ;
    private long replicates;

    SequentialMonitor(SequentialPlan plan) {
        this.plan = plan;
        this.looks = plan.looks();
        int cells = plan.size() / looks;
        this.stopUpper = new long[cells][looks];
        this.stopLower = new long[cells][looks];
        this.stopFutility = new long[cells][looks];
        this.rejectedAt = new long[cells][looks];
        this.undefined = new long[cells][looks];
        this.finalZ = new RunningMoments[cells];
        for (int i = 0; i < cells; i++) {
            finalZ[i] = new RunningMoments();
        }
    }

    public SequentialPlan plan() {
        return plan;
    }

    /** Adds one replicate's looks. */
    void add(ReplicateResult r) {
        if (r.lookCount() != plan.size()) {
            throw new IllegalStateException("replicate " + r.replicate() + " has " + r.lookCount() + " look statistics where "
                    + plan.size() + " were expected");
        }
        int contrasts = plan.contrasts().size();
        for (int s = 0; s < plan.sizes().size(); s++) {
            GroupSequentialDesign design = plan.design(s);
            double[] b = design.efficacyBounds();
            double[] a = design.futilityBounds();
            boolean twoSided = design.sides() == Sidedness.TWO_SIDED;
            for (int c = 0; c < contrasts; c++) {
                for (int h = 0; h < 2; h++) {
                    int cell = (s * contrasts + c) * 2 + h;
                    boolean stopped = false;
                    boolean crossed = false;
                    for (int k = 0; k < looks; k++) {
                        double u = r.lookZ(plan.offset(s, c, h, k));
                        if (Double.isNaN(u)) {
                            undefined[cell][k]++;
                            continue;
                        }
                        boolean upper = u >= b[k];
                        boolean lower = twoSided && u <= -b[k];
                        if (!crossed && (upper || lower)) {
                            rejectedAt[cell][k]++;
                            crossed = true;
                        }
                        if (!stopped) {
                            if (upper) {
                                stopUpper[cell][k]++;
                                stopped = true;
                            } else if (lower) {
                                stopLower[cell][k]++;
                                stopped = true;
                            } else if (k < looks - 1 && u < a[k]) { // NaN (no futility bound) compares false
                                stopFutility[cell][k]++;
                                stopped = true;
                            }
                        }
                        if (k == looks - 1 && Double.isFinite(u)) {
                            finalZ[cell].add(u);
                        }
                    }
                }
            }
        }
        replicates++;
    }

    /** Trials added so far. */
    public long replicates() {
        return replicates;
    }

    /** The drift of a cell's analytic values: 0 under the null, else the mean final z (NaN before any). */
    private double drift(int cell) {
        if (cell % 2 == SequentialPlan.NULL) {
            return 0;
        }
        return finalZ[cell].count() == 0 ? Double.NaN : finalZ[cell].mean();
    }

    /** The analytic stages at a drift (null when the drift is unknown), futility obeyed. */
    private static OperatingCharacteristics analytic(GroupSequentialDesign design, double drift) {
        return Double.isFinite(drift) ? design.operatingCharacteristics(drift) : null;
    }

    /** The analytic stages at a drift with the futility bounds ignored (for the rejections counted that way). */
    private static OperatingCharacteristics ignoringFutility(GroupSequentialDesign design, double drift) {
        return Double.isFinite(drift) ? BoundaryCrossing.probabilities(design.informationFractions(), design.sides(),
                design.efficacyBounds(), null, drift) : null;
    }

    /** One row per size, contrast, hypothesis and look, in that order: stages.csv. */
    public List<StageRow> stages() {
        List<StageRow> rows = new ArrayList<>();
        if (replicates == 0) {
            return rows;
        }
        int contrasts = plan.contrasts().size();
        for (int s = 0; s < plan.sizes().size(); s++) {
            GroupSequentialDesign design = plan.design(s);
            int[] perArm = plan.perArmAtLooks(s);
            List<Stage> bounds = design.stages(0);
            for (int c = 0; c < contrasts; c++) {
                for (int h = 0; h < 2; h++) {
                    int cell = (s * contrasts + c) * 2 + h;
                    double drift = drift(cell);
                    OperatingCharacteristics obeyed = analytic(design, drift);
                    OperatingCharacteristics ignored = ignoringFutility(design, drift);
                    long rejected = 0;
                    double analyticRejected = 0;
                    for (int k = 0; k < looks; k++) {
                        Stage stage = bounds.get(k);
                        rejected += rejectedAt[cell][k];
                        analyticRejected += ignored == null ? Double.NaN : ignored.stages().get(k).pStopEfficacy();
                        rows.add(new StageRow(plan.sizes().get(s), plan.contrasts().get(c).label(), k + 1,
                                stage.informationFraction(), perArm[k], stage.efficacyZ(), stage.futilityZ(), stage.alphaSpent(),
                                SequentialPlan.HYPOTHESES.get(h), replicates, drift,
                                StageShare.of(stopUpper[cell][k] + stopLower[cell][k], replicates,
                                        obeyed == null ? Double.NaN : obeyed.stages().get(k).pStopEfficacy()),
                                StageShare.of(stopFutility[cell][k], replicates,
                                        obeyed == null ? Double.NaN : obeyed.stages().get(k).pStopFutility()),
                                StageShare.of(rejected, replicates, analyticRejected), undefined[cell][k]));
                    }
                }
            }
        }
        return rows;
    }

    /** One row per size, contrast and hypothesis: sequential.csv. */
    public List<SequentialSummary> summaries() {
        List<SequentialSummary> rows = new ArrayList<>();
        if (replicates == 0) {
            return rows;
        }
        int contrasts = plan.contrasts().size();
        for (int s = 0; s < plan.sizes().size(); s++) {
            GroupSequentialDesign design = plan.design(s);
            int[] perArm = plan.perArmAtLooks(s);
            for (int c = 0; c < contrasts; c++) {
                for (int h = 0; h < 2; h++) {
                    int cell = (s * contrasts + c) * 2 + h;
                    double drift = drift(cell);
                    OperatingCharacteristics obeyed = analytic(design, drift);
                    OperatingCharacteristics ignored = ignoringFutility(design, drift);
                    long upper = 0;
                    long either = 0;
                    long futility = 0;
                    long early = 0;
                    long rejected = 0;
                    double sum = 0;
                    double sumSquares = 0;
                    for (int k = 0; k < looks; k++) {
                        upper += stopUpper[cell][k];
                        either += stopUpper[cell][k] + stopLower[cell][k];
                        futility += stopFutility[cell][k];
                        rejected += rejectedAt[cell][k];
                        long stoppedHere = k < looks - 1 ? stopUpper[cell][k] + stopLower[cell][k] + stopFutility[cell][k]
                                : replicates - early;
                        if (k < looks - 1) {
                            early += stoppedHere;
                        }
                        sum += (double) perArm[k] * stoppedHere;
                        sumSquares += (double) perArm[k] * perArm[k] * stoppedHere;
                    }
                    double mean = sum / replicates;
                    // the stopping look is multinomial: the sample variance of the patients at stopping, normal interval
                    double variance = replicates < 2 ? Double.NaN
                            : Math.max(0, (sumSquares - replicates * mean * mean) / (replicates - 1));
                    double half = 1.959963984540054 * Math.sqrt(variance / replicates);
                    rows.add(new SequentialSummary(plan.sizes().get(s), plan.contrasts().get(c).label(),
                            SequentialPlan.HYPOTHESES.get(h), replicates, drift,
                            StageShare.of(either, replicates, obeyed == null ? Double.NaN : obeyed.rejectionProbability()),
                            StageShare.of(upper, replicates, obeyed == null ? Double.NaN : obeyed.upperRejectionProbability()),
                            StageShare.of(rejected, replicates, ignored == null ? Double.NaN : ignored.rejectionProbability()),
                            StageShare.of(futility, replicates, obeyed == null ? Double.NaN : obeyed.futilityProbability()),
                            StageShare.of(early, replicates, obeyed == null ? Double.NaN : obeyed.earlyStopProbability()),
                            mean, mean - half, mean + half, obeyed == null ? Double.NaN : expected(obeyed, perArm)));
                }
            }
        }
        return rows;
    }

    /** {@code sum_{k<K} m_k P(stop at k) + m_K P(reach K)}. */
    private static double expected(OperatingCharacteristics oc, int[] perArm) {
        List<Stage> stages = oc.stages();
        int last = stages.size() - 1;
        double e = perArm[last] * stages.get(last).pReach();
        for (int k = 0; k < last; k++) {
            e += perArm[k] * stages.get(k).pStop();
        }
        return e;
    }

    /** Writes the state exactly. */
    void write(DataOutputStream out) throws IOException {
        out.writeLong(replicates);
        out.writeInt(finalZ.length);
        out.writeInt(looks);
        for (int i = 0; i < finalZ.length; i++) {
            for (long[][] counts : new long[][][] {stopUpper, stopLower, stopFutility, rejectedAt, undefined}) {
                for (long n : counts[i]) {
                    out.writeLong(n);
                }
            }
            finalZ[i].write(out);
        }
    }

    /** Reads what {@link #write} wrote for the same plan into this (empty) monitor. */
    void read(DataInputStream in) throws IOException {
        replicates = in.readLong();
        int cells = in.readInt();
        int k = in.readInt();
        if (cells != finalZ.length || k != looks) {
            throw new IOException("state of a different group-sequential design: " + cells + " cells of " + k + " looks where "
                    + finalZ.length + " of " + looks + " were expected");
        }
        for (int i = 0; i < cells; i++) {
            for (long[][] counts : new long[][][] {stopUpper, stopLower, stopFutility, rejectedAt, undefined}) {
                for (int j = 0; j < looks; j++) {
                    counts[i][j] = in.readLong();
                }
            }
            finalZ[i] = RunningMoments.read(in);
        }
    }
}
