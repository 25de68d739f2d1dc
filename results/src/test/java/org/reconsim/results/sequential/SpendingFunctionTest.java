package org.reconsim.results.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class SpendingFunctionTest {

    /** commons-math3's normal distribution: an implementation independent of erfc and its inverse. */
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private static final List<SpendingFunction> FAMILIES = List.of(SpendingFunction.obrienFleming(),
            SpendingFunction.pocock(), SpendingFunction.hwangShihDeCani(-4), SpendingFunction.hwangShihDeCani(0),
            SpendingFunction.hwangShihDeCani(1), SpendingFunction.hwangShihDeCani(1e-12));

    @Test
    void spendNothingAtTheStartAndTheWholeLevelAtTheEnd() {
        for (SpendingFunction f : FAMILIES) {
            for (double level : new double[] {0.025, 0.05, 0.2}) {
                assertThat(f.cumulative(level, 0)).as(f + " at 0").isZero();
                assertThat(f.cumulative(level, 1)).as(f + " at 1").isCloseTo(level, within(1e-15));
            }
        }
    }

    @Test
    void increaseWithInformation() {
        for (SpendingFunction f : FAMILIES) {
            double previous = 0;
            for (int i = 1; i <= 100; i++) {
                double spent = f.cumulative(0.025, i / 100.0);
                assertThat(spent).as(f + " at " + i / 100.0).isGreaterThan(previous);
                previous = spent;
            }
        }
    }

    @Test
    void obrienFlemingTypeIsLanDeMetsFormula() {
        for (double t : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
            double expected = 2 - 2 * NORMAL.cumulativeProbability(
                    NORMAL.inverseCumulativeProbability(1 - 0.025 / 2) / Math.sqrt(t));
            assertThat(SpendingFunction.obrienFleming().cumulative(0.025, t)).as("t = " + t)
                    .isCloseTo(expected, within(1e-14));
        }
        // far in the tail, where 2 - 2 Phi would cancel to zero, the erfc form keeps its digits:
        // at t = 0.01, 2 (1 - Phi(z_{0.9875} / 0.1)) is 2.87248337096614e-111 (R's pnorm upper tail)
        assertThat(SpendingFunction.obrienFleming().cumulative(0.025, 0.01))
                .isCloseTo(2.87248337096614e-111, within(1e-9 * 2.87e-111));
    }

    @Test
    void pocockTypeAndHwangShihDeCaniFormulas() {
        assertThat(SpendingFunction.pocock().cumulative(0.05, 0.5)).isCloseTo(0.05 * Math.log(1 + (Math.E - 1) / 2),
                within(1e-16));
        assertThat(SpendingFunction.hwangShihDeCani(-4).cumulative(0.025, 0.5))
                .isCloseTo(0.025 * (1 - Math.exp(2)) / (1 - Math.exp(4)), within(1e-16));
        assertThat(SpendingFunction.hwangShihDeCani(1).cumulative(0.025, 0.3))
                .isCloseTo(0.025 * (1 - Math.exp(-0.3)) / (1 - Math.exp(-1)), within(1e-16));
        // the gamma -> 0 limit is linear spending, reached continuously: to first order in
        // gamma, a t (1 + gamma (1 - t) / 2), here 0.0075 + 2.6e-12
        assertThat(SpendingFunction.hwangShihDeCani(1e-9).cumulative(0.025, 0.3))
                .isCloseTo(0.025 * 0.3 * (1 + 1e-9 * 0.7 / 2), within(1e-18));
        assertThat(SpendingFunction.hwangShihDeCani(0).cumulative(0.025, 0.3)).isEqualTo(0.025 * 0.3);
    }

    @Test
    void rejectsOutOfRangeArguments() {
        SpendingFunction f = SpendingFunction.pocock();
        assertThatThrownBy(() -> f.cumulative(0, 0.5)).hasMessage("error rate to spend 0.0 outside (0, 1)");
        assertThatThrownBy(() -> f.cumulative(1, 0.5)).hasMessage("error rate to spend 1.0 outside (0, 1)");
        assertThatThrownBy(() -> f.cumulative(0.05, 1.5)).hasMessage("information fraction 1.5 outside [0, 1]");
        assertThatThrownBy(() -> f.cumulative(0.05, Double.NaN)).hasMessage("information fraction NaN outside [0, 1]");
        assertThatThrownBy(() -> SpendingFunction.hwangShihDeCani(Double.POSITIVE_INFINITY))
                .hasMessage("Hwang-Shih-DeCani gamma must be finite, not Infinity");
    }

    @Test
    void carryRpactNames() {
        assertThat(SpendingFunction.obrienFleming().rpactName()).isEqualTo("asOF");
        assertThat(SpendingFunction.pocock().rpactName()).isEqualTo("asP");
        assertThat(SpendingFunction.hwangShihDeCani(-4).rpactName()).isEqualTo("asHSD");
        assertThat(SpendingFunction.hwangShihDeCani(-4)).isEqualTo(SpendingFunction.hwangShihDeCani(-4));
    }
}
