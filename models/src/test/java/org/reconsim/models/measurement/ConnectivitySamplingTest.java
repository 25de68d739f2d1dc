package org.reconsim.models.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.reconsim.models.population.PatientGenerator;

/**
 * The fast path (window Fisher z drawn from their sampling distribution) and the time-series path
 * (series synthesized, GLM residuals, window correlations) give the same distribution of each
 * edge's trauma-minus-relax connectivity for a fixed latent state (docs/MODEL.md section 5).
 */
class ConnectivitySamplingTest {

    private static final ScriptTask TASK = ScriptTask.duek2023();
    private static final GlmEstimate GLM = GlmEstimate.duek2023();
    private static final ConnectivitySampling SAMPLING = ConnectivitySampling.duek2023();

    @Test
    void effectiveVolumesAndWindowVarianceOfTheDuekWindows() {
        // three 30-volume windows per script; n_eff = 900 / (30 + 2 sum_k (30 - k) 0.16^k) = 21.96
        assertThat(SAMPLING.traumaWindows()).isEqualTo(3);
        assertThat(SAMPLING.relaxWindows()).isEqualTo(3);
        assertThat(SAMPLING.volumesPerWindow()).isEqualTo(30);
        assertThat(SAMPLING.effectiveVolumes()).isCloseTo(21.9646, within(1e-4));
        // an independent simulation (numpy, 200,000 windows of two AR(1) series at phi 0.4, rho 0) gives
        // var(atanh r) = 0.04882; SE of this one's 40,000 windows 0.0488 sqrt(2 / 40000) = 0.00035: 4 SEs
        assertThat(SAMPLING.windowVariance()).isCloseTo(0.04882, within(0.0014));
        assertThat(SAMPLING.outcomeVariance()).isCloseTo(SAMPLING.windowVariance() * 2 / 3, within(1e-15));
        // white noise: n_eff = n, and the variance is Fisher's 1 / (n - 3) = 0.0370 (4 SEs: 0.0011)
        assertThat(new ConnectivitySampling(3, 3, 30, 0, 1).effectiveVolumes()).isCloseTo(30, within(1e-12));
        assertThat(ConnectivitySampling.simulatedVariance(30, 0)).isCloseTo(1.0 / 27, within(0.0011));
    }

    @Test
    void fastPathAndTimeSeriesPathAgreeForAFixedLatentState() {
        double[] trauma = {0.55, 0.35, 0.15};   // Roi.Pair order: amygdala-hippocampus, amygdala-vmPFC, hippocampus-vmPFC
        double[] relax = {0.2, 0.2, 0.2};
        double[] amplitudes = {0.9, 0.5, -0.1};  // task responses, which the GLM residuals remove
        int n = 2000;
        double[][] series = new double[3][n];
        double[][] fast = new double[3][n];
        UniformRandomProvider fastRng = RandomSource.PHILOX_4X64.create(11L);
        double[] z = new double[3];
        double[] out = new double[3];
        for (int i = 0; i < n; i++) {
            double[][] y = RoiTimeSeries.DEFAULTS.synthesize(TASK, Hrf.SPM_CANONICAL, amplitudes, trauma, relax,
                    RandomSource.PHILOX_4X64.create(1000L + i));
            double[][] e = new double[3][];
            for (int r = 0; r < 3; r++) {
                e[r] = GLM.residuals(y[r]);
            }
            for (Roi.Pair p : Roi.Pair.values()) {
                series[p.ordinal()][i] = Connectivity.HRF_SHIFTED.traumaMinusRelax(e[p.first().ordinal()], e[p.second().ordinal()], TASK);
            }
            for (int k = 0; k < 3; k++) {
                z[k] = PatientGenerator.standardNormal(fastRng);
            }
            SAMPLING.draw(trauma, relax, z, out);
            for (int p = 0; p < 3; p++) {
                fast[p][i] = out[p];
            }
        }
        double sd = Math.sqrt(SAMPLING.outcomeVariance());
        for (Roi.Pair p : Roi.Pair.values()) {
            int k = p.ordinal();
            double expected = SAMPLING.windowMean(trauma[k]) - SAMPLING.windowMean(relax[k]);
            // Monte Carlo bounds at sd 0.180, n 2000: 4 SEs of a difference of two means (sd sqrt(2 / n): 0.023)
            // and of two SDs (sd / sqrt(2 (n - 1)) each, so sd / sqrt(n - 1) for the difference: 0.016)
            assertThat(mean(series[k])).as("%s series mean vs fast", p).isCloseTo(mean(fast[k]), within(4 * sd * Math.sqrt(2.0 / n)));
            assertThat(sd(series[k])).as("%s series SD vs fast", p).isCloseTo(sd(fast[k]), within(4 * sd / Math.sqrt(n - 1)));
            // and against the closed form the fast path draws from (one sample: sd / sqrt(n), sd / sqrt(2 (n - 1)): 0.016, 0.011)
            assertThat(mean(series[k])).as("%s series mean", p).isCloseTo(expected, within(4 * sd / Math.sqrt(n)));
            assertThat(sd(series[k])).as("%s series SD", p).isCloseTo(sd, within(4 * sd / Math.sqrt(2.0 * (n - 1))));
        }
        // edges sharing a region covary alike on both paths (SE of a correlation near 0.2 at n 2000: 0.022 each)
        PearsonsCorrelation pc = new PearsonsCorrelation();
        for (int[] ab : new int[][] {{0, 1}, {0, 2}, {1, 2}}) {
            assertThat(pc.correlation(series[ab[0]], series[ab[1]])).as("edges %d, %d", ab[0], ab[1])
                    .isCloseTo(pc.correlation(fast[ab[0]], fast[ab[1]]), within(4 * Math.sqrt(2) * 0.022));
        }
    }

    @Test
    void couplingsNoThreeRegionsCanHaveAreShrunkTogether() {
        double[] ok = {0.5, 0.3, 0.2};
        assertThat(ConnectivitySampling.admissible(ok)).containsExactly(ok);
        double[] shrunk = ConnectivitySampling.admissible(new double[] {-0.9, -0.9, -0.9});
        // common factor f: 1 - 3 (0.9 f)^2 - 2 (0.9 f)^3 = 1e-3 at f = 0.5553 (-0.4998 each)
        assertThat(shrunk[0]).isEqualTo(shrunk[1]).isEqualTo(shrunk[2]);
        assertThat(shrunk[0]).isCloseTo(-0.4998, within(1e-4));
        assertThat(Cholesky3.positiveDefinite(shrunk[0], shrunk[1], shrunk[2])).isTrue();
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }
}
