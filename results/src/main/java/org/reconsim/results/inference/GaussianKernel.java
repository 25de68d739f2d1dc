package org.reconsim.results.inference;

/**
 * A multivariate normal perturbation kernel K(x | centre) = N(x; centre, Sigma), Sigma twice the
 * weighted covariance of the previous population (Beaumont et al. 2009, Biometrika 96:983,
 * who show that this choice minimizes the Kullback-Leibler divergence between proposal and
 * target for a Gaussian kernel, as refined by Filippi et al. 2013).
 */
final class GaussianKernel {

    private final double[][] cholesky;
    private final double logNormalization;

    private GaussianKernel(double[][] cholesky) {
        this.cholesky = cholesky;
        int d = cholesky.length;
        double logDet = 0;
        for (int i = 0; i < d; i++) {
            logDet += 2 * Math.log(cholesky[i][i]);
        }
        this.logNormalization = -0.5 * (d * Math.log(2 * Math.PI) + logDet);
    }

    /**
     * Twice the weighted covariance of {@code points} (rows) under {@code weights} (any
     * positive scale). A degenerate covariance (one particle, or all equal in a direction) is
     * regularized on its diagonal by 1e-6 of the largest variance, or by {@code fallback}'s
     * diagonal when that is zero too, so the kernel always moves.
     */
    static GaussianKernel of(double[][] points, double[] weights, double[] fallbackVariance) {
        int d = fallbackVariance.length;
        double total = 0;
        double[] mean = new double[d];
        for (int j = 0; j < points.length; j++) {
            total += weights[j];
            for (int i = 0; i < d; i++) {
                mean[i] += weights[j] * points[j][i];
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= total;
        }
        double[][] cov = new double[d][d];
        for (int j = 0; j < points.length; j++) {
            double w = weights[j] / total;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    cov[a][b] += w * (points[j][a] - mean[a]) * (points[j][b] - mean[b]);
                }
            }
        }
        double largest = 0;
        for (int a = 0; a < d; a++) {
            largest = Math.max(largest, cov[a][a]);
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                cov[a][b] *= 2;
                cov[b][a] = cov[a][b];
            }
        }
        double[][] l = cholesky(cov);
        for (double jitter = 1e-6; l == null && jitter <= 1; jitter *= 100) {
            double[][] regular = new double[d][];
            for (int a = 0; a < d; a++) {
                regular[a] = cov[a].clone();
                regular[a][a] += largest > 0 ? jitter * 2 * largest : jitter * fallbackVariance[a];
            }
            l = cholesky(regular);
        }
        if (l == null) {
            double[][] diagonal = new double[d][d];
            for (int a = 0; a < d; a++) {
                diagonal[a][a] = fallbackVariance[a];
            }
            l = cholesky(diagonal);
        }
        return new GaussianKernel(l);
    }

    /** centre + L z for standard normal scores {@code z}. */
    double[] perturb(double[] centre, double[] z) {
        int d = centre.length;
        double[] x = new double[d];
        for (int a = 0; a < d; a++) {
            double s = centre[a];
            for (int b = 0; b <= a; b++) {
                s += cholesky[a][b] * z[b];
            }
            x[a] = s;
        }
        return x;
    }

    /** log N(x; centre, Sigma). */
    double logDensity(double[] x, double[] centre) {
        int d = x.length;
        // solve L y = x - centre; the quadratic form is |y|^2
        double quadratic = 0;
        double[] y = new double[d];
        for (int a = 0; a < d; a++) {
            double s = x[a] - centre[a];
            for (int b = 0; b < a; b++) {
                s -= cholesky[a][b] * y[b];
            }
            y[a] = s / cholesky[a][a];
            quadratic += y[a] * y[a];
        }
        return logNormalization - 0.5 * quadratic;
    }

    private static double[][] cholesky(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0) || !Double.isFinite(s)) {
                        return null;
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
