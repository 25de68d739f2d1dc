package org.reconsim.results.power;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.scenario.Scenario;
import org.reconsim.results.stats.BinomialInterval;
import org.reconsim.results.stats.Multiplicity;
import org.reconsim.results.stats.ProportionInterval;
import org.reconsim.results.stats.RunningMoments;

/**
 * The running aggregates of a power analysis: per sample size, endpoint, visit and method the
 * rejection count, the sign and size of significant estimates (type S and M), the estimate's
 * moments, the multiplicity family's rejections; and for the report, at the largest size, the
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
    private final double alpha;
    private final int sizes;
    private final int methods;
    private final int cells;
    private final int[] familyCells;
    /** Scratch: the family's p-values in one replicate at one size. */
    private final double[] familyP;
    private final Scenario.Adjustment adjustment;
    private final int primaryCell;
    private final int largestAt;
    private final int armCells;

    private int replicates;
    private final long[] rejections;
    /** Significant results with a positive estimate (type S). */
    private final long[] positive;
    /** Sum of |estimate| over significant results (type M). */
    private final double[] absSum;
    private final RunningMoments[] estimates;
    private final long[][] familyRejections;
    /** [size][any, all]. */
    private final long[][] familyAnyAll;
    private final RunningMoments[] armMeans;
    private final List<Double> primaryEstimates = new ArrayList<>();

    PowerAccumulator(PowerJob job) {
        this.job = job;
        Scenario.Analysis a = job.scenario().analysis();
        this.alpha = a.alpha();
        this.sizes = job.sizes().size();
        this.methods = job.methods().size();
        this.cells = TrialAnalysis.ENDPOINTS.size() * TrialAnalysis.VISITS.size() * methods;
        this.familyCells = a.family().stream()
                .mapToInt(f -> cell(TrialAnalysis.ENDPOINTS.indexOf(f.endpoint()), TrialAnalysis.VISITS.indexOf(f.visit()), 0))
                .toArray();
        this.familyP = new double[familyCells.length];
        this.adjustment = a.adjustment();
        this.primaryCell = cell(TrialAnalysis.ENDPOINTS.indexOf(a.primaryEndpoint()), TrialAnalysis.VISITS.indexOf(a.primaryVisit()), 0);
        this.largestAt = job.sizes().indexOf(job.largestSize());
        this.armCells = job.keepsArmMeans()
                ? job.plan().arms().size() * Scenario.Visit.values().length * Scenario.Endpoint.values().length : 0;
        this.rejections = new long[sizes * cells];
        this.positive = new long[sizes * cells];
        this.absSum = new double[sizes * cells];
        this.estimates = new RunningMoments[sizes * cells];
        for (int i = 0; i < estimates.length; i++) {
            estimates[i] = new RunningMoments();
        }
        this.familyRejections = new long[sizes][familyCells.length];
        this.familyAnyAll = new long[sizes][2];
        this.armMeans = new RunningMoments[armCells];
        for (int i = 0; i < armMeans.length; i++) {
            armMeans[i] = new RunningMoments();
        }
    }

    private int cell(int endpoint, int visit, int method) {
        return (endpoint * TrialAnalysis.VISITS.size() + visit) * methods + method;
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
        if (r.estimates().length != sizes * cells || r.armMeans().length != armCells) {
            throw new IllegalStateException("replicate " + r.replicate() + " has the wrong shape for this job");
        }
        for (int s = 0; s < sizes; s++) {
            int base = s * cells;
            for (int c = 0; c < cells; c++) {
                double est = r.estimates()[base + c];
                double p = r.pValues()[base + c];
                if (!Double.isNaN(est)) {
                    estimates[base + c].add(est);
                    if (p < alpha) {
                        rejections[base + c]++;
                        absSum[base + c] += Math.abs(est);
                        if (est > 0) {
                            positive[base + c]++;
                        }
                    }
                }
            }
            if (familyCells.length > 0) {
                for (int f = 0; f < familyCells.length; f++) {
                    familyP[f] = r.pValues()[base + familyCells[f]];
                }
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
        for (int i = 0; i < armCells; i++) {
            if (!Double.isNaN(r.armMeans()[i])) {
                armMeans[i].add(r.armMeans()[i]);
            }
        }
        double primary = r.estimates()[largestAt * cells + primaryCell];
        if (job.keepsArmMeans() && !Double.isNaN(primary) && primaryEstimates.size() < KEPT_ESTIMATES) {
            primaryEstimates.add(primary);
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

    /** The power table so far: per size, every endpoint x visit x method, then the family rows. */
    public List<PowerRow> rows() {
        List<PowerRow> rows = new ArrayList<>();
        List<Integer> ns = job.sizes();
        List<Scenario.FamilyMember> family = job.scenario().analysis().family();
        for (int s = 0; s < sizes; s++) {
            int n = ns.get(s);
            for (int e = 0; e < TrialAnalysis.ENDPOINTS.size(); e++) {
                for (int v = 0; v < TrialAnalysis.VISITS.size(); v++) {
                    for (int m = 0; m < methods; m++) {
                        int i = s * cells + cell(e, v, m);
                        long k = rejections[i];
                        ProportionInterval ci = BinomialInterval.wilson(k, replicates, 0.95);
                        ProportionInterval cp = BinomialInterval.clopperPearson(k, replicates, 0.95);
                        double mean = estimates[i].mean();
                        long wrongSign = mean >= 0 ? k - positive[i] : positive[i];
                        double typeS = k == 0 ? Double.NaN : (double) wrongSign / k;
                        double exaggeration = k == 0 || mean == 0 ? Double.NaN : absSum[i] / k / Math.abs(mean);
                        rows.add(new PowerRow(n, TrialAnalysis.ENDPOINTS.get(e).label(), TrialAnalysis.VISITS.get(v).label(),
                                job.methods().get(m).label(), replicates, k, (double) k / replicates, ci.low(), ci.high(),
                                mean, estimates[i].standardDeviation(), cp.low(), cp.high(), typeS, exaggeration));
                    }
                }
            }
            if (familyCells.length > 0) {
                String label = job.methods().get(0).label() + "+" + adjustment.label();
                for (int f = 0; f < familyCells.length; f++) {
                    RunningMoments est = estimates[s * cells + familyCells[f]];
                    rows.add(familyRow(n, family.get(f).endpoint().label(), family.get(f).visit().label(), label,
                            familyRejections[s][f], est.mean(), est.standardDeviation()));
                }
                rows.add(familyRow(n, "family", "any", label, familyAnyAll[s][0], Double.NaN, Double.NaN));
                rows.add(familyRow(n, "family", "all", label, familyAnyAll[s][1], Double.NaN, Double.NaN));
            }
        }
        return rows;
    }

    /** A row whose sign-error statistics are not tracked (family rows). */
    private PowerRow familyRow(int n, String endpoint, String visit, String analysis, long k, double mean, double sd) {
        ProportionInterval ci = BinomialInterval.wilson(k, replicates, 0.95);
        ProportionInterval cp = BinomialInterval.clopperPearson(k, replicates, 0.95);
        return new PowerRow(n, endpoint, visit, analysis, replicates, k, (double) k / replicates, ci.low(), ci.high(), mean, sd,
                cp.low(), cp.high(), Double.NaN, Double.NaN);
    }

    /** Patients per arm of the trials the report's details describe (the largest size). */
    public int detailsPerArm() {
        return job.largestSize();
    }

    /** Moments of a trial's arm mean at the largest size, [arm][visit][endpoint]; null unless arm means are kept. */
    public RunningMoments[][][] armMeans() {
        if (armCells == 0) {
            return null;
        }
        int arms = job.plan().arms().size();
        int visits = Scenario.Visit.values().length;
        int endpoints = Scenario.Endpoint.values().length;
        RunningMoments[][][] out = new RunningMoments[arms][visits][endpoints];
        for (int a = 0; a < arms; a++) {
            for (int v = 0; v < visits; v++) {
                for (int k = 0; k < endpoints; k++) {
                    out[a][v][k] = armMeans[(a * visits + v) * endpoints + k];
                }
            }
        }
        return out;
    }

    /** The first {@link #KEPT_ESTIMATES} defined estimates of the primary endpoint and visit (first method), largest size. */
    public List<Double> primaryEstimates() {
        return List.copyOf(primaryEstimates);
    }

    /** Writes the state exactly (doubles as bits). */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(replicates);
        out.writeInt(rejections.length);
        for (int i = 0; i < rejections.length; i++) {
            out.writeLong(rejections[i]);
            out.writeLong(positive[i]);
            out.writeDouble(absSum[i]);
            writeMoments(out, estimates[i]);
        }
        out.writeInt(familyCells.length);
        for (int s = 0; s < sizes; s++) {
            for (long k : familyRejections[s]) {
                out.writeLong(k);
            }
            out.writeLong(familyAnyAll[s][0]);
            out.writeLong(familyAnyAll[s][1]);
        }
        out.writeInt(armCells);
        for (RunningMoments m : armMeans) {
            writeMoments(out, m);
        }
        out.writeInt(primaryEstimates.size());
        for (double d : primaryEstimates) {
            out.writeDouble(d);
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
            positive[i] = in.readLong();
            absSum[i] = in.readDouble();
            estimates[i] = readMoments(in);
        }
        expect(in.readInt(), familyCells.length);
        for (int s = 0; s < sizes; s++) {
            for (int f = 0; f < familyCells.length; f++) {
                familyRejections[s][f] = in.readLong();
            }
            familyAnyAll[s][0] = in.readLong();
            familyAnyAll[s][1] = in.readLong();
        }
        expect(in.readInt(), armCells);
        for (int i = 0; i < armCells; i++) {
            armMeans[i] = readMoments(in);
        }
        int kept = in.readInt();
        if (kept < 0 || kept > KEPT_ESTIMATES) {
            throw new IOException("corrupt state: " + kept + " kept estimates");
        }
        for (int i = 0; i < kept; i++) {
            primaryEstimates.add(in.readDouble());
        }
    }

    private static void expect(int found, int expected) throws IOException {
        if (found != expected) {
            throw new IOException("state of a different job: " + found + " cells where " + expected + " were expected");
        }
    }

    private static void writeMoments(DataOutputStream out, RunningMoments m) throws IOException {
        out.writeLong(m.count());
        out.writeDouble(m.count() == 0 ? 0 : m.mean());
        out.writeDouble(m.sumOfSquaredDeviations());
    }

    private static RunningMoments readMoments(DataInputStream in) throws IOException {
        long count = in.readLong();
        double mean = in.readDouble();
        return RunningMoments.resume(count, mean, in.readDouble());
    }
}
