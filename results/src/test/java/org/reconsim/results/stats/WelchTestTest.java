package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WelchTestTest {

    @Test
    void undefinedWithFewerThanTwoValuesInASample() {
        assertThat(WelchTest.difference(new double[] {1, Double.NaN}, 2, new double[] {1, 2, 3}, 3).isDefined())
                .isFalse();
    }

    @Test
    void undefinedWhenBothSamplesAreConstant() {
        assertThat(WelchTest.difference(new double[] {2, 2, 2}, 3, new double[] {5, 5}, 2).isDefined()).isFalse();
    }

    @Test
    void oneConstantSampleTakesTheOthersDegreesOfFreedom() {
        TestResult result = WelchTest.difference(new double[] {2, 2, 2}, 3, new double[] {4, 5, 6, 7}, 4);
        assertThat(result.estimate()).isCloseTo(-3.5, within(1e-12));
        assertThat(result.df()).isCloseTo(3, within(1e-12));
    }

    /**
     * Scale invariant, df included, up to where the sums overflow (the squared variances in the
     * Welch-Satterthwaite df overflowed from about 1e77 and left df NaN next to a finite
     * estimate); beyond, undefined in every number.
     */
    @Test
    void hugeValuesGiveTheSameTestOrNone() {
        double[] x = {3.1, 4.7, 5.2, 2.8, 6.0};
        double[] y = {2.0, 2.9, 3.3, 1.2};
        TestResult plain = WelchTest.difference(x, 5, y, 4);
        TestResult scaled = WelchTest.difference(scale(x, 1e120), 5, scale(y, 1e120), 4);
        assertThat(scaled.df()).isCloseTo(plain.df(), within(1e-9));
        assertThat(scaled.statistic()).isCloseTo(plain.statistic(), within(1e-9));
        assertThat(scaled.pValue()).isCloseTo(plain.pValue(), within(1e-12));
        assertThat(WelchTest.difference(scale(x, 1e160), 5, scale(y, 1e160), 4)).isEqualTo(TestResult.undefined(UndefinedReason.OVERFLOW));
    }

    private static double[] scale(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }
}
