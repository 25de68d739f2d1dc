package org.reconsim.models.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ConnectivityTest {

    private static final ScriptTask TASK = ScriptTask.duek2023();
    private static final double[] AMPLITUDES = {0.7, 0.45, -0.2};
    private static final double[] REST = {0.2, 0.2, 0.2};

    @Test
    void windowCorrelationMatchesCommonsMath() {
        double[][] y = RoiTimeSeries.DEFAULTS.synthesize(TASK, Hrf.SPM_CANONICAL, AMPLITUDES, new double[] {0.6, 0.2, 0.1}, REST,
                RandomSource.PHILOX_4X64.create(3L));
        for (Connectivity c : new Connectivity[] {Connectivity.UNSHIFTED, Connectivity.HRF_SHIFTED}) {
            double[] windowMean = new double[Script.values().length];
            for (Script s : Script.values()) {
                boolean[] in = TASK.window(s, c.shiftSeconds());
                double[] a = new double[90];
                double[] b = new double[90];
                int n = 0;
                for (int j = 0; j < in.length; j++) {
                    if (in[j]) {
                        a[n] = y[0][j];
                        b[n] = y[1][j];
                        n++;
                    }
                }
                assertThat(n).isEqualTo(90);
                double r = new PearsonsCorrelation().correlation(a, b);
                assertThat(c.correlation(y[0], y[1], TASK, s)).isCloseTo(r, within(1e-12));
                assertThat(c.fisherZ(y[0], y[1], TASK, s)).isCloseTo(FastMath.atanh(r), within(1e-12));
                // the three 30-volume windows, each correlated on its own
                for (int w = 0; w < 3; w++) {
                    double[] aw = java.util.Arrays.copyOfRange(a, 30 * w, 30 * w + 30);
                    double[] bw = java.util.Arrays.copyOfRange(b, 30 * w, 30 * w + 30);
                    windowMean[s.ordinal()] += FastMath.atanh(new PearsonsCorrelation().correlation(aw, bw)) / 3;
                }
                assertThat(c.windowMeanZ(y[0], y[1], TASK, s)).isCloseTo(windowMean[s.ordinal()], within(1e-12));
            }
            assertThat(c.traumaMinusRelax(y[0], y[1], TASK))
                    .isCloseTo(windowMean[Script.TRAUMA.ordinal()] - windowMean[Script.RELAX.ordinal()], within(1e-12));
        }
    }

    @Test
    void windowsAreTheRunsOfTheMask() {
        assertThat(Connectivity.windows(new boolean[] {false, true, true, false, true})).isDeepEqualTo(new int[][] {{1, 3}, {4, 5}});
    }
}
