package org.reconsim.models.measurement;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.models.population.PatientGenerator;

/**
 * Synthesis of the ROI time series of one scan (docs/MODEL.md section 5, connectivity). For ROI
 * {@code r} and volume {@code j}:
 * <pre>
 *   y_r(j) = baseline + a_r x_trauma(j) + sad x_sad(j) + relax x_relax(j)        (HRF-convolved blocks)
 *          + driftSd (d1_r l_j + d2_r c_1(j))                                     (linear + slow cosine drift)
 *          + e_r(j)                                                               (AR(1) noise)
 *          + sharedSd (h * u_r)(j) / sqrt(sum_k h_k^2)                            (coupled fluctuations)
 *   e_r(0) = noiseSd z,  e_r(j) = phi e_r(j-1) + noiseSd sqrt(1 - phi^2) z         (stationary SD noiseSd)
 *   u(j) = L_c z (3 ROIs) inside a window of script c, 0 outside;  L_c L_c' = R_c
 *   R_trauma[p] = coupling[p] (latent coupling of ROI pair p);  R_sad = R_relax = restCoupling
 * </pre>
 * {@code a_r} is the ROI's latent-driven trauma amplitude (e.g. a {@link RoiMeasure} beta), the
 * drift basis is {@link GlmEstimate#linearDrift} and {@link GlmEstimate#cosineDrift} with k = 1 (a
 * half cosine over the scan), {@code h} the HRF kernel at the TR. The coupled fluctuations are neural:
 * drawn within the script windows and passed through the HRF, so within a (HRF-shifted) window two
 * ROIs' fluctuations correlate at {@code R_c} and the window-wise correlation carries the coupling.
 *
 * <p>Random draws, in this order: for each ROI {@code d1, d2}; then for each volume, one AR
 * innovation per ROI, then (inside a script window only) three coupled-fluctuation deviates.
 * All are standard normals from {@link PatientGenerator#standardNormal} (one uniform each).
 *
 * @param baseline       signal mean ([assumption] 100, so amplitudes read as percent signal change)
 * @param sadAmplitude   sad-script amplitude, every ROI ([assumption] 0.2: some response to a sad memory)
 * @param relaxAmplitude relax-script amplitude, every ROI ([assumption] 0: relax is the reference, Duek 2023)
 * @param arPhi          AR(1) coefficient ([assumption] 0.4: fMRI residual autocorrelation is strong at
 *                       short TR, Olszowy et al. 2019, Nat Commun)
 * @param noiseSd        stationary SD of the AR(1) noise ([assumption] 0.8)
 * @param driftSd        SD of the drift amplitudes ([assumption] 1.0)
 * @param sharedSd       SD of the coupled fluctuations ([assumption] 0.5)
 * @param restCoupling   correlation of the coupled fluctuations in sad and relax windows ([assumption] 0.3)
 */
public record RoiTimeSeries(double baseline, double sadAmplitude, double relaxAmplitude, double arPhi, double noiseSd,
        double driftSd, double sharedSd, double restCoupling) {

    /** The defaults listed above. */
    public static final RoiTimeSeries DEFAULTS = new RoiTimeSeries(100, 0.2, 0, 0.4, 0.8, 1.0, 0.5, 0.3);

    public RoiTimeSeries {
        if (!(Math.abs(arPhi) < 1 && noiseSd >= 0 && driftSd >= 0 && sharedSd >= 0 && Math.abs(restCoupling) < 1)) {
            throw new IllegalArgumentException("need |phi| < 1, SDs >= 0 and |restCoupling| < 1");
        }
    }

    /** A copy without noise or drift (the expected signal). */
    public RoiTimeSeries noiseless() {
        return new RoiTimeSeries(baseline, sadAmplitude, relaxAmplitude, arPhi, 0, 0, 0, restCoupling);
    }

    /** A copy with other noise and drift SDs. */
    public RoiTimeSeries withNoise(double newNoiseSd, double newDriftSd, double newSharedSd) {
        return new RoiTimeSeries(baseline, sadAmplitude, relaxAmplitude, arPhi, newNoiseSd, newDriftSd, newSharedSd, restCoupling);
    }

    /**
     * One scan.
     *
     * @param traumaAmplitude per {@link Roi} (by ordinal)
     * @param traumaCoupling  per {@link Roi.Pair} (by ordinal), each in (-1, 1)
     * @return {@code [roi][volume]}
     */
    public double[][] synthesize(ScriptTask task, Hrf hrf, double[] traumaAmplitude, double[] traumaCoupling,
            UniformRandomProvider rng) {
        int rois = Roi.values().length;
        if (traumaAmplitude.length != rois || traumaCoupling.length != Roi.Pair.values().length) {
            throw new IllegalArgumentException("need one amplitude per ROI and one coupling per ROI pair");
        }
        int n = task.volumes();
        double[] xTrauma = task.regressor(Script.TRAUMA, hrf);
        double[] xSad = task.regressor(Script.SAD, hrf);
        double[] xRelax = task.regressor(Script.RELAX, hrf);
        int[] condition = conditions(task);
        double[][][] factor = new double[3][][];
        factor[Script.TRAUMA.ordinal()] = cholesky(traumaCoupling);
        double[] rest = {restCoupling, restCoupling, restCoupling};
        factor[Script.SAD.ordinal()] = cholesky(rest);
        factor[Script.RELAX.ordinal()] = factor[Script.SAD.ordinal()];

        double[][] y = new double[rois][n];
        double[][] u = new double[rois][n];
        for (int r = 0; r < rois; r++) {
            double d1 = driftSd * PatientGenerator.standardNormal(rng);
            double d2 = driftSd * PatientGenerator.standardNormal(rng);
            for (int j = 0; j < n; j++) {
                y[r][j] = baseline + traumaAmplitude[r] * xTrauma[j] + sadAmplitude * xSad[j] + relaxAmplitude * xRelax[j]
                        + d1 * GlmEstimate.linearDrift(j, n) + d2 * GlmEstimate.cosineDrift(1, j, n);
            }
        }
        double innovationSd = noiseSd * Math.sqrt(1 - arPhi * arPhi);
        double[] e = new double[rois];
        double[] z = new double[rois];
        for (int j = 0; j < n; j++) {
            for (int r = 0; r < rois; r++) {
                double w = PatientGenerator.standardNormal(rng);
                e[r] = j == 0 ? noiseSd * w : arPhi * e[r] + innovationSd * w;
                y[r][j] += e[r];
            }
            if (condition[j] >= 0) {
                double[][] l = factor[condition[j]];
                for (int r = 0; r < rois; r++) {
                    z[r] = PatientGenerator.standardNormal(rng);
                }
                for (int r = 0; r < rois; r++) {
                    double s = 0;
                    for (int q = 0; q <= r; q++) {
                        s += l[r][q] * z[q];
                    }
                    u[r][j] = s;
                }
            }
        }
        if (sharedSd > 0) {
            double[] h = hrf.kernel(task.trSeconds());
            double energy = 0;
            for (double v : h) {
                energy += v * v;
            }
            double scale = sharedSd / Math.sqrt(energy);
            for (int r = 0; r < rois; r++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0, kMax = Math.min(j, h.length - 1); k <= kMax; k++) {
                        s += h[k] * u[r][j - k];
                    }
                    y[r][j] += scale * s;
                }
            }
        }
        return y;
    }

    /** Script ordinal of the window each volume lies in, or -1. */
    private static int[] conditions(ScriptTask task) {
        int[] c = new int[task.volumes()];
        Arrays.fill(c, -1);
        for (Script s : Script.values()) {
            boolean[] in = task.window(s, 0);
            for (int j = 0; j < c.length; j++) {
                if (in[j]) {
                    c[j] = s.ordinal();
                }
            }
        }
        return c;
    }

    /** Lower Cholesky factor of the 3 x 3 correlation matrix with pair correlations {@code rho} (Roi.Pair order). */
    static double[][] cholesky(double[] rho) {
        double[][] a = {{1, rho[0], rho[1]}, {rho[0], 1, rho[2]}, {rho[1], rho[2], 1}};
        double[][] l = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalArgumentException("ROI couplings do not form a positive definite correlation matrix");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }
}
