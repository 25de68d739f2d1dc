package org.reconsim.results.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.Imputation;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.results.stats.Ancova;
import org.reconsim.results.stats.ImputationNoise;
import org.reconsim.results.stats.MonotoneImputation;
import org.reconsim.results.stats.MonotoneImputation.Strategy;
import org.reconsim.results.stats.RubinsRules;
import org.reconsim.results.stats.TestResult;

/**
 * {@code mi}, {@code mi-j2r}, {@code mi-cr}: the endpoint's missed post-baseline values are
 * imputed {@code M} times ({@code analysis.imputation.m}) by {@link MonotoneImputation} under
 * missingness at random, jump to reference or copy reference (the reference is the contrast's
 * control arm), {@code analysis.imputation.delta} is added to the treatment arm's imputed
 * values, and at each tested visit the ANCOVA {@code value ~ baseline + arm} ({@link Ancova}) of
 * every completed dataset is pooled by {@link RubinsRules} with complete-data df {@code n - 3}.
 *
 * <p>A visit nobody with a baseline missed is the ANCOVA itself: its imputations would all be
 * the observed data. A visit whose imputation model cannot be fitted (too few patients seen at it
 * or an earlier visit, a singular design, an exact fit) is undefined for that reason, as is a
 * visit where a completed dataset's ANCOVA is.
 *
 * <p>Randomness: the imputations draw from {@link ImputationNoise} seeded by a hash of the
 * dataset (allocation and every value) and {@code analysis.imputation.seed}, not by the
 * replicate: an analysis then stays a function of its data alone, so a trial gives the same
 * result on any thread count, in a power run, in {@code reconsim run} or in a test, and a sweep of
 * {@code delta} reuses the same draws at every value (common random numbers, a smooth tipping
 * curve). The three strategies share the draws too, so their differences on one trial are not
 * Monte Carlo noise.
 *
 * @param strategy  the assumption about the missed values
 * @param settings  M, delta and the seed salt
 */
public record MultipleImputationAnalysis(Strategy strategy, Imputation settings) implements EndpointAnalysis {

    public MultipleImputationAnalysis {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(settings, "settings");
        if (settings.m() < 2) {
            throw new IllegalArgumentException("analysis.imputation.m = " + settings.m() + ": Rubin's rules need 2 or more imputations");
        }
    }

    /** The analysis under {@code strategy} with the plan's {@code analysis.imputation}. */
    public static MultipleImputationAnalysis of(Strategy strategy, Analysis plan) {
        return new MultipleImputationAnalysis(strategy, Objects.requireNonNull(plan.imputation(), "analysis.imputation"));
    }

    @Override
    public List<TestResult> effects(EndpointData data) {
        return effects(data, null);
    }

    /**
     * The effects with the imputations' random draws taken from {@code noise} (in the order
     * {@link MonotoneImputation} documents), or when it is null from {@link ImputationNoise}
     * seeded by the data as {@link #effects(EndpointData)} does: a test replays another
     * implementation's draws through it.
     */
    public List<TestResult> effects(EndpointData data, MonotoneImputation.Noise noise) {
        List<Visit> post = data.postBaselineVisits();
        List<Visit> tested = data.testedVisits();
        int n = data.size();
        double[] baseline = data.baseline();
        boolean[] treated = data.treated();
        double[][] values = data.postBaselineValues();
        MonotoneImputation model = MonotoneImputation.fit(baseline, treated, values, n);
        TestResult[] out = new TestResult[tested.size()];
        int[] column = new int[tested.size()];
        boolean pool = false;
        for (int t = 0; t < tested.size(); t++) {
            int j = post.indexOf(tested.get(t));
            column[t] = j;
            if (!model.hasMissing(j)) {
                out[t] = Ancova.treatmentEffect(values[j], baseline, treated, n);
            } else if (!model.canImpute(j)) {
                out[t] = TestResult.undefined(model.reason(j));
            } else {
                pool = true;
            }
        }
        if (pool) {
            pooled(data, model, baseline, treated, column, out, noise);
        }
        List<TestResult> effects = new ArrayList<>(out.length);
        for (TestResult r : out) {
            effects.add(r);
        }
        return effects;
    }

    /** The draws of {@code data}: seeded by the hash of its allocation and values, salted by {@code seed}. */
    static ImputationNoise noiseFor(EndpointData data, long seed) {
        double[][] everyVisit = new double[data.visits().size()][];
        for (int v = 0; v < everyVisit.length; v++) {
            everyVisit[v] = data.valuesAt(data.visits().get(v));
        }
        return new ImputationNoise(ImputationNoise.seedOf(seed, data.treated(), everyVisit, data.size()));
    }

    /** Fills the visits of {@code out} still empty with the pooled ANCOVA over M completed datasets. */
    private void pooled(EndpointData data, MonotoneImputation model, double[] baseline, boolean[] treated, int[] column,
                        TestResult[] out, MonotoneImputation.Noise given) {
        int n = data.size();
        int m = settings.m();
        MonotoneImputation.Noise noise = given != null ? given : noiseFor(data, settings.seed());
        MonotoneImputation.Imputer imputer = model.imputer();
        double[][] completed = new double[model.visits()][n];
        double[][] estimates = new double[out.length][m];
        double[][] variances = new double[out.length][m];
        double[] df = new double[out.length];
        for (int k = 0; k < m; k++) {
            imputer.impute(strategy, settings.delta(), noise, completed);
            for (int t = 0; t < out.length; t++) {
                if (out[t] != null) {
                    continue; // not imputed, or a completed dataset already failed here
                }
                TestResult r = Ancova.treatmentEffect(completed[column[t]], baseline, treated, n);
                if (!r.isDefined()) {
                    out[t] = r;
                    continue;
                }
                estimates[t][k] = r.estimate();
                variances[t][k] = r.stdError() * r.stdError();
                df[t] = r.df();
            }
        }
        for (int t = 0; t < out.length; t++) {
            if (out[t] == null) {
                out[t] = RubinsRules.pool(estimates[t], variances[t], m, df[t]);
            }
        }
    }
}
