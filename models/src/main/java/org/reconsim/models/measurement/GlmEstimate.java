package org.reconsim.models.measurement;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;

/**
 * First-level GLM of one ROI time series for a {@link ScriptTask}: ordinary least squares on
 * <pre>
 *   X = [x_trauma, x_sad, x_relax, 1, l, c_1 .. c_K],   beta = (X'X)^-1 X' y = X+ y,
 *   l_j = (j - (n-1)/2) / (n-1),   c_k(j) = cos(pi k (2j + 1) / (2n))   (SPM's DCT set, spm_dctmtx)
 * </pre>
 * with {@code x_s} the HRF-convolved boxcars ({@link ScriptTask#regressor}). The pseudo-inverse
 * {@code X+} is computed once (Householder QR), so each fit is one {@code p x n} product.
 * The outcome is the trauma-minus-relax contrast {@code c'beta, c = (1, 0, -1, 0, ...)}.
 * OLS is unbiased under AR(1) noise (not efficient: no prewhitening, and so no standard errors here).
 */
public final class GlmEstimate {

    /** [assumption] three cosines: periods 2n tr / k = 1100, 550, 367 s for the Duek task, all longer than its 180-s cycle. */
    public static final int DEFAULT_COSINES = 3;

    private final double[][] pinv;
    /** The design, [volume][regressor]. */
    private final double[][] design;
    private final int volumes;

    /** The design of {@code task} with HRF {@code hrf} and {@code cosines} DCT drift terms. */
    public GlmEstimate(ScriptTask task, Hrf hrf, int cosines) {
        if (cosines < 0) {
            throw new IllegalArgumentException("cosines must be >= 0");
        }
        int n = task.volumes();
        int p = 5 + cosines;
        double[][] x = new double[n][p];
        Script[] scripts = Script.values();
        for (int s = 0; s < 3; s++) {
            double[] r = task.regressor(scripts[s], hrf);
            for (int j = 0; j < n; j++) {
                x[j][s] = r[j];
            }
        }
        for (int j = 0; j < n; j++) {
            x[j][3] = 1;
            x[j][4] = linearDrift(j, n);
            for (int k = 1; k <= cosines; k++) {
                x[j][4 + k] = cosineDrift(k, j, n);
            }
        }
        DecompositionSolver solver = new QRDecomposition(new Array2DRowRealMatrix(x, false), 1e-10).getSolver();
        if (!solver.isNonSingular()) {
            throw new IllegalArgumentException("design matrix is rank deficient");
        }
        this.pinv = solver.getInverse().getData();
        this.design = x;
        this.volumes = n;
    }

    /** The Duek 2023 task with SPM's canonical HRF and {@link #DEFAULT_COSINES} cosines. */
    public static GlmEstimate duek2023() {
        return new GlmEstimate(ScriptTask.duek2023(), Hrf.SPM_CANONICAL, DEFAULT_COSINES);
    }

    /** Number of regressors. */
    public int regressors() {
        return pinv.length;
    }

    /** OLS fit of one series of the task's length. */
    public GlmFit fit(double[] y) {
        if (y.length != volumes) {
            throw new IllegalArgumentException("series has " + y.length + " volumes, design " + volumes);
        }
        return new GlmFit(dot(pinv[0], y), dot(pinv[1], y), dot(pinv[2], y), dot(pinv[3], y));
    }

    /** {@code y - X beta}: the series with the task responses, baseline and drifts regressed out. */
    public double[] residuals(double[] y) {
        if (y.length != volumes) {
            throw new IllegalArgumentException("series has " + y.length + " volumes, design " + volumes);
        }
        double[] beta = new double[pinv.length];
        for (int q = 0; q < beta.length; q++) {
            beta[q] = dot(pinv[q], y);
        }
        double[] e = new double[volumes];
        for (int j = 0; j < volumes; j++) {
            e[j] = y[j] - dot(design[j], beta);
        }
        return e;
    }

    /**
     * Sampling variance of the trauma-minus-relax estimate under stationary AR(1) noise of SD
     * {@code noiseSd} and coefficient {@code phi}: {@code w' Sigma w} with {@code w = X+' c},
     * {@code Sigma_ij = noiseSd^2 phi^|i - j|} (the drift terms the series add lie in the design,
     * so they add nothing).
     */
    public double traumaMinusRelaxVariance(double noiseSd, double phi) {
        double[] w = new double[volumes];
        for (int j = 0; j < volumes; j++) {
            w[j] = pinv[0][j] - pinv[2][j];
        }
        // s_i = sum_j phi^|i-j| w_j by one forward and one backward recursion
        double[] forward = new double[volumes];
        double acc = 0;
        for (int j = 0; j < volumes; j++) {
            acc = phi * acc + w[j];
            forward[j] = acc;
        }
        double var = 0;
        acc = 0;
        for (int j = volumes - 1; j >= 0; j--) {
            double backward = acc;
            var += w[j] * (forward[j] + phi * backward);
            acc = phi * acc + w[j];
        }
        return noiseSd * noiseSd * var;
    }

    /** {@code l_j = (j - (n-1)/2) / (n-1)}: a linear drift from -1/2 to 1/2 over the scan. */
    public static double linearDrift(int j, int n) {
        return n == 1 ? 0 : (j - (n - 1) / 2.0) / (n - 1);
    }

    /** {@code c_k(j) = cos(pi k (2j + 1) / (2n))}: the k-th DCT drift term (period 2n/k volumes). */
    public static double cosineDrift(int k, int j, int n) {
        return Math.cos(Math.PI * k * (2 * j + 1) / (2.0 * n));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Condition betas and intercept of one fit.
     *
     * @param trauma    trauma-script amplitude (signal units at the block plateau)
     * @param sad       sad-script amplitude
     * @param relax     relax-script amplitude
     * @param intercept baseline
     */
    public record GlmFit(double trauma, double sad, double relax, double intercept) {

        /** The anchor study's outcome: {@code beta_trauma - beta_relax}. */
        public double traumaMinusRelax() {
            return trauma - relax;
        }
    }
}
