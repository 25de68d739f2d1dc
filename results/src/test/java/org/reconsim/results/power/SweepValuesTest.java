package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SweepValuesTest {

    /** Values print as typed, float noise and the sign of zero do not, nor does an exponent. */
    @Test
    void valuesPrintAsAPersonWritesThem() {
        assertThat(SweepValues.label(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(SweepValues.label(-0.3 + 0.1 + 0.1)).isEqualTo("-0.1"); // -0.09999999999999998 as a double sum
        assertThat(SweepValues.label(-0.3 + 3 * 0.1)).isEqualTo("0.0000000000000000555111512312578"); // a real double, not 0: what a decimal grid avoids
        assertThat(SweepValues.label(0.0)).isEqualTo("0");
        assertThat(SweepValues.label(-0.0)).isEqualTo("0");
        assertThat(SweepValues.label(1.0)).isEqualTo("1");
        assertThat(SweepValues.label(10)).isEqualTo("10");
        assertThat(SweepValues.label(1.4)).isEqualTo("1.4");
        assertThat(SweepValues.label(0.03)).isEqualTo("0.03");
        assertThat(SweepValues.label(1e-7)).isEqualTo("0.0000001");
        assertThat(SweepValues.label(123456.789)).isEqualTo("123456.789");
        assertThat(SweepValues.label(Double.NaN)).isEqualTo("NA");
        assertThat(SweepValues.label(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }
}
