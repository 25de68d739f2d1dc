package org.reconsim.models.measurement;

/**
 * Lower Cholesky factors of 3 x 3 symmetric matrices, for the correlated draws of the three
 * regions and the three connectivity edges (docs/MODEL.md section 5). Small and allocation-light:
 * the fast connectivity path factors one matrix per patient and scan.
 */
public final class Cholesky3 {

    private Cholesky3() {
    }

    /**
     * The correlation matrix with off-diagonals {@code r01, r02, r12}:
     * {@code [[1, r01, r02], [r01, 1, r12], [r02, r12, 1]]}.
     */
    public static double[][] correlation(double r01, double r02, double r12) {
        return new double[][] {{1, r01, r02}, {r01, 1, r12}, {r02, r12, 1}};
    }

    /** Lower factor {@code L} with {@code L L' = a}, or null when {@code a} is not positive definite. */
    public static double[][] lower(double[][] a) {
        double[][] l = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
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

    /** Whether the correlation matrix of {@code r01, r02, r12} is positive definite. */
    public static boolean positiveDefinite(double r01, double r02, double r12) {
        return lower(correlation(r01, r02, r12)) != null;
    }

    /** {@code out = L z} (out may not be z). */
    public static void multiply(double[][] l, double[] z, double[] out) {
        for (int i = 0; i < 3; i++) {
            double s = 0;
            for (int k = 0; k <= i; k++) {
                s += l[i][k] * z[k];
            }
            out[i] = s;
        }
    }
}
