package org.reconsim.results.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.models.population.PatientGenerator;
import org.reconsim.results.power.PriorDistribution;

/**
 * Simulation-based calibration (Talts et al. 2018, arXiv:1804.06788) and parameter recovery of
 * ABC-SMC on a two-parameter toy: a ~ N(0, 1), b ~ loguniform(0.2, 5),
 * z1 = a + N(0, 1), z2 = log b + a / 2 + N(0, 0.5^2) (correlated posteriors, one scale parameter).
 * SETS synthetic observed sets are drawn from the prior with known truths; for each, the rank of
 * each true value among DRAWS posterior draws (resampled from the final weighted particles) is
 * uniform on 0..DRAWS if the posterior is calibrated, tested by a chi-square over DRAWS + 1 bins
 * (p > 0.01 required). The same runs give the coverage of the central 90% intervals: the count
 * covering the truth is Binomial(SETS, 0.9), mean 180 and SD 4.24 for 200 sets; we accept
 * 180 +- 3.5 SD, i.e. [165, 195]. The final tolerance 0.2 adds eps^2 / 4 = 1% to the
 * statistics' variance, far below what 200 sets can detect. About a minute: in the validation
 * profile ({@code mvn -B verify -Pvalidation}).
 */
@Tag("slow")
class AbcCalibrationTest {

    private static final int SETS = 200;
    private static final int DRAWS = 19;

    @Test
    void ranksAreUniformAndNinetyPercentIntervalsCoverNinetyPercent() {
        List<PriorDistribution> priors = List.of(new PriorDistribution.Normal(0, 1, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY), new PriorDistribution.LogUniform(0.2, 5));
        AbcPrior prior = AbcPrior.uniformOver(1, priors);
        RandomStreams truths = new RandomStreams(2018);
        int[][] ranks = new int[2][DRAWS + 1];
        int[] covered = new int[2];
        for (int set = 0; set < SETS; set++) {
            UniformRandomProvider rng = truths.stream("test/sbc", 0, set);
            double[] truth = {priors.get(0).quantile(PatientGenerator.open(rng)), priors.get(1).quantile(PatientGenerator.open(rng))};
            ToySimulator sim = new ToySimulator(List.of("z1", "z2"), List.of("toy"), List.of("a", "b"), new double[] {1, 0.5},
                    (m, t) -> new double[] {t[0], Math.log(t[1]) + 0.5 * t[0]}, 1000 + set);
            // the observed set is a draw the calibration's own simulations never use (they address draws from 0 up)
            double[] observed = sim.simulate(0, truth, Long.MAX_VALUE);
            AbcResult r = new AbcSmc(sim, observed, prior, AbcSettings.of(300, 10, 0.2, 400_000, set)).run();
            AbcGeneration post = r.posterior();
            for (int i = 0; i < 2; i++) {
                WeightedSample s = post.marginal(0, i);
                int rank = 0;
                for (int k = 0; k < DRAWS; k++) {
                    if (s.draw(PatientGenerator.open(rng)) < truth[i]) {
                        rank++;
                    }
                }
                ranks[i][rank]++;
                if (s.quantile(0.05) <= truth[i] && truth[i] <= s.quantile(0.95)) {
                    covered[i]++;
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            double expected = SETS / (double) (DRAWS + 1);
            double chi2 = 0;
            for (int count : ranks[i]) {
                chi2 += (count - expected) * (count - expected) / expected;
            }
            double p = 1 - new ChiSquaredDistribution(DRAWS).cumulativeProbability(chi2);
            System.out.printf("SBC parameter %d: chi-square %.2f on %d df, p = %.3f; 90%% intervals covered %d of %d%n",
                    i, chi2, DRAWS, p, covered[i], SETS);
            assertThat(p).as("rank uniformity of parameter %d, ranks %s", i, java.util.Arrays.toString(ranks[i])).isGreaterThan(0.01);
            assertThat(covered[i]).as("90%% intervals covering parameter %d", i).isBetween(165, 195);
        }
    }
}
