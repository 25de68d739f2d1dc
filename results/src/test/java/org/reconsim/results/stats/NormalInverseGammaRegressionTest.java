package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.scenario.BayesTPrior;
import org.reconsim.results.analysis.BayesTAnalysis;

/** Closed-form cases of {@link NormalInverseGammaRegression} and the prior's validation; the R fixture is in {@link NormalInverseGammaFixturesTest}. */
class NormalInverseGammaRegressionTest {

    /** One regressor x = 1, 2, 3, 4 with a column of ones; y as given. */
    private static final double[][] LINE = {{1, 1, 1, 1}, {1, 2, 3, 4}};

    /** With no data the posterior is the prior: beta_j ~ t_{2 a0}(m0_j, (b0 / a0) V0_jj). */
    @Test
    void withoutDataThePosteriorIsThePrior() {
        NormalInverseGammaPrior prior = NormalInverseGammaPrior.of(new double[] {1, -2}, new double[][] {{4, 1}, {1, 2}}, 3, 6);
        NormalInverseGammaPosterior post = NormalInverseGammaRegression.posterior(prior, LINE, new double[4], 0);
        assertThat(post.isDefined()).isTrue();
        // V0 = inverse of [[4, 1], [1, 2]] = [[2, -1], [-1, 4]] / 7
        StudentTPosterior slope = post.coefficient(1);
        assertThat(slope.location()).isCloseTo(-2, within(1e-15));
        assertThat(slope.scale()).isCloseTo(Math.sqrt(6.0 / 3 * 4 / 7), within(1e-15));
        assertThat(slope.df()).isEqualTo(6);
        assertThat(post.observations()).isZero();
    }

    /** A perfect fit is undefined under b0 = 0 (no information on sigma^2) and, under b0 > 0, leaves sigma^2 at its prior. */
    @Test
    void aPerfectFitNeedsAProperVariancePrior() {
        double[] y = {3, 5, 7, 9}; // 1 + 2 x
        assertThat(NormalInverseGammaRegression.posterior(NormalInverseGammaPrior.reference(2), LINE, y, 4).isDefined()).isFalse();
        NormalInverseGammaPosterior post = NormalInverseGammaRegression.posterior(
                NormalInverseGammaPrior.of(new double[2], new double[2][2], 1, 0.5), LINE, y, 4);
        // an = 1 + (4 - 2) / 2 = 2, bn = b0, Vn = (X'X)^-1 = [[30, -10], [-10, 4]] / 20
        assertThat(post.shape()).isEqualTo(2);
        assertThat(post.scale()).isCloseTo(0.5, within(1e-14));
        StudentTPosterior slope = post.coefficient(1);
        assertThat(slope.location()).isCloseTo(2, within(1e-13));
        assertThat(slope.scale()).isCloseTo(Math.sqrt(0.5 / 2 * 4 / 20), within(1e-14));
        assertThat(slope.df()).isEqualTo(4);
    }

    @Test
    void anUnidentifiedFlatCoefficientIsUndefined() {
        double[][] constant = {{1, 1, 1, 1}, {2, 2, 2, 2}};
        double[] y = {1, 3, 2, 5};
        assertThat(NormalInverseGammaRegression.posterior(NormalInverseGammaPrior.reference(2), constant, y, 4).isDefined()).isFalse();
        // a proper prior on the slope identifies it
        NormalInverseGammaPrior slopePrior = NormalInverseGammaPrior.of(new double[2], new double[][] {{0, 0}, {0, 1}}, 0, 0);
        assertThat(NormalInverseGammaRegression.posterior(slopePrior, constant, y, 4).coefficient(1).isDefined()).isTrue();
        // no more rows than flat coefficients under a0 = 0: an = 0
        assertThat(NormalInverseGammaRegression.posterior(NormalInverseGammaPrior.reference(2), LINE, y, 2).isDefined()).isFalse();
    }

    @Test
    void rowsWithAMissingValueAreLeftOut() {
        double[][] x = {{1, 1, 1, 1, 1, 1}, {1, 2, Double.NaN, 3, 4, 5}};
        double[] y = {1.1, 2.3, 7, 2.8, Double.NaN, 4.9};
        double[][] complete = {{1, 1, 1, 1}, {1, 2, 3, 5}};
        double[] yComplete = {1.1, 2.3, 2.8, 4.9};
        NormalInverseGammaPrior prior = NormalInverseGammaPrior.of(new double[] {0, 1}, new double[][] {{0, 0}, {0, 2}}, 1, 1);
        assertThat(NormalInverseGammaRegression.posterior(prior, x, y, 6).coefficient(1))
                .isEqualTo(NormalInverseGammaRegression.posterior(prior, complete, yComplete, 4).coefficient(1));
    }

    /**
     * A very vague proper effect prior gives the reference location and interval shape but one
     * more degree of freedom: its normal component carries a sigma^-1 factor the flat prior does
     * not (an = a0 + (m - k_f) / 2), so scale^2 shrinks by (m - 3) / (m - 2).
     */
    @Test
    void aVagueEffectPriorDiffersFromTheFlatOneByOneDegreeOfFreedom() {
        double[] baseline = {40, 35, 42, 51, 38, 44, 47, 36};
        double[] y = {30, 27, 35, 38, 24, 29, 33, 22};
        boolean[] treated = {false, false, false, false, true, true, true, true};
        StudentTPosterior flat = new BayesTAnalysis(BayesTPrior.defaults()).effectPosterior(y, baseline, treated, 8);
        StudentTPosterior vague = new BayesTAnalysis(new BayesTPrior(0, 1e7, 0, 0)).effectPosterior(y, baseline, treated, 8);
        assertThat(flat.df()).isEqualTo(5);
        assertThat(vague.df()).isEqualTo(6);
        assertThat(vague.location()).isCloseTo(flat.location(), within(1e-9));
        assertThat(vague.scale() / flat.scale()).isCloseTo(Math.sqrt(5.0 / 6), within(1e-9));
    }

    @Test
    void theTailIsTheSmallerPosteriorMassDoubled() {
        StudentTPosterior t = new StudentTPosterior(-1.5, 0.8, 7);
        double below = t.probabilityBelow(0);
        assertThat(t.twoSidedTail()).isCloseTo(2 * (1 - below), within(1e-15));
        // R: pt(1.5 / 0.8, 7)
        assertThat(below).isCloseTo(0.94854042169664543, within(1e-14));
        // the 1 - tail interval has 0 on its edge
        assertThat(t.upper(1 - t.twoSidedTail())).isCloseTo(0, within(1e-10));
        // R: -1.5 + qt(0.025, 7) * 0.8
        assertThat(t.lower(0.95)).isCloseTo(-3.3916994012742276, within(1e-12));
    }

    @Test
    void invalidPriorsSayWhatIsWrong() {
        assertThatThrownBy(() -> NormalInverseGammaPrior.of(new double[] {0, 0}, new double[][] {{1, 0.5}, {0.4, 1}}, 0, 0))
                .hasMessage("prior precision is not symmetric at [0][1]");
        assertThatThrownBy(() -> NormalInverseGammaPrior.of(new double[] {0, 0}, new double[][] {{0, 0.5}, {0.5, 1}}, 0, 0))
                .hasMessage("coefficient 0 has a flat prior (zero precision) but precision [0][1] = 0.5");
        assertThatThrownBy(() -> NormalInverseGammaPrior.of(new double[] {0, 0}, new double[][] {{1, 2}, {2, 1}}, 0, 0))
                .hasMessage("the prior precision of the coefficients with a proper prior is not positive definite");
        assertThatThrownBy(() -> NormalInverseGammaPrior.of(new double[] {0}, new double[][] {{1}}, -1, 0))
                .hasMessage("prior shape a0 = -1.0 is not a finite number >= 0");
        assertThatThrownBy(() -> NormalInverseGammaPrior.of(new double[] {0}, new double[][] {{1}}, 0, Double.NaN))
                .hasMessage("prior scale b0 = NaN is not a finite number >= 0");
        assertThatThrownBy(() -> NormalInverseGammaPrior.of(new double[] {0, 0}, new double[][] {{1}}, 0, 0))
                .hasMessage("1 rows of prior precision for 2 coefficients");
        assertThatThrownBy(() -> NormalInverseGammaRegression.posterior(NormalInverseGammaPrior.reference(3), LINE, new double[4], 4))
                .hasMessage("2 regressors for a prior of 3 coefficients");
    }
}
