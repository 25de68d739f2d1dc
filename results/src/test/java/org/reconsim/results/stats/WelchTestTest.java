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
}
