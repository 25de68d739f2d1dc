package org.reconsim.results.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.BayesTPrior;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.results.stats.NormalInverseGammaPosterior;
import org.reconsim.results.stats.NormalInverseGammaPrior;
import org.reconsim.results.stats.NormalInverseGammaRegression;
import org.reconsim.results.stats.StudentTPosterior;
import org.reconsim.results.stats.TestResult;

/**
 * {@code bayes-t}: at each visit the regression {@code value ~ baseline + arm} with unknown
 * residual variance under the conjugate prior {@code analysis.bayes_t} ({@link BayesTPrior}:
 * flat intercept and baseline slope, {@code effect | sigma^2 ~ N(m, (g sigma)^2)} or flat,
 * {@code sigma^2 ~ IG(a0, b0)}), solved in closed form by {@link NormalInverseGammaRegression}.
 * The effect's marginal posterior is Student t with {@code 2 an} degrees of freedom; the result
 * reports estimate = its location, std_error = its scale, df = {@code 2 an}, statistic =
 * location / scale and p_value = {@code 2 min(P(effect < 0 | y), P(effect > 0 | y))}, so that
 * p &lt; alpha ("significant") exactly when the central {@code 1 - alpha} credible interval
 * excludes 0, and significant in the hypothesized direction exactly when
 * {@code P(effect in that direction | y) > 1 - alpha / 2}. Under the default reference prior
 * the posterior is the ANCOVA t ({@link org.reconsim.results.stats.Ancova}): location, scale, df
 * and p equal the ANCOVA's estimate, standard error, df and p, so the rule's frequentist type I
 * error is exactly alpha under normal errors.
 *
 * <p>The baseline, the outcome and the arm indicator are centred on their complete-case means
 * before the fit: with flat intercept and slope this changes only the intercept, so the effect's
 * posterior is the same, and it keeps the cross-product matrix well conditioned. As the ANCOVA,
 * patients who missed the visit are left out, and the result is undefined when an arm has fewer
 * than 2 complete cases, the design is singular or the fit is perfect.
 */
public final class BayesTAnalysis implements EndpointAnalysis, BayesianDecisionRule {

    private static final int INTERCEPT = 0;
    private static final int SLOPE = 1;
    private static final int EFFECT = 2;

    private final BayesTPrior settings;
    private final NormalInverseGammaPrior prior;

    public BayesTAnalysis(BayesTPrior settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        double[][] precision = new double[3][3];
        double g = settings.effectSdPerSigma();
        if (g > 0) {
            precision[EFFECT][EFFECT] = 1 / (g * g);
        }
        this.prior = NormalInverseGammaPrior.of(new double[] {0, 0, settings.effectMean()}, precision, settings.sigmaShape(),
                settings.sigmaScale());
    }

    /** The prior the plan sets ({@code analysis.bayes_t}). */
    public static BayesTAnalysis of(Analysis plan) {
        return new BayesTAnalysis(Objects.requireNonNull(plan.bayesT(), "analysis.bayes_t"));
    }

    public BayesTPrior settings() {
        return settings;
    }

    @Override
    public List<TestResult> effects(EndpointData data) {
        double[] base = data.baseline();
        boolean[] treated = data.treated();
        List<TestResult> out = new ArrayList<>(data.testedVisits().size());
        for (Visit v : data.testedVisits()) {
            out.add(result(effectPosterior(data.valuesAt(v), base, treated, data.size())));
        }
        return out;
    }

    /**
     * The marginal posterior of the effect (treatment minus control) from the first {@code n}
     * patients; {@link StudentTPosterior#undefined()} when the data cannot support it.
     */
    public StudentTPosterior effectPosterior(double[] outcome, double[] baseline, boolean[] treated, int n) {
        int used = 0;
        int usedTreated = 0;
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(outcome[i]) && !Double.isNaN(baseline[i])) {
                used++;
                usedTreated += treated[i] ? 1 : 0;
                sumX += baseline[i];
                sumY += outcome[i];
            }
        }
        if (usedTreated < 2 || used - usedTreated < 2) {
            return StudentTPosterior.undefined();
        }
        double meanX = sumX / used;
        double meanY = sumY / used;
        double meanG = (double) usedTreated / used;
        double[][] columns = new double[3][used];
        double[] y = new double[used];
        int row = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(outcome[i]) && !Double.isNaN(baseline[i])) {
                columns[INTERCEPT][row] = 1;
                columns[SLOPE][row] = baseline[i] - meanX;
                columns[EFFECT][row] = (treated[i] ? 1.0 : 0.0) - meanG;
                y[row] = outcome[i] - meanY;
                row++;
            }
        }
        NormalInverseGammaPosterior post = NormalInverseGammaRegression.posterior(prior, columns, y, used);
        return post.coefficient(EFFECT);
    }

    private static TestResult result(StudentTPosterior effect) {
        if (!effect.isDefined()) {
            return TestResult.undefined();
        }
        return new TestResult(effect.location(), effect.scale(), effect.df(), effect.location() / effect.scale(),
                effect.twoSidedTail());
    }

    @Override
    public String decisionRule(double alpha) {
        return String.format(Locale.ROOT, "bayes-t says effect when the central %s%% credible interval of the effect (Student t "
                + "posterior of value ~ baseline + arm, unknown variance) excludes 0, i.e. when P(effect < 0 | data) or "
                + "P(effect > 0 | data) exceeds %s; in the hypothesized direction when P(effect in that direction | data) > %s",
                percent(1 - alpha), plain(1 - alpha / 2), plain(1 - alpha / 2));
    }

    static String percent(double level) {
        return plain(100 * level);
    }

    /** A probability as a person writes it: 0.975, 95, not 0.9750000001. */
    static String plain(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof BayesTAnalysis b && settings.equals(b.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    @Override
    public String toString() {
        return "BayesTAnalysis[" + settings + "]";
    }
}
