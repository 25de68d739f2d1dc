package org.reconsim.results.power;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.run.ReplicateRunner;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.results.stats.BinomialInterval;
import org.reconsim.results.stats.Multiplicity;
import org.reconsim.results.stats.ProportionInterval;
import org.reconsim.results.stats.RunningMoments;
import org.reconsim.results.stats.TestResult;

/**
 * Power by simulation: for each sample size, {@code replicates} virtual trials, each analysed
 * by {@link TrialAnalysis}; rejections at the scenario's alpha are counted and estimates
 * summarized in replicate order (so results do not depend on the thread count).
 */
public final class PowerAnalysis {

    private final TrialPlan plan;
    private final RandomStreams streams;
    private final double alpha;

    public PowerAnalysis(TrialPlan plan, RandomStreams streams) {
        this.plan = plan.withoutSessionDetail();
        this.streams = streams;
        this.alpha = plan.scenario().analysis().alpha();
    }

    /** Mean observed value per arm, visit and endpoint in one trial (NaN where nobody was measured). */
    private static double[][][] armMeans(TrialOutcome trial, int arms) {
        int visits = Scenario.Visit.values().length;
        int endpoints = Scenario.Endpoint.values().length;
        double[][][] sum = new double[arms][visits][endpoints];
        int[][][] count = new int[arms][visits][endpoints];
        for (var p : trial.patients()) {
            for (int v = 0; v < visits; v++) {
                for (int k = 0; k < endpoints; k++) {
                    double x = p.observed()[v][k];
                    if (!Double.isNaN(x)) {
                        sum[p.arm()][v][k] += x;
                        count[p.arm()][v][k]++;
                    }
                }
            }
        }
        for (int a = 0; a < arms; a++) {
            for (int v = 0; v < visits; v++) {
                for (int k = 0; k < endpoints; k++) {
                    sum[a][v][k] = count[a][v][k] == 0 ? Double.NaN : sum[a][v][k] / count[a][v][k];
                }
            }
        }
        return sum;
    }

    private static boolean[] unadjusted(double[] p, double alpha) {
        boolean[] r = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            r[i] = p[i] < alpha;
        }
        return r;
    }

    /** A row whose sign-error statistics are not tracked (family rows). */
    private static PowerRow row(int n, String endpoint, String visit, String analysis, long replicates, long k, double mean, double sd) {
        ProportionInterval ci = BinomialInterval.wilson(k, replicates, 0.95);
        ProportionInterval cp = BinomialInterval.clopperPearson(k, replicates, 0.95);
        return new PowerRow(n, endpoint, visit, analysis, replicates, k, (double) k / replicates, ci.low(), ci.high(), mean, sd,
                cp.low(), cp.high(), Double.NaN, Double.NaN);
    }

    public List<PowerRow> run(List<Integer> sizes, int replicates, ReplicateRunner runner, Consumer<Long> progress) {
        TrialPlan fixed = plan;
        return run(sizes, replicates, runner, progress, r -> fixed);
    }

    /**
     * As {@link #run(List, int, ReplicateRunner, Consumer)} with a plan per replicate (assurance:
     * each trial's parameters drawn from a prior). The analysis plan is the base scenario's.
     */
    public List<PowerRow> run(List<Integer> sizes, int replicates, ReplicateRunner runner, Consumer<Long> progress,
                              java.util.function.IntFunction<TrialPlan> planForReplicate) {
        return run(sizes, replicates, runner, progress, planForReplicate, null);
    }

    /**
     * What the report shows beyond power, at the largest sample size: per arm, visit and endpoint
     * the distribution of a trial's arm mean (replicate-level moments), and the estimates of the
     * primary endpoint and visit (first analysis), the first {@link #KEPT_ESTIMATES} of them.
     */
    public static final class Details {
        public static final int KEPT_ESTIMATES = 5000;
        private RunningMoments[][][] armMeans;
        private final List<Double> primaryEstimates = new ArrayList<>();
        private int nPerArm;

        public int nPerArm() {
            return nPerArm;
        }

        /** [arm][visit][endpoint]. */
        public RunningMoments[][][] armMeans() {
            return armMeans;
        }

        public List<Double> primaryEstimates() {
            return primaryEstimates;
        }
    }

    /** One replicate's test results per sample size ([size][endpoint][visit][method]) and, if kept, its arm means at the largest. */
    private record Replicate(TestResult[][][][] results, double[][][] armMeans) {
    }

    /**
     * Runs the sweep. Each replicate is simulated once, at the largest size; the smaller trials
     * are its first allocation blocks ({@link TrialOutcome#firstPerArm}), which are exactly the
     * trials those sizes would simulate (common random numbers), so rows are the same as running
     * every size on its own, for a fraction of the work.
     */
    public List<PowerRow> run(List<Integer> sizes, int replicates, ReplicateRunner runner, Consumer<Long> progress,
                              java.util.function.IntFunction<TrialPlan> planForReplicate, Details details) {
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        int largestAt = sizes.indexOf(largest);
        int block = plan.allocationBlock();
        int primaryE = TrialAnalysis.ENDPOINTS.indexOf(plan.scenario().analysis().primaryEndpoint());
        int primaryV = TrialAnalysis.VISITS.indexOf(plan.scenario().analysis().primaryVisit());
        int arms = plan.arms().size();
        int allVisits = Scenario.Visit.values().length;
        int allEndpoints = Scenario.Endpoint.values().length;
        TrialAnalysis analysis = new TrialAnalysis(plan.scenario().analysis(), plan.controlArm().index());
        Tally[] tallies = new Tally[sizes.size()];
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = new Tally(analysis);
        }
        if (details != null) {
            details.nPerArm = largest;
            details.armMeans = new RunningMoments[arms][allVisits][allEndpoints];
            for (RunningMoments[][] a : details.armMeans) {
                for (RunningMoments[] v : a) {
                    for (int k = 0; k < v.length; k++) {
                        v[k] = new RunningMoments();
                    }
                }
            }
        }
        long[] finished = {0};
        runner.run(0, replicates, r -> {
            TrialOutcome trial = VirtualTrial.run(planForReplicate.apply(r).withoutSessionDetail(), streams, r, largest);
            TestResult[][][][] results = new TestResult[sizes.size()][][][];
            for (int i = 0; i < results.length; i++) {
                results[i] = analysis.run(trial.firstPerArm(sizes.get(i), block));
            }
            return new Replicate(results, details != null ? armMeans(trial, arms) : null);
        }, replicate -> {
            if (details != null) {
                for (int a = 0; a < arms; a++) {
                    for (int v = 0; v < allVisits; v++) {
                        for (int k = 0; k < allEndpoints; k++) {
                            if (!Double.isNaN(replicate.armMeans()[a][v][k])) {
                                details.armMeans[a][v][k].add(replicate.armMeans()[a][v][k]);
                            }
                        }
                    }
                }
                TestResult p = replicate.results()[largestAt][primaryE][primaryV][0];
                if (p.isDefined() && details.primaryEstimates.size() < Details.KEPT_ESTIMATES) {
                    details.primaryEstimates.add(p.estimate());
                }
            }
            for (int i = 0; i < tallies.length; i++) {
                tallies[i].add(replicate.results()[i]);
            }
            finished[0] += sizes.size();
            progress.accept(finished[0]);
        });
        List<PowerRow> rows = new ArrayList<>();
        for (int i = 0; i < tallies.length; i++) {
            tallies[i].rows(sizes.get(i), replicates, rows);
        }
        return rows;
    }

    /** Rejections and estimate moments at one sample size, fed replicate by replicate in order. */
    private final class Tally {
        private final TrialAnalysis analysis;
        private final int endpoints = TrialAnalysis.ENDPOINTS.size();
        private final int visits = TrialAnalysis.VISITS.size();
        private final int methods;
        private final List<Scenario.FamilyMember> family = plan.scenario().analysis().family();
        private final int[][] members = new int[family.size()][];
        private final long[] familyRejections = new long[family.size()];
        private final long[] familyAnyAll = new long[2];
        private final double[] familyP = new double[family.size()];
        private final long[][][] rejections;
        // per significant trial: count with a positive estimate, sum of |estimate| (type S and M)
        private final long[][][] positive;
        private final double[][][] absSum;
        private final RunningMoments[][][] estimates;

        Tally(TrialAnalysis analysis) {
            this.analysis = analysis;
            this.methods = analysis.methods().size();
            for (int f = 0; f < members.length; f++) {
                members[f] = new int[] {TrialAnalysis.ENDPOINTS.indexOf(family.get(f).endpoint()),
                    TrialAnalysis.VISITS.indexOf(family.get(f).visit())};
            }
            rejections = new long[endpoints][visits][methods];
            positive = new long[endpoints][visits][methods];
            absSum = new double[endpoints][visits][methods];
            estimates = new RunningMoments[endpoints][visits][methods];
            for (int e = 0; e < endpoints; e++) {
                for (int v = 0; v < visits; v++) {
                    for (int m = 0; m < methods; m++) {
                        estimates[e][v][m] = new RunningMoments();
                    }
                }
            }
        }

        void add(TestResult[][][] results) {
            for (int e = 0; e < endpoints; e++) {
                for (int v = 0; v < visits; v++) {
                    for (int m = 0; m < methods; m++) {
                        TestResult t = results[e][v][m];
                        if (t.isDefined()) {
                            estimates[e][v][m].add(t.estimate());
                            if (t.pValue() < alpha) {
                                rejections[e][v][m]++;
                                absSum[e][v][m] += Math.abs(t.estimate());
                                if (t.estimate() > 0) {
                                    positive[e][v][m]++;
                                }
                            }
                        }
                    }
                }
            }
            if (members.length > 0) {
                for (int f = 0; f < members.length; f++) {
                    TestResult t = results[members[f][0]][members[f][1]][0];
                    familyP[f] = t.isDefined() ? t.pValue() : Double.NaN;
                }
                boolean[] reject = switch (plan.scenario().analysis().adjustment()) {
                    case BONFERRONI -> Multiplicity.bonferroni(familyP, alpha);
                    case HOLM -> Multiplicity.holm(familyP, alpha);
                    case NONE -> unadjusted(familyP, alpha);
                };
                int count = 0;
                for (int f = 0; f < reject.length; f++) {
                    if (reject[f]) {
                        familyRejections[f]++;
                        count++;
                    }
                }
                familyAnyAll[0] += count > 0 ? 1 : 0;
                familyAnyAll[1] += count == reject.length ? 1 : 0;
            }
        }

        void rows(int n, int replicates, List<PowerRow> rows) {
            for (int e = 0; e < endpoints; e++) {
                for (int v = 0; v < visits; v++) {
                    for (int m = 0; m < methods; m++) {
                        long k = rejections[e][v][m];
                        ProportionInterval ci = BinomialInterval.wilson(k, replicates, 0.95);
                        ProportionInterval cp = BinomialInterval.clopperPearson(k, replicates, 0.95);
                        double mean = estimates[e][v][m].mean();
                        long wrongSign = mean >= 0 ? k - positive[e][v][m] : positive[e][v][m];
                        double typeS = k == 0 ? Double.NaN : (double) wrongSign / k;
                        double exaggeration = k == 0 || mean == 0 ? Double.NaN : absSum[e][v][m] / k / Math.abs(mean);
                        rows.add(new PowerRow(n, TrialAnalysis.ENDPOINTS.get(e).label(), TrialAnalysis.VISITS.get(v).label(),
                                analysis.methods().get(m).label(), replicates, k, (double) k / replicates, ci.low(), ci.high(),
                                mean, estimates[e][v][m].standardDeviation(), cp.low(), cp.high(), typeS, exaggeration));
                    }
                }
            }
            if (members.length > 0) {
                String label = analysis.methods().get(0).label() + "+" + plan.scenario().analysis().adjustment().label();
                for (int f = 0; f < members.length; f++) {
                    RunningMoments est = estimates[members[f][0]][members[f][1]][0];
                    rows.add(row(n, family.get(f).endpoint().label(), family.get(f).visit().label(), label, replicates,
                            familyRejections[f], est.mean(), est.standardDeviation()));
                }
                rows.add(row(n, "family", "any", label, replicates, familyAnyAll[0], Double.NaN, Double.NaN));
                rows.add(row(n, "family", "all", label, replicates, familyAnyAll[1], Double.NaN, Double.NaN));
            }
        }
    }
}
