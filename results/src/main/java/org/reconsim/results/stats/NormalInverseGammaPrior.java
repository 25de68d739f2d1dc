package org.reconsim.results.stats;

import java.util.Arrays;

/**
 * A conjugate normal-inverse-gamma prior of a normal linear model
 * {@code y = X beta + e, e ~ N(0, sigma^2 I)} with {@code k} coefficients, some of which may
 * have a flat (improper) prior:
 * <pre>
 *   p(beta, sigma^2)  proportional to  (sigma^2)^-(a0 + 1) exp(-b0 / sigma^2)
 *                                      * (sigma^2)^-(k_p / 2) exp(-(beta - m0)' L0 (beta - m0) / (2 sigma^2))
 * </pre>
 * {@code L0} is the prior precision {@code V0^-1} (symmetric, positive semi-definite); a
 * coefficient whose row and column of {@code L0} are zero has a flat prior and the other
 * {@code k_p} coefficients a proper one, {@code beta_p | sigma^2 ~ N(m0_p, sigma^2 (L0_pp)^-1)}
 * (whose block of {@code L0} must be positive definite). Flat coefficients add no factor, so
 * the prior of {@code sigma^2} is {@code IG(a0, b0)} whatever the number of flat coefficients
 * (for {@code a0, b0 > 0}); {@code a0 = b0 = 0} is {@code p(sigma^2) ~ 1 / sigma^2}, and with every
 * coefficient flat that is the reference prior {@code p(beta, sigma^2) ~ sigma^-2} of Gelman et
 * al. (2013, BDA3 section 14.2). Every coefficient proper gives the usual NIG(m0, V0, a0, b0)
 * of O'Hagan &amp; Forster (2004, Kendall's Advanced Theory of Statistics 2B, the normal linear
 * model). The posterior is {@link NormalInverseGammaRegression#posterior}.
 *
 * <p>Immutable: arrays are copied in and out.
 */
public final class NormalInverseGammaPrior {

    private final double[] mean;
    private final double[][] precision;
    private final double shape;
    private final double scale;
    private final int flat;

    private NormalInverseGammaPrior(double[] mean, double[][] precision, double shape, double scale, int flat) {
        this.mean = mean;
        this.precision = precision;
        this.shape = shape;
        this.scale = scale;
        this.flat = flat;
    }

    /**
     * The prior with mean {@code m0}, precision {@code L0}, shape {@code a0} and scale {@code b0}.
     *
     * @throws IllegalArgumentException if there is no coefficient, the sizes disagree, a number is
     *         not finite, {@code L0} is not symmetric, a flat coefficient (zero diagonal) has a
     *         nonzero off-diagonal entry, the proper block is not positive definite, or
     *         {@code a0} or {@code b0} is negative
     */
    public static NormalInverseGammaPrior of(double[] mean, double[][] precision, double shape, double scale) {
        int k = mean.length;
        if (k == 0) {
            throw new IllegalArgumentException("a prior needs at least one coefficient");
        }
        if (precision.length != k) {
            throw new IllegalArgumentException(precision.length + " rows of prior precision for " + k + " coefficients");
        }
        double[][] l0 = new double[k][];
        for (int i = 0; i < k; i++) {
            if (precision[i].length != k) {
                throw new IllegalArgumentException("prior precision row " + i + " has " + precision[i].length + " entries, not " + k);
            }
            l0[i] = precision[i].clone();
        }
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("prior mean " + i + " is " + mean[i]);
            }
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(l0[i][j])) {
                    throw new IllegalArgumentException("prior precision [" + i + "][" + j + "] is " + l0[i][j]);
                }
                if (l0[i][j] != l0[j][i]) {
                    throw new IllegalArgumentException("prior precision is not symmetric at [" + i + "][" + j + "]");
                }
            }
        }
        boolean[] isFlat = new boolean[k];
        int flat = 0;
        for (int i = 0; i < k; i++) {
            if (l0[i][i] == 0) {
                for (int j = 0; j < k; j++) {
                    if (l0[i][j] != 0) {
                        throw new IllegalArgumentException("coefficient " + i + " has a flat prior (zero precision) but precision ["
                                + i + "][" + j + "] = " + l0[i][j]);
                    }
                }
                isFlat[i] = true;
                flat++;
            }
        }
        if (!properBlockIsPositiveDefinite(l0, isFlat)) {
            throw new IllegalArgumentException("the prior precision of the coefficients with a proper prior is not positive definite");
        }
        if (!(shape >= 0 && Double.isFinite(shape))) {
            throw new IllegalArgumentException("prior shape a0 = " + shape + " is not a finite number >= 0");
        }
        if (!(scale >= 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("prior scale b0 = " + scale + " is not a finite number >= 0");
        }
        return new NormalInverseGammaPrior(mean.clone(), l0, shape, scale, flat);
    }

    /** The reference prior {@code p(beta, sigma^2) ~ sigma^-2} of {@code k} coefficients (BDA3 14.2). */
    public static NormalInverseGammaPrior reference(int k) {
        return of(new double[k], new double[k][k], 0, 0);
    }

    private static boolean properBlockIsPositiveDefinite(double[][] l0, boolean[] isFlat) {
        int k = l0.length;
        int[] proper = new int[k];
        int p = 0;
        for (int i = 0; i < k; i++) {
            if (!isFlat[i]) {
                proper[p++] = i;
            }
        }
        double[][] block = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                block[i][j] = l0[proper[i]][proper[j]];
            }
        }
        return Cholesky.decompose(block, 0) != null;
    }

    /** Number of coefficients {@code k}. */
    public int coefficients() {
        return mean.length;
    }

    /** Prior mean {@code m0} (a copy; a flat coefficient's entry is not used). */
    public double[] mean() {
        return mean.clone();
    }

    /** Prior precision {@code L0 = V0^-1} (a copy). */
    public double[][] precision() {
        double[][] copy = new double[precision.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = precision[i].clone();
        }
        return copy;
    }

    double precisionAt(int i, int j) {
        return precision[i][j];
    }

    double meanAt(int i) {
        return mean[i];
    }

    /** Shape {@code a0} of the inverse-gamma prior of {@code sigma^2}. */
    public double shape() {
        return shape;
    }

    /** Scale {@code b0} of the inverse-gamma prior of {@code sigma^2}. */
    public double scale() {
        return scale;
    }

    /** Number of coefficients with a flat prior, {@code k - k_p}. */
    public int flatCoefficients() {
        return flat;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof NormalInverseGammaPrior p && Arrays.equals(mean, p.mean)
                && Arrays.deepEquals(precision, p.precision) && shape == p.shape && scale == p.scale;
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(mean) * 31 + Arrays.deepHashCode(precision)) * 31 + Double.hashCode(shape) * 17 + Double.hashCode(scale);
    }

    @Override
    public String toString() {
        return "NormalInverseGammaPrior[m0 " + Arrays.toString(mean) + ", L0 " + Arrays.deepToString(precision) + ", a0 " + shape
                + ", b0 " + scale + "]";
    }
}
