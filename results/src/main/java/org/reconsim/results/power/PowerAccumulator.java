package org.reconsim.results.power;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Adjustment;
import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.Direction;
import org.reconsim.engine.scenario.FamilyMember;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.results.stats.BinomialInterval;
import org.reconsim.results.stats.DesignAnalysis;
import org.reconsim.results.stats.Multiplicity;
import org.reconsim.results.stats.ProportionInterval;
import org.reconsim.results.stats.RunningMoments;
import org.reconsim.results.stats.UndefinedReason;

/**
 * The running aggregates of a power analysis: per sample size, endpoint, visit and method the
 * rejection count, the count of undefined (failed) analyses by reason, the design analysis of the estimates against the true effects (type S and M,
 * directional power, mean z, true d: {@link DesignAnalysis}), the estimate's moments, the multiplicity family's rejections; and for the report, at the largest size, the
 * arm means' moments and the first {@link #KEPT_ESTIMATES} primary estimates. Its size does not
 * grow with the number of replicates. Replicates must arrive in replicate order (0, 1, 2, ...):
 * the moments are floating-point sums, so order is what makes results independent of threads,
 * Spark partitions and interruptions. The state can be written and read back exactly
 * ({@link #write}, {@link #read}) for checkpoints.
 */
public final class PowerAccumulator {

    /** Primary-endpoint estimates kept for the report's histogram. */
    public static final int KEPT_ESTIMATES = 5000;

    private final PowerJob job;
    /** Where each result sits; every per-result array here is indexed by its offsets. */
    private final ResultLayout layout;
    private final double alpha;
    private final int sizes;
    /** [size][family member]: the layout offset of the member's first-method result at that size. */
    private final int[][] familyOffsets;
    /** Scratch: the family's p-values in one replicate at one size. */
    private final double[] familyP;
    private final Adjustment adjustment;
    private final int primaryOffset;

    private int replicates;
    private final long[] rejections;
    /** [result offset][reason ordinal]: replicates whose analysis was undefined, by why. */
    private final long[][] failures;
    /** [size]: replicates in which some family member's analysis was undefined. */
    private final long[] familyFailed;
    /** Against the true effects, by result offset. */
    private final DesignAnalysis design;
    /** By result offset: -1 where the hypothesized direction is lower, +1 where higher. */
    private final int[] hypothesizedSign;
    private final RunningMoments[] estimates;
    private final long[][] familyRejections;
    /** [size][any, all]. */
    private final long[][] familyAnyAll;
    /** By arm-mean offset of the layout. */
    private final RunningMoments[] armMeans;
    private final List<Double> primaryEstimates = new ArrayList<>();
    /** The group-sequential looks' counts, or null for a fixed design. */
    private final SequentialMonitor sequential;

    PowerAccumulator(PowerJob job) {
        this.job = job;
        this.layout = job.layout();
        Analysis a = job.scenario().analysis();
        this.alpha = a.alpha();
        List<Integer> ns = layout.sizes();
        this.sizes = ns.size();
        // the family and the primary result are of the first method and (until there are more arms) the only contrast
        Contrast contrast = layout.analyses().contrasts().get(0);
        AnalysisMethod first = layout.analyses().methods().get(0);
        this.familyOffsets = new int[sizes][];
        for (int s = 0; s < sizes; s++) {
            int n = ns.get(s);
            familyOffsets[s] = a.family().stream()
                    .mapToInt(f -> layout.offset(new ResultKey(n, contrast, f.endpoint(), f.visit(), first)))
                    .toArray();
        }
        this.familyP = new double[a.family().size()];
        this.adjustment = a.adjustment();
        this.primaryOffset = layout.offset(new ResultKey(job.largestSize(), contrast, a.primaryEndpoint(), a.primaryVisit(), first));
        this.rejections = new long[layout.size()];
        this.failures = new long[layout.size()][UndefinedReason.values().length];
        this.familyFailed = new long[sizes];
        this.design = new DesignAnalysis(layout.size());
        this.hypothesizedSign = new int[layout.size()];
        for (ResultKey key : layout.keys()) {
            hypothesizedSign[layout.offset(key)] = a.direction(key.endpoint()) == Direction.LOWER ? -1 : 1;
        }
        this.estimates = new RunningMoments[layout.size()];
        for (int i = 0; i < estimates.length; i++) {
            estimates[i] = new RunningMoments();
        }
        this.familyRejections = new long[sizes][familyP.length];
        this.familyAnyAll = new long[sizes][2];
        this.sequential = job.sequential() == null ? null : new SequentialMonitor(job.sequential());
        this.armMeans = new RunningMoments[layout.armMeanSize()];
        for (int i = 0; i < armMeans.length; i++) {
            armMeans[i] = new RunningMoments();
        }
    }

    /** Replicates added so far (they were 0 .. replicates - 1). */
    public int replicates() {
        return replicates;
    }

    /** Adds the next replicate; it must be replicate number {@link #replicates()}. */
    public void add(ReplicateResult r) {
        if (r.replicate() != replicates) {
            throw new IllegalStateException("replicate " + r.replicate() + " arrived where " + replicates + " was due");
        }
        if (!r.layout().equals(layout) || r.hasArmMeans() != (armMeans.length > 0)) {
            throw new IllegalStateException("replicate " + r.replicate() + " has the wrong shape for this job");
        }
        // every result once, by offset: no key lookups on the path every replicate takes
        for (int i = 0; i < rejections.length; i++) {
            double est = r.estimateAt(i);
            double p = r.pValueAt(i);
            int effect = layout.effectOf(i);
            design.truth(i, r.trueDAt(effect));
            UndefinedReason failure = r.failureAt(i);
            if (failure != null) {
                failures[i][failure.ordinal()]++;
            }
            if (!Double.isNaN(est)) {
                estimates[i].add(est);
                boolean significant = p < alpha;
                if (significant) {
                    rejections[i]++;
                }
                design.estimate(i, est, r.stdErrorAt(i), significant, r.trueEffectAt(effect), hypothesizedSign[i]);
            }
        }
        if (familyP.length > 0) {
            for (int s = 0; s < sizes; s++) {
                boolean failed = false;
                for (int f = 0; f < familyP.length; f++) {
                    familyP[f] = r.pValueAt(familyOffsets[s][f]);
                    failed |= r.failureAt(familyOffsets[s][f]) != null;
                }
                familyFailed[s] += failed ? 1 : 0;
                boolean[] reject = switch (adjustment) {
                    case BONFERRONI -> Multiplicity.bonferroni(familyP, alpha);
                    case HOLM -> Multiplicity.holm(familyP, alpha);
                    case NONE -> unadjusted(familyP, alpha);
                };
                int count = 0;
                for (int f = 0; f < reject.length; f++) {
                    if (reject[f]) {
                        familyRejections[s][f]++;
                        count++;
                    }
                }
                familyAnyAll[s][0] += count > 0 ? 1 : 0;
                familyAnyAll[s][1] += count == reject.length ? 1 : 0;
            }
        }
        for (int i = 0; i < armMeans.length; i++) {
            double m = r.armMeanAt(i);
            if (!Double.isNaN(m)) {
                armMeans[i].add(m);
            }
        }
        double primary = r.estimateAt(primaryOffset);
        if (job.keepsArmMeans() && !Double.isNaN(primary) && primaryEstimates.size() < KEPT_ESTIMATES) {
            primaryEstimates.add(primary);
        }
        if (sequential != null) {
            sequential.add(r);
        }
        replicates++;
    }

    private static boolean[] unadjusted(double[] p, double alpha) {
        boolean[] r = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            r[i] = p[i] < alpha;
        }
        return r;
    }

    /** The power table so far: per size, every result in layout order, then the family rows. */
    public List<PowerRow> rows() {
        List<PowerRow> rows = new ArrayList<>();
        List<Integer> ns = layout.sizes();
        List<FamilyMember> family = job.scenario().analysis().family();
        for (int s = 0; s < sizes; s++) {
            int n = ns.get(s);
            for (ResultKey key : layout.keys(n)) {
                int i = layout.offset(key);
                long k = rejections[i];
                ProportionInterval ci = BinomialInterval.wilson(k, replicates, 0.95);
                ProportionInterval cp = BinomialInterval.clopperPearson(k, replicates, 0.95);
                rows.add(new PowerRow(n, key.contrast().label(), key.endpoint().label(), key.visit().label(), key.method().label(), replicates, k,
                        failed(i), (double) k / replicates, ci.low(), ci.high(), estimates[i].mean(), estimates[i].standardDeviation(), cp.low(),
                        cp.high(), design.typeS(i), design.exaggeration(i), (double) design.directional(i) / replicates,
                        design.meanZ(i), design.meanD(i), byReason(i)));
            }
            if (familyP.length > 0) {
                String label = layout.analyses().methods().get(0).label() + "+" + adjustment.label();
                for (int f = 0; f < familyP.length; f++) {
                    int member = familyOffsets[s][f];
                    RunningMoments est = estimates[member];
                    rows.add(familyRow(n, family.get(f).endpoint().label(), family.get(f).visit().label(), label,
                            familyRejections[s][f], failed(member), byReason(member), est.mean(), est.standardDeviation()));
                }
                rows.add(familyRow(n, "family", "any", label, familyAnyAll[s][0], familyFailed[s], PowerRow.noFailures(), Double.NaN,
                        Double.NaN));
                rows.add(familyRow(n, "family", "all", label, familyAnyAll[s][1], familyFailed[s], PowerRow.noFailures(), Double.NaN,
                        Double.NaN));
            }
        }
        return rows;
    }

    /** Replicates whose analysis at {@code offset} was undefined. */
    private long failed(int offset) {
        long sum = 0;
        for (long k : failures[offset]) {
            sum += k;
        }
        return sum;
    }

    private java.util.Map<UndefinedReason, Long> byReason(int offset) {
        java.util.Map<UndefinedReason, Long> out = new java.util.EnumMap<>(UndefinedReason.class);
        for (UndefinedReason reason : UndefinedReason.values()) {
            if (failures[offset][reason.ordinal()] > 0) {
                out.put(reason, failures[offset][reason.ordinal()]);
            }
        }
        return out;
    }

    /** A row whose sign-error statistics are not tracked (family rows). */
    private PowerRow familyRow(int n, String endpoint, String visit, String analysis, long k, long failed,
                               java.util.Map<UndefinedReason, Long> byReason, double mean, double sd) {
        ProportionInterval ci = BinomialInterval.wilson(k, replicates, 0.95);
        ProportionInterval cp = BinomialInterval.clopperPearson(k, replicates, 0.95);
        return new PowerRow(n, layout.analyses().contrasts().get(0).label(), endpoint, visit, analysis, replicates, k, failed,
                (double) k / replicates, ci.low(), ci.high(), mean, sd, cp.low(), cp.high(), Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, byReason);
    }

    /** Patients per arm of the trials the report's details describe (the largest size). */
    public int detailsPerArm() {
        return job.largestSize();
    }

    /** Whether the arm means of the largest trial are kept (for the report). */
    public boolean hasArmMeans() {
        return armMeans.length > 0;
    }

    /** The arm names whose means are kept, in arm order; empty unless they are kept. */
    public List<String> arms() {
        return layout.arms();
    }

    /** Moments over replicates of a trial's arm mean at the largest size (a copy); IllegalStateException unless kept. */
    public RunningMoments armMean(ArmMeanKey key) {
        if (!hasArmMeans()) {
            throw new IllegalStateException("arm means are not kept for this job");
        }
        RunningMoments m = armMeans[layout.armMeanOffset(key)];
        return RunningMoments.resume(m.count(), m.mean(), m.sumOfSquaredDeviations());
    }

    /** The first {@link #KEPT_ESTIMATES} defined estimates of the primary endpoint and visit (first method), largest size. */
    public List<Double> primaryEstimates() {
        return List.copyOf(primaryEstimates);
    }

    /** The group-sequential looks' counts, or null for a fixed design. */
    public SequentialMonitor sequential() {
        return sequential;
    }

    /** Writes the state exactly (doubles as bits). */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(replicates);
        out.writeInt(rejections.length);
        for (int i = 0; i < rejections.length; i++) {
            out.writeLong(rejections[i]);
            for (long k : failures[i]) {
                out.writeLong(k);
            }
            estimates[i].write(out);
        }
        design.write(out);
        out.writeInt(familyP.length);
        for (int s = 0; s < sizes; s++) {
            for (long k : familyRejections[s]) {
                out.writeLong(k);
            }
            out.writeLong(familyAnyAll[s][0]);
            out.writeLong(familyAnyAll[s][1]);
            out.writeLong(familyFailed[s]);
        }
        out.writeInt(armMeans.length);
        for (RunningMoments m : armMeans) {
            m.write(out);
        }
        out.writeInt(primaryEstimates.size());
        for (double d : primaryEstimates) {
            out.writeDouble(d);
        }
        if (sequential != null) {
            sequential.write(out);
        }
    }

    /** Reads a state {@link #write} wrote for the same job into this (empty) accumulator. */
    public void read(DataInputStream in) throws IOException {
        if (replicates != 0) {
            throw new IllegalStateException("only an empty accumulator can be restored");
        }
        replicates = in.readInt();
        expect(in.readInt(), rejections.length);
        for (int i = 0; i < rejections.length; i++) {
            rejections[i] = in.readLong();
            for (int j = 0; j < failures[i].length; j++) {
                failures[i][j] = in.readLong();
            }
            estimates[i] = RunningMoments.read(in);
        }
        design.read(in);
        expect(in.readInt(), familyP.length);
        for (int s = 0; s < sizes; s++) {
            for (int f = 0; f < familyP.length; f++) {
                familyRejections[s][f] = in.readLong();
            }
            familyAnyAll[s][0] = in.readLong();
            familyAnyAll[s][1] = in.readLong();
            familyFailed[s] = in.readLong();
        }
        expect(in.readInt(), armMeans.length);
        for (int i = 0; i < armMeans.length; i++) {
            armMeans[i] = RunningMoments.read(in);
        }
        int kept = in.readInt();
        if (kept < 0 || kept > KEPT_ESTIMATES) {
            throw new IOException("corrupt state: " + kept + " kept estimates");
        }
        for (int i = 0; i < kept; i++) {
            primaryEstimates.add(in.readDouble());
        }
        if (sequential != null) {
            sequential.read(in);
        }
    }

    private static void expect(int found, int expected) throws IOException {
        if (found != expected) {
            throw new IOException("state of a different job: " + found + " cells where " + expected + " were expected");
        }
    }
}
