package org.reconsim.models.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class GlmEstimateTest {

    private static final ScriptTask TASK = ScriptTask.duek2023();
    private static final GlmEstimate GLM = GlmEstimate.duek2023();
    private static final double[] AMPLITUDES = {0.7, 0.45, -0.2};
    private static final double[] REST = {0.2, 0.2, 0.2};

    @Test
    void noiseFreeSeriesWithDriftRecoversTheAmplitudes() {
        // drift only (in the GLM's span), no noise: exact recovery
        RoiTimeSeries model = new RoiTimeSeries(100, 0.25, -0.1, 0.4, 0, 2.0, 5);
        double[][] y = model.synthesize(TASK, Hrf.SPM_CANONICAL, AMPLITUDES, new double[] {0.5, 0.2, 0.1}, REST,
                RandomSource.PHILOX_4X64.create(1L));
        assertThat(GLM.regressors()).isEqualTo(8);
        for (Roi r : Roi.values()) {
            GlmEstimate.GlmFit fit = GLM.fit(y[r.ordinal()]);
            assertThat(fit.trauma()).isCloseTo(AMPLITUDES[r.ordinal()], within(1e-9));
            assertThat(fit.sad()).isCloseTo(0.25, within(1e-9));
            assertThat(fit.relax()).isCloseTo(-0.1, within(1e-9));
            assertThat(fit.intercept()).isCloseTo(100, within(1e-9));
            assertThat(fit.traumaMinusRelax()).isCloseTo(AMPLITUDES[r.ordinal()] + 0.1, within(1e-9));
        }
    }

    @Test
    void contrastIsUnbiasedUnderNoise() {
        RoiTimeSeries model = RoiTimeSeries.DEFAULTS;
        int seeds = 400;
        double[] sum = new double[3];
        double[] sumSq = new double[3];
        double[] coupling = {0.6, 0.2, 0.1};
        for (long seed = 0; seed < seeds; seed++) {
            double[][] y = model.synthesize(TASK, Hrf.SPM_CANONICAL, AMPLITUDES, coupling, REST, RandomSource.PHILOX_4X64.create(seed));
            for (int r = 0; r < 3; r++) {
                double c = GLM.fit(y[r]).traumaMinusRelax();
                sum[r] += c;
                sumSq[r] += c * c;
            }
        }
        for (int r = 0; r < 3; r++) {
            double mean = sum[r] / seeds;
            double sd = Math.sqrt((sumSq[r] - seeds * mean * mean) / (seeds - 1));
            double truth = AMPLITUDES[r] - model.relaxAmplitude();
            // within 4 Monte Carlo standard errors, and the noise is not trivially small
            assertThat(mean).as("ROI %d", r).isCloseTo(truth, within(4 * sd / Math.sqrt(seeds)));
            assertThat(sd).isBetween(0.05, 1.0);
            // the analytic sampling SD under AR(1) noise (w' Sigma w), within 4 SEs of an SD (sd / sqrt(2 (n - 1)))
            double analytic = Math.sqrt(GLM.traumaMinusRelaxVariance(model.noiseSd(), model.arPhi()));
            assertThat(sd).as("ROI %d SD", r).isCloseTo(analytic, within(4 * analytic / Math.sqrt(2.0 * (seeds - 1))));
        }
    }

    @Test
    void synthesisIsReproducibleAndTheNoiseIsAr1() {
        RoiTimeSeries noiseOnly = new RoiTimeSeries(0, 0, 0, 0.4, 1.0, 0, 5);
        ScriptTask longTask = TASK.withOrder(Collections.nCopies(90, Script.RELAX));
        double[][] a = noiseOnly.synthesize(longTask, Hrf.SPM_CANONICAL, new double[3], new double[3], new double[3], RandomSource.PHILOX_4X64.create(5L));
        double[][] b = noiseOnly.synthesize(longTask, Hrf.SPM_CANONICAL, new double[3], new double[3], new double[3], RandomSource.PHILOX_4X64.create(5L));
        assertThat(a).isDeepEqualTo(b);
        double[] e = a[0];
        int n = e.length;
        double m = 0;
        for (double v : e) {
            m += v;
        }
        m /= n;
        double c0 = 0;
        double c1 = 0;
        for (int j = 0; j < n; j++) {
            c0 += (e[j] - m) * (e[j] - m);
            if (j > 0) {
                c1 += (e[j] - m) * (e[j - 1] - m);
            }
        }
        // n = 5410: SE of the lag-1 autocorrelation about sqrt((1 - phi^2) / n) = 0.012; SE of the SD about 0.011
        assertThat(c1 / c0).isCloseTo(0.4, within(0.05));
        assertThat(Math.sqrt(c0 / (n - 1))).isCloseTo(1.0, within(0.07));
    }

    @Test
    void impossibleCouplingsAreRefused() {
        assertThatThrownBy(() -> RoiTimeSeries.DEFAULTS.synthesize(TASK, Hrf.SPM_CANONICAL, AMPLITUDES,
                new double[] {-0.9, -0.9, -0.9}, REST, RandomSource.PHILOX_4X64.create(1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
