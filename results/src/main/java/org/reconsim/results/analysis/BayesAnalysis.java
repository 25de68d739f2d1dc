package org.reconsim.results.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.commons.math3.special.Erf;
import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.results.stats.BayesianNormalEstimate;
import org.reconsim.results.stats.NormalPosterior;
import org.reconsim.results.stats.TestResult;
import org.reconsim.results.stats.UndefinedReason;

/**
 * {@code bayes}: the normal posterior of the ANCOVA effect under the plan's prior, reported as
 * estimate = posterior mean, std_error = posterior SD, statistic = mean / SD, df = infinity and
 * p_value = twice the posterior tail probability beyond 0, so that p < 0.05 exactly when the
 * 95% credible interval excludes 0.
 *
 * <p>The likelihood is normal with the ANCOVA's standard error taken as known, so with a flat
 * prior the rule judges the ANCOVA t statistic against a normal quantile: at 12 patients per arm
 * (21 residual df) it rejects {@code 2 P(t_21 > 1.96) = 6.3%} of null trials for a nominal 5%
 * (5.7-7.5% over the null endpoints of 4000 virtual trials; docs/POWER.md). The exact
 * small-sample analysis, with the residual variance unknown, is {@link BayesTAnalysis}
 * ({@code bayes-t}); this one stays because it is the normal approximation the published trials'
 * summaries correspond to and scenario files name it.
 *
 * @param prior  the prior of the effect ({@code analysis.prior_mean}, {@code analysis.prior_sd}; SD 0 is flat)
 */
public record BayesAnalysis(BayesianNormalEstimate prior) implements EndpointAnalysis, BayesianDecisionRule {

    public BayesAnalysis {
        Objects.requireNonNull(prior, "prior");
    }

    /** The prior the plan sets: {@code analysis.prior_sd} 0 means flat. */
    public static BayesAnalysis of(Analysis plan) {
        return new BayesAnalysis(plan.priorSd() > 0 ? BayesianNormalEstimate.withPrior(plan.priorMean(), plan.priorSd())
                : BayesianNormalEstimate.withFlatPrior());
    }

    @Override
    public List<TestResult> effects(EndpointData data) {
        List<TestResult> ancova = new AncovaAnalysis().effects(data);
        List<TestResult> out = new ArrayList<>(ancova.size());
        for (TestResult a : ancova) {
            out.add(posterior(a));
        }
        return out;
    }

    private TestResult posterior(TestResult ancova) {
        if (!ancova.isDefined()) {
            return ancova; // undefined for the ANCOVA's reason
        }
        NormalPosterior post = prior.posterior(ancova);
        if (!post.isDefined()) {
            return TestResult.undefined(UndefinedReason.UNSPECIFIED);
        }
        double z = post.mean() / post.sd();
        double tail = 0.5 * Erf.erfc(Math.abs(z) / Math.sqrt(2));
        return new TestResult(post.mean(), post.sd(), Double.POSITIVE_INFINITY, z, 2 * tail);
    }

    @Override
    public String decisionRule(double alpha) {
        return "bayes says effect when the central " + BayesTAnalysis.percent(1 - alpha) + "% interval of the normal posterior "
                + "(ANCOVA estimate and standard error as a known-variance likelihood) excludes 0; an approximation whose "
                + "frequentist error exceeds alpha in small trials (bayes-t is exact)";
    }
}
