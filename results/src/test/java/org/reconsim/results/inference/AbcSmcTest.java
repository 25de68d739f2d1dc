package org.reconsim.results.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.results.power.PriorDistribution;

/**
 * ABC-SMC against closed forms. Monte Carlo errors: a weighted mean's standard error is
 * sd / sqrt(ESS), a weighted SD's about sd / sqrt(2 ESS) (normal approximation), both with the
 * population's Kish effective sample size; the bounds are 4 of these (a false failure per
 * assertion below 1e-4).
 */
class AbcSmcTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    /** z ~ N(mu, 1), mu ~ N(M0, S0): the normal-normal conjugate pair. */
    private static final double M0 = 0;
    private static final double S0 = 2;
    private static final double Z = 1.5;

    private static ToySimulator conjugate() {
        return new ToySimulator(List.of("z"), List.of("toy"), List.of("mu"), new double[] {1}, (m, t) -> new double[] {t[0]}, 7);
    }

    private static AbcPrior conjugatePrior() {
        return AbcPrior.uniformOver(1, List.of(new PriorDistribution.Normal(M0, S0, -INF, INF)));
    }

    /**
     * The exact ABC posterior at tolerance eps: prior x P(|z - Z| <= eps | mu) =
     * prior x [Phi(Z + eps - mu) - Phi(Z - eps - mu)], its mean and SD by quadrature on a fine grid.
     */
    private static double[] exactAbcPosterior(double eps) {
        double lo = -12;
        double hi = 12;
        int n = 24_000;
        double h = (hi - lo) / n;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        PriorDistribution prior = new PriorDistribution.Normal(M0, S0, -INF, INF);
        for (int k = 0; k <= n; k++) {
            double mu = lo + k * h;
            double like = Double.isInfinite(eps) ? 1 : phiCdf(Z + eps - mu) - phiCdf(Z - eps - mu);
            double w = prior.density(mu) * like;
            s0 += w;
            s1 += w * mu;
            s2 += w * mu * mu;
        }
        double mean = s1 / s0;
        return new double[] {mean, Math.sqrt(s2 / s0 - mean * mean)};
    }

    private static double phiCdf(double x) {
        return 0.5 * org.apache.commons.numbers.gamma.Erfc.value(-x / Math.sqrt(2));
    }

    @Test
    void conjugatePosteriorIsApproachedAsTheToleranceShrinks() {
        AbcResult result = new AbcSmc(conjugate(), new double[] {Z}, conjugatePrior(), AbcSettings.of(1000, 15, 0.05, 2_000_000, 11)).run();
        double postVar = 1 / (1 / (S0 * S0) + 1);
        double postMean = (M0 / (S0 * S0) + Z) * postVar;
        double postSd = Math.sqrt(postVar);

        AbcGeneration last = result.posterior();
        assertThat(last.tolerance()).isEqualTo(0.05);
        WeightedSample fin = last.marginal(0, 0);
        double se = fin.standardDeviation() / Math.sqrt(fin.effectiveSampleSize());
        // at eps = 0.05 the ABC posterior differs from the exact one by far less than the Monte Carlo error
        // (the uniform kernel adds eps^2 / 3 = 0.0008 to the likelihood's variance)
        assertThat(fin.mean()).isCloseTo(postMean, within(4 * se));
        assertThat(fin.standardDeviation()).isCloseTo(postSd, within(4 * se / Math.sqrt(2)));

        // generation 1's tolerance (the prior predictive's median distance) is large: its error is larger
        WeightedSample early = result.generations().get(1).marginal(0, 0);
        double earlyError = Math.abs(early.mean() - postMean) + Math.abs(early.standardDeviation() - postSd);
        double finalError = Math.abs(fin.mean() - postMean) + Math.abs(fin.standardDeviation() - postSd);
        assertThat(result.generations().get(1).tolerance()).isGreaterThan(1);
        assertThat(finalError).isLessThan(earlyError);
    }

    @Test
    void everyGenerationMatchesTheExactAbcPosteriorAtItsTolerance() {
        // the importance weights are right at each tolerance, not only at the end
        AbcResult result = new AbcSmc(conjugate(), new double[] {Z}, conjugatePrior(), AbcSettings.of(1000, 8, 0.1, 2_000_000, 12)).run();
        assertThat(result.generations()).hasSizeGreaterThan(4);
        for (AbcGeneration g : result.generations()) {
            double[] exact = exactAbcPosterior(g.tolerance());
            WeightedSample s = g.marginal(0, 0);
            double se = s.standardDeviation() / Math.sqrt(s.effectiveSampleSize());
            assertThat(s.mean()).as("mean at eps %s", g.tolerance()).isCloseTo(exact[0], within(4 * se));
            assertThat(s.standardDeviation()).as("sd at eps %s", g.tolerance()).isCloseTo(exact[1], within(4 * se / Math.sqrt(2)));
        }
    }

    @Test
    void distanceIgnoresUnobservedStatisticsAndRejectsUndefinedOnes() {
        assertThat(AbcSmc.distance(new double[] {1, 5, 3}, new double[] {4, Double.NaN, -1})).isEqualTo(5);
        assertThat(AbcSmc.distance(new double[] {1, Double.NaN}, new double[] {1, 2})).isEqualTo(INF);
    }

    @Test
    void theBudgetStopsTheRunAndDropsTheUnfinishedGeneration() {
        AbcResult result = new AbcSmc(conjugate(), new double[] {Z}, conjugatePrior(), AbcSettings.of(200, 50, 0, 3000, 1)).run();
        assertThat(result.simulations()).isLessThanOrEqualTo(3000);
        assertThat(result.stopReason()).contains("budget");
        assertThat(result.posterior().particles()).hasSize(200);
    }

    /** Two hypotheses, two parameters (one log-scale): the case the threads must not change. */
    @Test
    void resultsAreIdenticalOnOneAndTwoThreads() {
        ToySimulator sim = new ToySimulator(List.of("z1", "z2"), List.of("h0", "h1"), List.of("a", "b"), new double[] {1, 0.5},
                (m, t) -> new double[] {t[0] + m, Math.log(t[1]) + 0.5 * t[0]}, 3);
        AbcPrior prior = AbcPrior.uniformOver(2, List.of(new PriorDistribution.Normal(0, 1, -INF, INF),
                new PriorDistribution.LogUniform(0.2, 5)));
        AbcSettings settings = AbcSettings.of(300, 5, 0.1, 500_000, 99);
        double[] observed = {0.4, 0.2};
        AbcResult one = new AbcSmc(sim, observed, prior, settings.withThreads(1)).run();
        AbcResult two = new AbcSmc(sim, observed, prior, settings.withThreads(2)).run();
        assertThat(two).isEqualTo(one);
        assertThat(one.generations()).hasSize(5);
    }
}
