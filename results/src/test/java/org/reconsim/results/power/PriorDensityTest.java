package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Each prior's density against its own quantile function: integrating the density from the
 * lowest value up to quantile(u) must give u (so the density is normalized over the truncation
 * and agrees with what is drawn). Composite Simpson with 20 000 intervals on smooth integrands
 * errs below 1e-9; the tolerance 1e-6 leaves room for the quantiles' own inversion accuracy.
 */
class PriorDensityTest {

    private static double integral(PriorDistribution d, double a, double b) {
        int n = 20_000;
        double h = (b - a) / n;
        double sum = d.density(a) + d.density(b);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * d.density(a + i * h);
        }
        return sum * h / 3;
    }

    private static void assertNormalizedAgainstQuantiles(PriorDistribution d) {
        double lowest = d.lowest();
        for (double u : new double[] {0.05, 0.3, 0.5, 0.8, 0.99}) {
            assertThat(integral(d, lowest, d.quantile(u))).as("%s up to its %s quantile", d, u).isCloseTo(u, within(1e-6));
        }
    }

    @Test
    void uniformIntegratesToItsQuantiles() {
        assertNormalizedAgainstQuantiles(new PriorDistribution.Uniform(-1, 3));
    }

    @Test
    void truncatedNormalIsNormalizedOverItsBounds() {
        // truncated on one side within a standard deviation: the normalization matters
        assertNormalizedAgainstQuantiles(new PriorDistribution.Normal(0.5, 2, -1, 8));
    }

    @Test
    void untruncatedNormalIsTheNormalDensity() {
        PriorDistribution d = new PriorDistribution.Normal(1, 2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertThat(d.density(1)).isCloseTo(1 / (2 * Math.sqrt(2 * Math.PI)), within(1e-15));
    }

    @Test
    void logNormalTruncatedAndNot() {
        assertNormalizedAgainstQuantiles(new PriorDistribution.LogNormal(-0.5, 0.6, 0.2, 3));
        PriorDistribution open = new PriorDistribution.LogNormal(-0.5, 0.6, 0, Double.POSITIVE_INFINITY);
        assertThat(integral(open, 1e-9, open.quantile(0.7))).isCloseTo(0.7, within(1e-6));
    }

    @Test
    void logUniformIntegratesToItsQuantiles() {
        assertNormalizedAgainstQuantiles(new PriorDistribution.LogUniform(0.03, 10));
    }

    @Test
    void scaledBetaIntegratesToItsQuantiles() {
        assertNormalizedAgainstQuantiles(new PriorDistribution.Beta(2, 5, 1, 4));
    }

    @Test
    void outsideTheSupportTheDensityIsZero() {
        assertThat(new PriorDistribution.Uniform(0, 1).density(1.5)).isZero();
        assertThat(new PriorDistribution.LogUniform(0.1, 1).density(0.05)).isZero();
        assertThat(new PriorDistribution.LogNormal(0, 1, 0, Double.POSITIVE_INFINITY).density(-1)).isZero();
        assertThat(new PriorDistribution.Beta(2, 2, 0, 1).density(-0.1)).isZero();
        assertThat(new PriorDistribution.Normal(0, 1, -1, 1).density(2)).isZero();
        PriorDistribution.Discrete discrete = new PriorDistribution.Discrete(List.of("a", "b"), List.of(0.25, 0.75));
        assertThat(discrete.density(1)).isEqualTo(0.75);
        assertThat(discrete.density(0.5)).isZero();
    }
}
