package org.reconsim.models.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HrfTest {

    private static final Hrf SPM = Hrf.SPM_CANONICAL;

    @Test
    void peaksAtFiveSecondsAndUndershootsAfterTwelve() {
        double dt = 0.1;
        double[] h = SPM.kernel(dt);
        assertThat(h).hasSize(321);
        int peak = 0;
        int trough = 0;
        for (int k = 1; k < h.length; k++) {
            peak = h[k] > h[peak] ? k : peak;
            trough = h[k] < h[trough] ? k : trough;
        }
        // mode of the gamma(6, 1) response is 5 s; the undershoot pulls the peak to 4.999 s (fine grid)
        assertThat(peak * dt).isBetween(5.0, 6.0).isCloseTo(5.0, within(1e-12));
        assertThat(trough * dt).isCloseTo(15.7, within(1e-9));
        for (int k = 1; k < h.length; k++) {
            double t = k * dt;
            if (t <= 12.0) {
                assertThat(h[k]).as("t = %s", t).isPositive();
            } else if (t >= 12.1) {
                assertThat(h[k]).as("t = %s", t).isNegative();
            }
        }
        assertThat(h[0]).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0625, 0.1, 0.5, 1.0, 2.0})
    void matchesAnIndependentGammaDensityComputation(double tr) {
        // spm_hrf: shape = delay / dispersion, scale = dispersion; kernel to 32 s, unit sum
        GammaDistribution response = new GammaDistribution(6, 1);
        GammaDistribution undershoot = new GammaDistribution(16, 1);
        int last = (int) Math.round(Math.floor(32 / tr + 1e-9));
        double[] expected = new double[last + 1];
        double sum = 0;
        for (int k = 0; k <= last; k++) {
            double t = k * tr;
            expected[k] = t == 0 ? 0 : response.density(t) - undershoot.density(t) / 6;
            sum += expected[k];
        }
        double[] h = SPM.kernel(tr);
        assertThat(h).hasSize(last + 1);
        double total = 0;
        for (int k = 0; k <= last; k++) {
            assertThat(h[k]).isCloseTo(expected[k] / sum, within(1e-12));
            total += h[k];
        }
        assertThat(total).isCloseTo(1, within(1e-12));
    }

    @Test
    void equalsSpmHrfAtTwoSeconds() {
        // spm_hrf(2) as printed by SPM in MATLAB (15 significant digits, reproduced in published teaching code)
        double[] spm = {0, 0.0865660809936357, 0.374888236471690, 0.384923381745461, 0.216117315646557,
            0.0768695652550848, 0.00162017719800089, -0.0306078117340448, -0.0373060781329993, -0.0308373715988730,
            -0.0205161333521205, -0.0116441637490611, -0.00582063147182588, -0.00261854249818620,
            -0.00107732374408556, -0.000410443522357321, -0.000146257506876};
        double[] h = SPM.kernel(2.0);
        assertThat(h).hasSize(spm.length);
        for (int k = 0; k < h.length; k++) {
            assertThat(h[k]).isCloseTo(spm[k], within(1e-14));
        }
    }
}
