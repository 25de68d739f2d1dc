package org.reconsim.models.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class PopulationTest {

    /** Reference quantiles from Python's statistics.NormalDist (Wichura 1988, AS241, ~1e-16). */
    private static final double[][] AS241 = {
        {1e-12, -7.034483825301132},
        {1e-6, -4.753424308822899},
        {0.001, -3.090232306167813},
        {0.02425, -1.9729610513118845},
        {0.1, -1.2815515655446008},
        {0.3, -0.5244005127080407},
        {0.5, 0.0},
        {0.7, 0.5244005127080407},
        {0.97575, 1.9729610513118847},
        {0.999, 3.090232306167813},
        {0.999999999, 5.997807019601638}};

    @Test
    void standardNormalQuantileMatchesAs241() {
        for (double[] row : AS241) {
            assertThat(StandardNormal.quantile(row[0])).as("p=%s", row[0])
                    .isCloseTo(row[1], within(1.2e-9 * Math.max(1, Math.abs(row[1]))));
        }
    }

    @Test
    void truncatedNormalStaysInBoundsAndHasTheAnalyticMean() {
        TruncatedNormal w = new TruncatedNormal(80, 15, 45, 150);
        UniformRandomProvider rng = RandomSource.PHILOX_4X64.create(1L);
        double sum = 0;
        int n = 100000;
        for (int i = 0; i < n; i++) {
            double v = w.quantile(PatientGenerator.open(rng));
            assertThat(v).isBetween(45.0, 150.0);
            sum += v;
        }
        // mean of N(80, 15) truncated to [45, 150]: 80 + 15 (phi(a) - phi(b)) / (Phi(b) - Phi(a))
        NormalDistribution z = new NormalDistribution(null, 0, 1);
        double a = (45 - 80) / 15.0;
        double b = (150 - 80) / 15.0;
        double mean = 80 + 15 * (z.density(a) - z.density(b)) / (z.cumulativeProbability(b) - z.cumulativeProbability(a));
        assertThat(sum / n).isCloseTo(mean, within(0.15)); // SE 0.047
        assertThat(w.quantile(0.5)).isCloseTo(80 + 15 * z.inverseCumulativeProbability(
                (z.cumulativeProbability(a) + z.cumulativeProbability(b)) / 2), within(1e-6));
    }

    @Test
    void drawsAreAFunctionOfTheStreamAlone() {
        PatientGenerator g = new PatientGenerator(new PopulationParameters(new TruncatedNormal(80, 15, 45, 150),
                new TruncatedNormal(38, 11, 18, 70), 0.5, new TruncatedNormal(10, 8, 0.5, 50),
                new TruncatedNormal(0.7, 0.12, 0.2, 1), new TruncatedNormal(0.05, 0.03, 0, 0.3), 0.3));
        PatientCovariates a = g.draw(RandomSource.PHILOX_4X64.create(new long[] {1, 2, 0, 0, 5, 9}));
        PatientCovariates b = g.draw(RandomSource.PHILOX_4X64.create(new long[] {1, 2, 0, 0, 5, 9}));
        assertThat(a).isEqualTo(b);
        assertThat(a.extinction()).isLessThanOrEqualTo(a.traceStrength());
    }
}
