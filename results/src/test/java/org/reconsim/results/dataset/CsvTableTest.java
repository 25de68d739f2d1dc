package org.reconsim.results.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void numbersAreWrittenWithTenSignificantDigits() {
        assertThat(CsvTable.number(0.1)).isEqualTo("0.1");
        assertThat(CsvTable.number(-2.5)).isEqualTo("-2.5");
        assertThat(CsvTable.number(100)).isEqualTo("100");
        assertThat(CsvTable.number(1.0 / 3)).isEqualTo("0.3333333333");
        assertThat(CsvTable.number(2.0 / 3 * 1000)).isEqualTo("666.6666667");
        assertThat(CsvTable.number(0.00123456789012)).isEqualTo("0.00123456789");
        assertThat(CsvTable.number(123456789.0123)).isEqualTo("123456789");
        assertThat(CsvTable.number(9.9999999999)).isEqualTo("10");
        assertThat(CsvTable.number(1e-8)).isEqualTo("1E-8");
        assertThat(CsvTable.number(Double.NaN)).isEqualTo("NA");
        assertThat(CsvTable.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void everyNumberReadsBackToTenDigits() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            double d = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-8, 12));
            double back = Double.parseDouble(CsvTable.number(d));
            assertThat(Math.abs(back - d)).as("%s -> %s", d, CsvTable.number(d)).isLessThanOrEqualTo(5.000001e-10 * Math.abs(d));
        }
    }
}
