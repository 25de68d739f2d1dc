package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AncovaTest {

    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void fewerThanTwoCompleteCasesInAnArmIsUndefined() {
        double[] baseline = {30, 35, 40, 45, 50, 38};
        double[] outcome = {28, 30, 39, Double.NaN, 45, 33};
        boolean[] treated = {T, F, F, T, F, F};
        assertThat(Ancova.treatmentEffect(outcome, baseline, treated, 6)).isEqualTo(TestResult.undefined(UndefinedReason.TOO_FEW_OBSERVATIONS));
        assertThat(Ancova.treatmentEffect(outcome, baseline, treated, 6).isDefined()).isFalse();
    }

    @Test
    void missingBaselineDropsTheSubject() {
        double[] baseline = {30, 35, 40, Double.NaN, 50, 38, 42};
        double[] outcome = {28, 30, 39, 41, 45, 33, 35};
        boolean[] treated = {T, F, F, T, F, T, T};
        TestResult withMissing = Ancova.treatmentEffect(outcome, baseline, treated, 7);
        TestResult without = Ancova.treatmentEffect(
                new double[] {28, 30, 39, 45, 33, 35}, new double[] {30, 35, 40, 50, 38, 42},
                new boolean[] {T, F, F, F, T, T}, 6);
        assertThat(withMissing).isEqualTo(without);
        assertThat(withMissing.df()).isEqualTo(3);
    }

    @Test
    void constantBaselineIsSingular() {
        double[] baseline = {40, 40, 40, 40, 40, 40};
        double[] outcome = {28, 30, 39, 41, 45, 33};
        boolean[] treated = {T, F, F, T, F, T};
        assertThat(Ancova.treatmentEffect(outcome, baseline, treated, 6).isDefined()).isFalse();
    }

    @Test
    void baselineDeterminedByArmIsSingular() {
        // baseline constant within each arm: collinear with the treatment indicator
        double[] baseline = {50, 30, 30, 50, 30, 50};
        double[] outcome = {28, 30, 39, 41, 45, 33};
        boolean[] treated = {T, F, F, T, F, T};
        assertThat(Ancova.treatmentEffect(outcome, baseline, treated, 6).isDefined()).isFalse();
        // same, but within rounding of 1e13 offsets: still caught by the relative tolerance
        double[] shifted = {1e13 + 1, 1e13, 1e13, 1e13 + 1, 1e13, 1e13 + 1};
        assertThat(Ancova.treatmentEffect(outcome, shifted, treated, 6).isDefined()).isFalse();
    }

    @Test
    void perfectFitIsUndefined() {
        double[] baseline = {30, 35, 40, 45, 50, 38};
        boolean[] treated = {T, F, F, T, F, T};
        double[] outcome = new double[6];
        for (int i = 0; i < 6; i++) {
            outcome[i] = 2 + 0.5 * baseline[i] - (treated[i] ? 4 : 0);
        }
        assertThat(Ancova.treatmentEffect(outcome, baseline, treated, 6).isDefined()).isFalse();
    }

    @Test
    void usesOnlyTheFirstNSubjects() {
        double[] baseline = {30, 35, 40, 45, 50, 38, 99};
        double[] outcome = {28, 30, 39, 41, 45, 33, -99};
        boolean[] treated = {T, F, F, T, F, T, T};
        TestResult result = Ancova.treatmentEffect(outcome, baseline, treated, 6);
        assertThat(result.df()).isEqualTo(3);
        assertThat(result.statistic()).isCloseTo(result.estimate() / result.stdError(), within(1e-12));
        assertThatIllegalArgumentException().isThrownBy(() -> Ancova.treatmentEffect(outcome, baseline, treated, 8));
    }

    /**
     * The test is scale invariant up to where its sums overflow; beyond, it is undefined rather
     * than a finite estimate with an infinite standard error (which the bayes analysis then
     * refused with an IllegalArgumentException).
     */
    @Test
    void hugeValuesGiveTheSameTestOrNone() {
        double[] baseline = {30, 35, 40, 45, 50, 38, 42, 47};
        double[] outcome = {28, 30, 39, 41, 45, 33, 35, 46};
        boolean[] treated = {T, F, F, T, F, T, T, F};
        TestResult plain = Ancova.treatmentEffect(outcome, baseline, treated, 8);
        TestResult scaled = Ancova.treatmentEffect(scale(outcome, 1e100), scale(baseline, 1e100), treated, 8);
        assertThat(scaled.statistic()).isCloseTo(plain.statistic(), within(1e-9));
        assertThat(scaled.pValue()).isCloseTo(plain.pValue(), within(1e-12));
        assertThat(scaled.stdError() / 1e100).isCloseTo(plain.stdError(), within(1e-9));
        assertThat(Ancova.treatmentEffect(scale(outcome, 1e160), scale(baseline, 1e160), treated, 8))
                .isEqualTo(TestResult.undefined(UndefinedReason.OVERFLOW));
    }

    private static double[] scale(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }
}
