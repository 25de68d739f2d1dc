package org.reconsim.results.stats;

import java.util.Arrays;

/**
 * The normal-inverse-gamma posterior of a linear model's coefficients and residual variance,
 * {@code beta | sigma^2, y ~ N(mn, sigma^2 Vn)}, {@code sigma^2 | y ~ IG(an, bn)}, as
 * {@link NormalInverseGammaRegression#posterior} computes it. Immutable: arrays are copied out.
 */
public final class NormalInverseGammaPosterior {

    private final double[] mean;
    private final double[][] covarianceFactor;
    private final double shape;
    private final double scale;
    private final int observations;

    NormalInverseGammaPosterior(double[] mean, double[][] covarianceFactor, double shape, double scale, int observations) {
        this.mean = mean;
        this.covarianceFactor = covarianceFactor;
        this.shape = shape;
        this.scale = scale;
        this.observations = observations;
    }

    /** The posterior of a fit the data cannot support: every number NaN. */
    static NormalInverseGammaPosterior undefined(int k) {
        double[] nan = new double[k];
        Arrays.fill(nan, Double.NaN);
        double[][] nans = new double[k][];
        Arrays.fill(nans, nan);
        return new NormalInverseGammaPosterior(nan, nans, Double.NaN, Double.NaN, 0);
    }

    /** Whether the posterior is proper (the data could support it). */
    public boolean isDefined() {
        return !Double.isNaN(shape);
    }

    /** Number of coefficients. */
    public int coefficients() {
        return mean.length;
    }

    /** Posterior location {@code mn} of the coefficients (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** {@code Vn}: the coefficients' posterior covariance given {@code sigma^2} is {@code sigma^2 Vn} (a copy). */
    public double[][] covarianceFactor() {
        double[][] copy = new double[covarianceFactor.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = covarianceFactor[i].clone();
        }
        return copy;
    }

    /** Shape {@code an} of the inverse-gamma posterior of {@code sigma^2}. */
    public double shape() {
        return shape;
    }

    /** Scale {@code bn} of the inverse-gamma posterior of {@code sigma^2}. */
    public double scale() {
        return scale;
    }

    /** Complete rows the posterior used; 0 when undefined. */
    public int observations() {
        return observations;
    }

    /**
     * The marginal posterior of coefficient {@code j}: Student t with {@code 2 an} degrees of
     * freedom, location {@code mn_j} and scale {@code sqrt((bn / an) [Vn]_jj)} (the
     * normal scale mixture over {@code sigma^2 ~ IG(an, bn)}); undefined when this is, or when the
     * numbers overflowed.
     */
    public StudentTPosterior coefficient(int j) {
        if (j < 0 || j >= mean.length) {
            throw new IllegalArgumentException("coefficient " + j + " outside [0, " + mean.length + ")");
        }
        double tScale = Math.sqrt(scale / shape * covarianceFactor[j][j]);
        if (!isDefined() || !(Double.isFinite(mean[j]) && tScale > 0 && Double.isFinite(tScale))) {
            return StudentTPosterior.undefined(); // undefined, or values so large (near 1e150) that the sums overflow
        }
        return new StudentTPosterior(mean[j], tScale, 2 * shape);
    }

    @Override
    public String toString() {
        return "NormalInverseGammaPosterior[mn " + Arrays.toString(mean) + ", an " + shape + ", bn " + scale + ", " + observations
                + " rows]";
    }
}
