package org.reconsim.results.sequential;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * The standard normal distribution through the complementary error function, so that tail
 * probabilities keep full relative precision far out (an O'Brien-Fleming bound spends
 * {@code ~1e-10} at a first look), where {@code 1 - Phi(x)} would round to zero.
 */
final class StandardNormal {

    private static final double SQRT_2 = Math.sqrt(2);
    private static final double INVERSE_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private StandardNormal() {
    }

    /** {@code phi(x) = exp(-x^2 / 2) / sqrt(2 pi)}. */
    static double density(double x) {
        return INVERSE_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** {@code Phi(x) = erfc(-x / sqrt 2) / 2}. */
    static double cdf(double x) {
        return 0.5 * Erfc.value(-x / SQRT_2);
    }

    /** {@code 1 - Phi(x) = erfc(x / sqrt 2) / 2}. */
    static double upperTail(double x) {
        return 0.5 * Erfc.value(x / SQRT_2);
    }

    /**
     * The upper {@code p} quantile {@code z_{1-p} = sqrt(2) erfc^-1(2 p)}: {@code upperTail} of
     * it is {@code p}.
     */
    static double upperQuantile(double p) {
        return SQRT_2 * InverseErfc.value(2 * p);
    }
}
