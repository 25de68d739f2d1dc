package org.reconsim.models.population;

import java.util.List;

/**
 * Correlated standard normals from independent ones: {@code L z} with {@code L} the lower
 * Cholesky factor of the correlation matrix (inter-individual variability of correlated
 * PK parameters).
 */
public final class CorrelatedNormals {

    private final double[][] factor;

    /** IllegalArgumentException when the matrix is not square and positive definite. */
    public CorrelatedNormals(List<List<Double>> correlation) {
        int n = correlation.size();
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (correlation.get(i).size() != n) {
                throw new IllegalArgumentException("correlation matrix is not square");
            }
            for (int j = 0; j <= i; j++) {
                double s = correlation.get(i).get(j);
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalArgumentException("correlation matrix is not positive definite");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        this.factor = l;
    }

    /** {@code L z}. */
    public double[] apply(double[] z) {
        int n = factor.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += factor[i][j] * z[j];
            }
            out[i] = s;
        }
        return out;
    }
}
