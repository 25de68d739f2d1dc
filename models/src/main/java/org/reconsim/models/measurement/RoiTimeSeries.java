package org.reconsim.models.measurement;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.models.population.PatientGenerator;

/**
 * Synthesis of the ROI time series of one scan (docs/MODEL.md section 5, connectivity). For ROI
 * {@code r} and volume {@code j}:
 * <pre>
 *   y_r(j) = baseline + a_r x_trauma(j) + sad x_sad(j) + relax x_relax(j)        (HRF-convolved blocks)
 *          + driftSd (d1_r l_j + d2_r c_1(j))                                     (linear + slow cosine drift)
 *          + e_r(j)                                                               (residual BOLD)
 *   e(0) = noiseSd L(0) w(0),  e(j) = phi e(j-1) + noiseSd sqrt(1 - phi^2) L(j) w(j),   w ~ N(0, I_3)
 *   L(j) L(j)' = R_trauma inside a trauma window (shifted by couplingShiftSeconds), R_rest elsewhere
 *   R_trauma[p] = traumaCoupling[p],  R_rest[p] = restCoupling[p]      (ROI pair p)
 * </pre>
 * The residual BOLD of the three ROIs is a stationary AR(1) process whose lag-0 correlation is
 * the latent coupling of the window it is in: the latent coupling is defined on the scale the
 * study measures, the window correlation of the residual series, so it needs no attenuation
 * factor between model and measurement, and {@link ConnectivitySampling} gives its sampling
 * distribution in closed form. When the coupling changes at a window's edge the lag-0 covariance
 * reaches the new value geometrically (a share phi^(2k) of the old one after k volumes: 2.6%
 * after two volumes at phi 0.4). {@code a_r} is the ROI's latent-driven trauma amplitude (e.g. a
 * {@link RoiMeasure} beta); the drift basis is {@link GlmEstimate#linearDrift} and
 * {@link GlmEstimate#cosineDrift} with k = 1 (a half cosine over the scan).
 *
 * <p>Random draws, in this order: for each ROI {@code d1, d2}; then for each volume three
 * innovation deviates {@code w}. All are standard normals from {@link PatientGenerator#standardNormal}.
 *
 * @param baseline             signal mean ([assumption] 100, so amplitudes read as percent signal change)
 * @param sadAmplitude         sad-script amplitude, every ROI ([assumption] 0.2: some response to a sad memory)
 * @param relaxAmplitude       relax-script amplitude, every ROI ([assumption] 0: relax is the reference, Duek 2023)
 * @param arPhi                AR(1) coefficient ([assumption] 0.4: fMRI residual autocorrelation is strong at
 *                             short TR, Olszowy et al. 2019, Nat Commun)
 * @param noiseSd              stationary SD of the residual BOLD ([assumption] 0.8)
 * @param driftSd              SD of the drift amplitudes ([assumption] 1.0)
 * @param couplingShiftSeconds shift of the windows in which the trauma coupling holds (5 s: the HRF peak,
 *                             as {@link Connectivity#HRF_SHIFTED} measures it)
 */
public record RoiTimeSeries(double baseline, double sadAmplitude, double relaxAmplitude, double arPhi, double noiseSd,
        double driftSd, double couplingShiftSeconds) {

    /** The defaults listed above. */
    public static final RoiTimeSeries DEFAULTS = new RoiTimeSeries(100, 0.2, 0, 0.4, 0.8, 1.0,
            Connectivity.HRF_SHIFTED.shiftSeconds());

    public RoiTimeSeries {
        if (!(Math.abs(arPhi) < 1 && noiseSd >= 0 && driftSd >= 0)) {
            throw new IllegalArgumentException("need |phi| < 1 and SDs >= 0");
        }
    }

    /**
     * One scan.
     *
     * @param traumaAmplitude per {@link Roi} (by ordinal)
     * @param traumaCoupling  per {@link Roi.Pair} (by ordinal): the residual correlation in trauma windows
     * @param restCoupling    per {@link Roi.Pair}: the residual correlation everywhere else
     * @return {@code [roi][volume]}
     */
    public double[][] synthesize(ScriptTask task, Hrf hrf, double[] traumaAmplitude, double[] traumaCoupling,
            double[] restCoupling, UniformRandomProvider rng) {
        int rois = Roi.values().length;
        if (traumaAmplitude.length != rois || traumaCoupling.length != Roi.Pair.values().length
                || restCoupling.length != Roi.Pair.values().length) {
            throw new IllegalArgumentException("need one amplitude per ROI and one coupling per ROI pair");
        }
        int n = task.volumes();
        double[] xTrauma = task.regressor(Script.TRAUMA, hrf);
        double[] xSad = task.regressor(Script.SAD, hrf);
        double[] xRelax = task.regressor(Script.RELAX, hrf);
        boolean[] trauma = task.window(Script.TRAUMA, couplingShiftSeconds);
        double[][] traumaFactor = factor(traumaCoupling);
        double[][] restFactor = factor(restCoupling);

        double[][] y = new double[rois][n];
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
        double[] w = new double[rois];
        double[] u = new double[rois];
        for (int j = 0; j < n; j++) {
            for (int r = 0; r < rois; r++) {
                w[r] = PatientGenerator.standardNormal(rng);
            }
            Cholesky3.multiply(trauma[j] ? traumaFactor : restFactor, w, u);
            for (int r = 0; r < rois; r++) {
                e[r] = j == 0 ? noiseSd * u[r] : arPhi * e[r] + innovationSd * u[r];
                y[r][j] += e[r];
            }
        }
        return y;
    }

    /** Lower Cholesky factor of the ROI correlation matrix with pair correlations {@code rho} (Roi.Pair order). */
    static double[][] factor(double[] rho) {
        double[][] l = Cholesky3.lower(Cholesky3.correlation(rho[Roi.Pair.AMYGDALA_HIPPOCAMPUS.ordinal()],
                rho[Roi.Pair.AMYGDALA_VMPFC.ordinal()], rho[Roi.Pair.HIPPOCAMPUS_VMPFC.ordinal()]));
        if (l == null) {
            throw new IllegalArgumentException("ROI couplings do not form a positive definite correlation matrix"
                    + " (see ConnectivitySampling.admissible)");
        }
        return l;
    }
}
