package org.reconsim.results.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.numbers.gamma.RegularizedBeta;

/**
 * A location-scale Student t posterior of one coefficient, {@code beta = location + scale T}
 * with {@code T ~ t(df)}: the marginal posterior of a regression coefficient under a
 * normal-inverse-gamma prior ({@link NormalInverseGammaPosterior#coefficient}).
 *
 * <p>Tail probabilities are exact (regularized incomplete beta, as {@link StudentT}); the
 * quantile is commons-math's {@link TDistribution} inverse, solved to {@value #QUANTILE_ACCURACY}
 * absolute accuracy.
 *
 * @param location posterior location (mean when {@code df > 1}, median and mode always)
 * @param scale    posterior scale ({@code sd = scale sqrt(df / (df - 2))} when {@code df > 2})
 * @param df       degrees of freedom, {@code 2 a_n}
 */
public record StudentTPosterior(double location, double scale, double df) {

    private static final double QUANTILE_ACCURACY = 1e-14;

    private static final StudentTPosterior UNDEFINED = new StudentTPosterior(Double.NaN, Double.NaN, Double.NaN);

    /**
     * @throws IllegalArgumentException unless every number is NaN (undefined) or the location is
     *         finite and the scale and df are positive and finite
     */
    public StudentTPosterior {
        boolean undefined = Double.isNaN(location) && Double.isNaN(scale) && Double.isNaN(df);
        if (!undefined && !(Double.isFinite(location) && scale > 0 && Double.isFinite(scale) && df > 0 && Double.isFinite(df))) {
            throw new IllegalArgumentException("t posterior with location " + location + ", scale " + scale + ", df " + df);
        }
    }

    /** The posterior of a fit the data could not support: all NaN. */
    public static StudentTPosterior undefined() {
        return UNDEFINED;
    }

    public boolean isDefined() {
        return !Double.isNaN(location);
    }

    /** {@code P(beta < threshold)}; NaN when undefined. */
    public double probabilityBelow(double threshold) {
        if (!isDefined()) {
            return Double.NaN;
        }
        double t = (threshold - location) / scale;
        // P(T < t) = 1 - I_x(df/2, 1/2) / 2 for t > 0, I_x(df/2, 1/2) / 2 for t <= 0, x = df / (df + t^2)
        double half = 0.5 * RegularizedBeta.value(df / (df + t * t), 0.5 * df, 0.5);
        return t > 0 ? 1 - half : half;
    }

    /**
     * The posterior mass on the side of 0 that holds less of it, doubled:
     * {@code 2 min(P(beta < 0), P(beta > 0))}, computed without cancellation as the two-sided
     * t tail of {@code location / scale}. It is below {@code alpha} exactly when the central
     * {@code 1 - alpha} credible interval excludes 0. NaN when undefined.
     */
    public double twoSidedTail() {
        return StudentT.twoSidedPValue(location / scale, df);
    }

    /** The {@code p} quantile of the posterior, {@code 0 < p < 1}; NaN when undefined. */
    public double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile at p = " + p + " outside (0, 1)");
        }
        return location + scale * standardQuantile(p);
    }

    /** Lower bound of the central credible interval of probability {@code level}: {@code location - q scale}. */
    public double lower(double level) {
        return location + scale * standardQuantile(tail(level));
    }

    /** Upper bound of the central credible interval of probability {@code level}: {@code location + q scale}. */
    public double upper(double level) {
        // the same quantile mirrored, so that the interval is symmetric about the location
        return location - scale * standardQuantile(tail(level));
    }

    private double standardQuantile(double p) {
        return isDefined() ? new TDistribution(null, df, QUANTILE_ACCURACY).inverseCumulativeProbability(p) : Double.NaN;
    }

    private static double tail(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("credible level " + level + " outside (0, 1)");
        }
        return (1 - level) / 2;
    }
}
