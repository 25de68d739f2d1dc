package org.reconsim.results.stats;

/**
 * Confidence interval for a proportion, such as the power estimated from the share of
 * replicates that reject.
 *
 * @param low  lower bound, in [0, 1]
 * @param high upper bound, in [low, 1]
 */
public record ProportionInterval(double low, double high) {

    /** @throws IllegalArgumentException unless {@code 0 <= low <= high <= 1} */
    public ProportionInterval {
        if (!(0 <= low && low <= high && high <= 1)) {
            throw new IllegalArgumentException("not a proportion interval: [" + low + ", " + high + "]");
        }
    }
}
