package org.reconsim.models.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.reconsim.models.population.PatientGenerator;

class EdaTraceTest {

    private static final ScrResponse SCRF = ScrResponse.BACH_2010;
    private static final ScriptTask TASK = ScriptTask.duek2023();

    @Test
    void canonicalResponsePeaksAboutFourPointThreeSecondsAfterOnset() {
        double dt = 1e-3;
        int best = 0;
        double max = 0;
        for (int i = 0; i <= 20_000; i++) {
            double v = SCRF.shape(i * dt);
            if (v > max) {
                max = v;
                best = i;
            }
        }
        double gridPeak = best * dt;
        assertThat(gridPeak).isCloseTo(4.3, within(0.2));
        assertThat(SCRF.peakTime()).isCloseTo(gridPeak, within(2 * dt));
        // the sampled kernel is the same function scaled to peak 1
        double[] k = SCRF.sampled(100, 6000);
        for (int i = 0; i < k.length; i += 7) {
            assertThat(k[i]).isCloseTo(SCRF.shape(i / 100.0) / SCRF.shape(SCRF.peakTime()), within(1e-15));
        }
        // peak 4.265 s lies between samples 426 and 427
        assertThat(Math.max(k[426], k[427])).isBetween(1 - 1e-4, 1.0);
    }

    @Test
    void closedFormIsTheConvolutionOfGaussianAndExponentials() {
        // PsPM's construction: discrete convolution of the sampled Gaussian with the sampled exponentials
        double dt = 1e-3;
        int n = 40_000;
        double[] g = new double[n];
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i * dt;
            g[i] = Math.exp(-(t - 3.0745) * (t - 3.0745) / (2 * 0.7013 * 0.7013));
            h[i] = Math.exp(-0.3176 * t) + Math.exp(-0.0708 * t);
        }
        for (int i = 500; i < n; i += 500) {
            double s = 0;
            for (int k = 0; k <= i; k++) {
                // trapezoid rule on [0, t]
                double w = k == 0 || k == i ? 0.5 : 1;
                s += w * g[k] * h[i - k];
            }
            assertThat(s * dt).as("t = %s", i * dt).isCloseTo(SCRF.shape(i * dt), within(1e-5 * SCRF.shape(i * dt) + 1e-9));
        }
    }

    @Test
    void noiseFreeTraceScoresItsAmplitudes() {
        EdaTrace eda = EdaTrace.DUEK_2023.withNoiseSdUs(0);
        double[] amplitudes = {0.30, 0.12, 0.05, 0.20, 0.01, 0.25, 0.0, 0.15, 0.08};
        double[] trace = eda.synthesize(TASK, amplitudes, RandomSource.PHILOX_4X64.create(1L));
        assertThat(trace).hasSize(55_000);
        assertThat(trace[0]).isEqualTo(3.65);
        double[] s = eda.scores(trace, TASK);
        for (int e = 0; e < amplitudes.length; e++) {
            if (amplitudes[e] < 0.02) {
                assertThat(s[e]).isZero();
            } else {
                // earlier responses' slow tails and the tonic drift shave a little off the peak
                assertThat(s[e]).isCloseTo(amplitudes[e], within(0.01 * amplitudes[e] + 0.002));
            }
        }
        // trauma events 0, 5, 7; relax events 2, 4, 6
        double expected = (s[0] + s[5] + s[7]) / 3 - (s[2] + s[4] + s[6]) / 3;
        assertThat(eda.traumaMinusRelax(trace, TASK)).isCloseTo(expected, within(1e-15));
        assertThat(expected).isCloseTo((0.30 + 0.25 + 0.15) / 3 - 0.05 / 3, within(0.005));
    }

    @Test
    void measurementNoiseAloneIsNotScoredAsResponses() {
        EdaTrace eda = EdaTrace.DUEK_2023;
        int scored = 0;
        for (long seed = 0; seed < 20; seed++) {
            double[] trace = eda.synthesize(TASK, new double[9], RandomSource.PHILOX_4X64.create(seed));
            for (double v : eda.scores(trace, TASK)) {
                scored += v > 0 ? 1 : 0;
            }
        }
        assertThat(scored).isZero();
    }

    @Test
    void responsesFromTheScrMeasureSurviveTheTraceAndScoring() {
        // latent fear expression 0.8 at trauma scripts, none at sad and relax
        ScrMeasure scr = new ScrMeasure(0.1, 0.3, 0.5, 0.55, 0.02);
        UniformRandomProvider rng = RandomSource.PHILOX_4X64.create(9L);
        List<ScriptEvent> events = TASK.events();
        double[] amplitudes = new double[events.size()];
        double gain = scr.gain(PatientGenerator.standardNormal(rng));
        for (int e = 0; e < amplitudes.length; e++) {
            double latent = events.get(e).script() == Script.TRAUMA ? 0.8 : 0;
            amplitudes[e] = scr.amplitude(true, gain, latent, 0.1, PatientGenerator.standardNormal(rng));
        }
        double[] s = EdaTrace.DUEK_2023.scores(EdaTrace.DUEK_2023.synthesize(TASK, amplitudes, rng), TASK);
        for (int e = 0; e < amplitudes.length; e++) {
            double expected = amplitudes[e] < 0.02 ? 0 : amplitudes[e];
            assertThat(s[e]).isCloseTo(expected, within(0.012));
            assertThat(scr.score(s[e])).isCloseTo(scr.score(expected), within(0.1));
        }
    }
}
