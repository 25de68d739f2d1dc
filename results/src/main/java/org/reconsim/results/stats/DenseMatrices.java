package org.reconsim.results.stats;

/**
 * Small dense symmetric positive-definite algebra on row-major {@code n x n} arrays (the
 * covariance blocks and normal equations of {@link Mmrm}, at most a few dozen rows), without
 * allocation: every method writes into arrays its caller owns.
 */
final class DenseMatrices {

    private DenseMatrices() {
    }

    /**
     * Cholesky factor {@code L} (lower triangle, {@code A = L L'}) of the symmetric
     * {@code n x n} matrix {@code a}, written to {@code l}; {@code l} may be {@code a}.
     *
     * @return false when a pivot is not positive (the matrix is not positive definite)
     */
    static boolean cholesky(double[] a, int n, double[] l) {
        for (int j = 0; j < n; j++) {
            double diagonal = a[j * n + j];
            for (int k = 0; k < j; k++) {
                diagonal -= l[j * n + k] * l[j * n + k];
            }
            if (!(diagonal > 0) || diagonal == Double.POSITIVE_INFINITY) {
                return false;
            }
            diagonal = Math.sqrt(diagonal);
            l[j * n + j] = diagonal;
            for (int i = j + 1; i < n; i++) {
                double value = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    value -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = value / diagonal;
            }
            for (int i = 0; i < j; i++) {
                l[i * n + j] = 0;
            }
        }
        return true;
    }

    /** {@code log det A = 2 sum log L_jj} from the Cholesky factor. */
    static double logDeterminant(double[] l, int n) {
        double value = 0;
        for (int j = 0; j < n; j++) {
            value += Math.log(l[j * n + j]);
        }
        return 2 * value;
    }

    /** Solves {@code L L' x = b} in place ({@code x} holds {@code b} on entry). */
    static void solve(double[] l, int n, double[] x) {
        for (int i = 0; i < n; i++) {
            double value = x[i];
            for (int k = 0; k < i; k++) {
                value -= l[i * n + k] * x[k];
            }
            x[i] = value / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double value = x[i];
            for (int k = i + 1; k < n; k++) {
                value -= l[k * n + i] * x[k];
            }
            x[i] = value / l[i * n + i];
        }
    }

    /** {@code (L L')^-1} into {@code inverse}, column by column; {@code work} has length {@code n}. */
    static void invert(double[] l, int n, double[] inverse, double[] work) {
        for (int column = 0; column < n; column++) {
            java.util.Arrays.fill(work, 0, n, 0);
            work[column] = 1;
            solve(l, n, work);
            for (int i = 0; i < n; i++) {
                inverse[i * n + column] = work[i];
            }
        }
    }

    /** {@code out = a b} for {@code n x n} matrices; {@code out} must differ from both. */
    static void multiply(double[] a, double[] b, int n, double[] out) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double value = 0;
                for (int k = 0; k < n; k++) {
                    value += a[i * n + k] * b[k * n + j];
                }
                out[i * n + j] = value;
            }
        }
    }

    /** {@code tr(a b) = sum_ij a_ij b_ji} for {@code n x n} matrices. */
    static double traceOfProduct(double[] a, double[] b, int n) {
        double value = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                value += a[i * n + j] * b[j * n + i];
            }
        }
        return value;
    }
}
