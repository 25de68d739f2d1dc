package org.reconsim.results.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.results.power.PriorDistribution;

/**
 * ABC model choice (Toni &amp; Stumpf 2010) on two hypotheses z ~ N(theta + shift_m, 1) with
 * theta ~ N(0, 0.5): the single z is the whole data set, hence sufficient for the model index
 * (the trap of Robert et al. 2011 does not arise), and the exact posterior probability of h0 is
 * 1 / (1 + exp((z^2 - (z - shift)^2) / (2 * 1.25))), the marginal of z under each being
 * N(shift_m, 1 + 0.25). Monte Carlo error of an estimated probability p: sqrt(p (1 - p) / ESS)
 * if the particles were independent; the SMC genealogy (each generation's model mix is
 * resampled from the last) inflates it, so the bounds take 6 of these, and at least 0.03.
 */
class AbcModelChoiceTest {

    private static final double Z = 0.3;

    private static AbcResult run(double shift, long seed) {
        ToySimulator sim = new ToySimulator(List.of("z"), List.of("h0", "h1"), List.of("theta"), new double[] {1},
                (m, t) -> new double[] {t[0] + (m == 1 ? shift : 0)}, seed);
        AbcPrior prior = AbcPrior.uniformOver(2, List.of(new PriorDistribution.Normal(0, 0.5, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY)));
        return new AbcSmc(sim, new double[] {Z}, prior, AbcSettings.of(1000, 12, 0.05, 3_000_000, seed)).run();
    }

    private static double exact(double shift) {
        return 1 / (1 + Math.exp((Z * Z - (Z - shift) * (Z - shift)) / 2.5));
    }

    private static double bound(AbcResult r, double p) {
        System.out.printf("model choice: P(h0) = %.4f (exact %.4f), ESS %.0f, %d simulations%n", r.modelProbabilities()[0], p,
                r.posterior().effectiveSampleSize(), r.simulations());
        return Math.max(0.03, 6 * Math.sqrt(p * (1 - p) / r.posterior().effectiveSampleSize()));
    }

    @Test
    void stronglyDifferentHypothesesTheTrueOneWins() {
        AbcResult r = run(4, 5);
        double p = exact(4);
        assertThat(p).isGreaterThan(0.99);
        assertThat(r.modelProbabilities()[0]).isGreaterThan(0.95).isCloseTo(p, within(bound(r, p)));
    }

    @Test
    void moderatelyDifferentHypothesesGetTheExactPosteriorProbability() {
        AbcResult r = run(1.5, 6);
        double p = exact(1.5);
        assertThat(r.modelProbabilities()[0]).isCloseTo(p, within(bound(r, p)));
    }

    @Test
    void identicalHypothesesStayNearTheirPrior() {
        AbcResult r = run(0, 8);
        assertThat(r.modelProbabilities()[0]).isCloseTo(0.5, within(bound(r, 0.5)));
        assertThat(r.modelProbabilities()[0] + r.modelProbabilities()[1]).isCloseTo(1, within(1e-12));
    }
}
