package org.reconsim.results.stats;

/**
 * Cholesky factor {@code A = L L'} of a small symmetric matrix, with the singularity test the
 * regressions share: a pivot that is not above {@code tolerance * A_jj} means column {@code j}
 * is (nearly) a linear combination of the earlier ones, since for a cross-product matrix the
 * ratio pivot / {@code A_jj} is {@code 1 - R^2} of that column on the earlier columns.
 */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * The lower-triangular factor of the symmetric {@code a} (only its lower triangle is read),
     * or {@code null} when a pivot {@code d_j} fails {@code d_j > tolerance * a_jj} (for
     * {@code tolerance = 0}: when {@code a} is not positive definite).
     */
    static double[][] decompose(double[][] a, double tolerance) {
        int k = a.length;
        double[][] l = new double[k][k];
        for (int j = 0; j < k; j++) {
            double pivot = a[j][j];
            for (int c = 0; c < j; c++) {
                pivot -= l[j][c] * l[j][c];
            }
            if (!(pivot > tolerance * a[j][j]) || !(pivot > 0)) {
                return null;
            }
            double d = Math.sqrt(pivot);
            l[j][j] = d;
            for (int i = j + 1; i < k; i++) {
                double s = a[i][j];
                for (int c = 0; c < j; c++) {
                    s -= l[i][c] * l[j][c];
                }
                l[i][j] = s / d;
            }
        }
        return l;
    }

    /** The solution {@code x} of {@code L L' x = b}. */
    static double[] solve(double[][] l, double[] b) {
        int k = l.length;
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int c = 0; c < i; c++) {
                s -= l[i][c] * z[c];
            }
            z[i] = s / l[i][i];
        }
        double[] x = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = z[i];
            for (int c = i + 1; c < k; c++) {
                s -= l[c][i] * x[c];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** {@code (L L')^-1}, column by column. */
    static double[][] inverse(double[][] l) {
        int k = l.length;
        double[][] inv = new double[k][k];
        double[] unit = new double[k];
        for (int j = 0; j < k; j++) {
            unit[j] = 1;
            double[] column = solve(l, unit);
            unit[j] = 0;
            for (int i = 0; i < k; i++) {
                inv[i][j] = column[i];
            }
        }
        // symmetric by construction up to rounding; make it exactly so
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (inv[i][j] + inv[j][i]);
                inv[i][j] = m;
                inv[j][i] = m;
            }
        }
        return inv;
    }
}
