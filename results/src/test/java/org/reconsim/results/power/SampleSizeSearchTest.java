package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SampleSizeSearchTest {

    static PowerRow row(int n, double power, double low, double high) {
        return new PowerRow(n, "ketamine-vs-midazolam", "amygdala", "post", "ancova", 1000, Math.round(power * 1000), 0, power, low, high, -0.1, 0.05, low,
                high, 0, 1, power, -2, -0.3, PowerRow.noFailures());
    }

    @Test
    void findsTheFirstSizeReachingTheTargetAndTheFirstWhoseIntervalClearsIt() {
        List<PowerRow> rows = List.of(row(40, 0.62, 0.59, 0.65), row(20, 0.35, 0.32, 0.38), row(60, 0.81, 0.785, 0.834),
                row(80, 0.90, 0.88, 0.92), row(100, 0.95, 0.94, 0.96));
        SampleSizeSearch s = SampleSizeSearch.of(rows, new SizeTarget(0.8, "ketamine-vs-midazolam", "amygdala", "post", "ancova"));
        assertThat(s.estimate()).map(PowerRow::nPerArm).contains(60);
        assertThat(s.assured()).map(PowerRow::nPerArm).contains(80);
        assertThat(s.low()).map(PowerRow::nPerArm).contains(60);
        assertThat(s.describe()).isEqualTo("Target power >= 0.80 for amygdala at post (ancova, ketamine-vs-midazolam): 60 patients per arm "
                + "(power 0.810, 95% CI 0.785-0.834); interval wholly above the target from 80 per arm.");
        SampleSizeSearch none = SampleSizeSearch.of(rows, new SizeTarget(0.97, "ketamine-vs-midazolam", "amygdala", "post", "ancova"));
        assertThat(none.estimate()).isEmpty();
        assertThat(none.describe()).endsWith("not reached within the sample sizes simulated; try larger --n-per-arm.");
    }
}
