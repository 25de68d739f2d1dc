package org.reconsim.results.stats;

import org.apache.commons.math3.special.Erf;

/**
 * Normal posterior of a treatment effect (treatment minus control), summarized as the
 * published trials report it: posterior mean, posterior SD and the 95% credible interval.
 *
 * @param mean  posterior mean
 * @param sd    posterior standard deviation
 * @param lower lower bound of the central 95% credible interval, {@code mean - 1.96 sd}
 * @param upper upper bound of the central 95% credible interval, {@code mean + 1.96 sd}
 */
public record NormalPosterior(double mean, double sd, double lower, double upper) {

    private static final NormalPosterior UNDEFINED =
            new NormalPosterior(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The posterior of an analysis the data could not support: all NaN. */
    public static NormalPosterior undefined() {
        return UNDEFINED;
    }

    /** Whether every component is a number. */
    public boolean isDefined() {
        return !(Double.isNaN(mean) || Double.isNaN(sd) || Double.isNaN(lower) || Double.isNaN(upper));
    }

    /**
     * Posterior probability that the effect is below {@code threshold},
     * {@code Phi((threshold - mean) / sd)}; e.g. {@code probabilityBelow(0)} is the posterior
     * probability of benefit when lower scores are better. {@code NaN} when undefined.
     */
    public double probabilityBelow(double threshold) {
        return 0.5 * Erf.erfc((mean - threshold) / (sd * Math.sqrt(2)));
    }

    /** Whether the 95% credible interval lies entirely on one side of 0. False when undefined. */
    public boolean excludesZero() {
        return lower > 0 || upper < 0;
    }
}
