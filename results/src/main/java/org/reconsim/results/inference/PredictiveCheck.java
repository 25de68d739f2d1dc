package org.reconsim.results.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.LongConsumer;

import org.reconsim.results.evaluation.Batches;
import org.reconsim.results.evaluation.Evaluation;
import org.reconsim.results.evaluation.EvaluationEngine;
import org.reconsim.results.evaluation.Evaluator;
import org.reconsim.engine.targets.Claim;
import org.reconsim.engine.targets.Finding;
import org.reconsim.results.stats.BinomialInterval;
import org.reconsim.results.stats.ProportionInterval;

/**
 * The prior predictive check of a trial's published results (docs/INFERENCE.md, Predictive
 * check): under each hypothesis, R simulated trials at the published sizes (draws 0..R-1, the
 * free fields at the scenario's values); per finding the simulated z distribution, where the
 * published z falls in it, and how often the published claim holds; per hypothesis how often
 * the whole published pattern holds in one trial.
 */
public final class PredictiveCheck {

    /** The target name of the row that holds the probability of the whole published pattern. */
    public static final String PATTERN = "pattern";

    /**
     * One row of check.csv.
     *
     * @param hypothesis    hypothesis label
     * @param target        finding id, or {@link #PATTERN}
     * @param claim         the finding's claim (null for the pattern row)
     * @param observedZ     published estimate / sd (NaN for a claim-only finding and the pattern)
     * @param medianZ       median of the simulated z
     * @param lowZ          2.5% quantile of the simulated z
     * @param highZ         97.5% quantile of the simulated z
     * @param pPredictive   two-sided predictive p-value of the published z (NaN without one)
     * @param pClaim        share of the simulated trials on which the claim (the pattern: every claim) holds
     * @param pClaimLow     its Clopper-Pearson 95% interval's lower bound (Monte Carlo error only)
     * @param pClaimHigh    its upper bound (0 of 1000 trials: 0.0037)
     * @param trials        simulated trials
     * @param undefined     trials whose z was undefined (left out of the z summaries; their claims do not hold)
     */
    public record Row(String hypothesis, String target, Claim claim, double observedZ, double medianZ, double lowZ, double highZ,
                      double pPredictive, double pClaim, double pClaimLow, double pClaimHigh, int trials,
                      int undefined) {
    }

    private static Row row(String hypothesis, String target, Claim claim, double observedZ, double[] sorted, double pPredictive,
                           int held, int trials) {
        ProportionInterval ci = BinomialInterval.clopperPearson(held, trials, 0.95);
        return new Row(hypothesis, target, claim, observedZ, quantile(sorted, 0.5), quantile(sorted, 0.025), quantile(sorted, 0.975),
                pPredictive, (double) held / trials, ci.low(), ci.high(), trials, trials - sorted.length);
    }

    /**
     * The check's rows, hypothesis by hypothesis (findings in target-file order, then the pattern),
     * and the simulated z of every hypothesis, finding and trial ({@code z[h][i][r]}, for charts).
     */
    public record Result(List<Row> rows, double[][][] z) {
    }

    private PredictiveCheck() {
    }

    /**
     * Runs the check on {@code engine}; the result is the same on every engine and thread count
     * (each draw is a pure function of its index, and the engine hands results back in order).
     *
     * @param progress told the number of trials done so far (may be a no-op)
     */
    public static Result run(ScenarioSummarySimulator sim, int replicates, EvaluationEngine engine, LongConsumer progress) {
        if (replicates < 1) {
            throw new IllegalArgumentException("a check needs at least 1 replicate, got " + replicates);
        }
        List<Finding> findings = sim.findings();
        int m = findings.size();
        int hs = sim.hypotheses().size();
        double[][][] z = new double[hs][m][replicates];
        List<Row> rows = new ArrayList<>();
        try (Evaluator trials = engine.open(trials(sim))) {
            for (int h = 0; h < hs; h++) {
                List<double[]> inputs = new ArrayList<>(replicates);
                for (int d = 0; d < replicates; d++) {
                    inputs.add(Simulations.input(h, new double[0], d));
                }
                long before = (long) h * replicates;
                List<double[]> out = Batches.evaluate(trials, inputs, done -> progress.accept(before + done));
                boolean[][] holds = new boolean[m][replicates];
                int pattern = 0;
                for (int d = 0; d < replicates; d++) {
                    double[] t = out.get(d);
                    boolean all = true;
                    for (int i = 0; i < m; i++) {
                        z[h][i][d] = t[i];
                        holds[i][d] = t[m + i] == 1;
                        all &= holds[i][d];
                    }
                    pattern += all ? 1 : 0;
                }
                String label = sim.hypotheses().get(h);
                for (int i = 0; i < m; i++) {
                    rows.add(row(label, findings.get(i), z[h][i], holds[i]));
                }
                rows.add(row(label, PATTERN, null, Double.NaN, new double[0], Double.NaN, pattern, replicates));
            }
        }
        return new Result(List.copyOf(rows), z);
    }

    /** One trial as an evaluation of a {@link Simulations#input}: the findings' z, then 1 or 0 for each claim holding. */
    private static Evaluation trials(ScenarioSummarySimulator sim) {
        return in -> {
            ScenarioSummarySimulator.Trial t = sim.trial((int) in[0], new double[0], (long) in[1]);
            int m = t.z().length;
            double[] out = new double[2 * m];
            for (int i = 0; i < m; i++) {
                out[i] = t.z()[i];
                out[m + i] = t.claimHolds()[i] ? 1 : 0;
            }
            return out;
        };
    }

    private static Row row(String hypothesis, Finding f, double[] z, boolean[] holds) {
        double[] defined = Arrays.stream(z).filter(x -> !Double.isNaN(x)).sorted().toArray();
        int held = 0;
        for (boolean b : holds) {
            held += b ? 1 : 0;
        }
        OptionalDouble observed = f.z();
        double zObs = observed.orElse(Double.NaN);
        return row(hypothesis, f.id(), f.claim(), zObs, defined, observed.isPresent() ? pValue(defined, zObs) : Double.NaN, held,
                z.length);
    }

    /**
     * The two-sided predictive p-value of {@code observed} among the sorted simulated values:
     * min(1, 2 min(P(z_sim <= z_obs), P(z_sim >= z_obs))), each tail estimated as (k + 1) / (R + 1)
     * (k simulated values in the tail, R in all) so that it is never 0 and is a valid p-value:
     * under the model P(p <= a) <= a (Davison and Hinkley 1997, ch. 4.2). NaN without simulated values.
     */
    public static double pValue(double[] sorted, double observed) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        int below = 0;
        int above = 0;
        for (double x : sorted) {
            below += x <= observed ? 1 : 0;
            above += x >= observed ? 1 : 0;
        }
        double tail = Math.min(below + 1.0, above + 1.0) / (n + 1.0);
        return Math.min(1, 2 * tail);
    }

    /**
     * The {@code q} quantile of sorted values, interpolating linearly between order statistics
     * (Hyndman and Fan 1996, type 7, R's default): x[(n - 1) q]. NaN without values.
     */
    public static double quantile(double[] sorted, double q) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double at = (n - 1) * q;
        int lo = (int) Math.floor(at);
        int hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }
}
