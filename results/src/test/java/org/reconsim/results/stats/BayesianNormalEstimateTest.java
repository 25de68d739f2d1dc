package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BayesianNormalEstimateTest {

    /** Prior N(0, 20^2), estimate -20 (se 10): precision 1/400 + 1/100 = 1/80. Values from R. */
    @Test
    void conjugateUpdateMatchesTheClosedForm() {
        NormalPosterior posterior = BayesianNormalEstimate.withPrior(0, 20).posterior(-20, 10);
        assertThat(posterior.mean()).isCloseTo(-16, within(1e-12));
        assertThat(posterior.sd()).isCloseTo(Math.sqrt(80), within(1e-12));
        // -16 + c(-1, 1) * qnorm(0.975) * sqrt(80)
        assertThat(posterior.lower()).isCloseTo(-33.5304508115316295, within(1e-12));
        assertThat(posterior.upper()).isCloseTo(1.5304508115316295, within(1e-12));
        assertThat(posterior.excludesZero()).isFalse();
        // pnorm(16 / sqrt(80))
        assertThat(posterior.probabilityBelow(0)).isCloseTo(0.96318086493984867, within(1e-14));
    }

    @Test
    void flatPriorGivesBackTheLikelihood() {
        TestResult result = new TestResult(-31.78, 10.54, 22, -31.78 / 10.54, 0.01);
        NormalPosterior posterior = BayesianNormalEstimate.withFlatPrior().posterior(result);
        assertThat(posterior.mean()).isEqualTo(-31.78);
        assertThat(posterior.sd()).isEqualTo(10.54);
        assertThat(posterior.upper()).isCloseTo(-31.78 + 1.9599639845400536 * 10.54, within(1e-12));
        assertThat(posterior.excludesZero()).isTrue();
        assertThat(BayesianNormalEstimate.withPrior(5, 3).withPriorSd(Double.POSITIVE_INFINITY).posterior(result))
                .isEqualTo(posterior);
    }

    @Test
    void equallyPreciseDataAndPriorMeetHalfway() {
        NormalPosterior posterior = BayesianNormalEstimate.withPrior(2, 4).withPriorMean(-2).posterior(6, 4);
        assertThat(posterior.mean()).isCloseTo(2, within(1e-12));
        assertThat(posterior.sd()).isCloseTo(4 / Math.sqrt(2), within(1e-12));
    }

    @Test
    void undefinedTestGivesUndefinedPosterior() {
        NormalPosterior posterior = BayesianNormalEstimate.withPrior(0, 10).posterior(TestResult.undefined());
        assertThat(posterior.isDefined()).isFalse();
        assertThat(posterior.excludesZero()).isFalse();
    }

    @Test
    void rejectsImpossiblePriorsAndStandardErrors() {
        assertThatThrownBy(() -> BayesianNormalEstimate.withPrior(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BayesianNormalEstimate.withPrior(Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BayesianNormalEstimate.withFlatPrior().posterior(1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BayesianNormalEstimate.withFlatPrior().posterior(1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
