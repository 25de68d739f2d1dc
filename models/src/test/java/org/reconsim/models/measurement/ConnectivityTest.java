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

    @Test
    void windowCorrelationMatchesCommonsMath() {
        double[][] y = RoiTimeSeries.DEFAULTS.synthesize(TASK, Hrf.SPM_CANONICAL, AMPLITUDES, new double[] {0.6, 0.2, 0.1},
                RandomSource.PHILOX_4X64.create(3L));
        for (Connectivity c : new Connectivity[] {Connectivity.UNSHIFTED, Connectivity.HRF_SHIFTED}) {
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
            }
            double diff = FastMath.atanh(c.correlation(y[0], y[1], TASK, Script.TRAUMA))
                    - FastMath.atanh(c.correlation(y[0], y[1], TASK, Script.RELAX));
            assertThat(c.traumaMinusRelax(y[0], y[1], TASK)).isCloseTo(diff, within(1e-12));
        }
    }

    @Test
    void connectivityCarriesTheLatentCoupling() {
        // no block responses, so window correlations come only from the coupled fluctuations
        RoiTimeSeries model = new RoiTimeSeries(100, 0, 0, 0.4, 0.8, 1.0, 0.5, 0.0);
        int seeds = 150;
        double[] couplings = {0.0, 0.4, 0.8};
        double[] mean = new double[couplings.length];
        double nullSd = 0;
        for (int c = 0; c < couplings.length; c++) {
            double sum = 0;
            double sumSq = 0;
            for (long seed = 0; seed < seeds; seed++) {
                double[][] y = model.synthesize(TASK, Hrf.SPM_CANONICAL, new double[3], new double[] {couplings[c], 0, 0},
                        RandomSource.PHILOX_4X64.create(seed));
                double z = Connectivity.HRF_SHIFTED.traumaMinusRelax(y[Roi.AMYGDALA.ordinal()], y[Roi.HIPPOCAMPUS.ordinal()], TASK);
                sum += z;
                sumSq += z * z;
            }
            mean[c] = sum / seeds;
            if (c == 0) {
                nullSd = Math.sqrt((sumSq - seeds * mean[0] * mean[0]) / (seeds - 1));
            }
        }
        // null: no coupling difference, no connectivity difference (4 Monte Carlo SEs)
        assertThat(mean[0]).isCloseTo(0, within(4 * nullSd / Math.sqrt(seeds)));
        // the coupled share of the window variance is 0.25 / (0.25 + 0.64 + drift): r about 0.28 rho
        assertThat(mean[1]).isBetween(0.05, 0.2);
        assertThat(mean[2]).isGreaterThan(mean[1] + 0.05);
    }
}
