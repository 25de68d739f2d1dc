package org.reconsim.results.stats;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Two-sided confidence intervals for a binomial proportion {@code p} from {@code x}
 * successes in {@code n} trials.
 */
public final class BinomialInterval {

    /** Absolute accuracy of the beta quantiles: far below any reported digit. */
    private static final double QUANTILE_ACCURACY = 1e-12;

    private BinomialInterval() {
    }

    /**
     * Wilson score interval (Wilson 1927), without continuity correction; good coverage
     * even near 0 and 1. With {@code p = x / n} and {@code z} the standard normal quantile
     * at {@code 1 - (1 - confidence) / 2}:
     * <pre>
     *   centre    = (p + z^2 / (2n)) / (1 + z^2 / n)
     *   halfWidth = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / (4 n^2))
     * </pre>
     *
     * @throws IllegalArgumentException unless {@code 0 <= successes <= trials},
     *         {@code trials > 0} and {@code 0 < confidence < 1}
     */
    public static ProportionInterval wilson(long successes, long trials, double confidence) {
        check(successes, trials, confidence);
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double n = trials;
        double p = successes / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double halfWidth = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
        // The bounds are exactly 0 and 1 at x = 0 and x = n; rounding must not push them out.
        double low = successes == 0 ? 0 : Math.max(0, centre - halfWidth);
        double high = successes == trials ? 1 : Math.min(1, centre + halfWidth);
        return new ProportionInterval(low, high);
    }

    /**
     * Clopper-Pearson "exact" interval (Clopper and Pearson 1934): inverts two one-sided
     * binomial tests, so coverage is at least {@code confidence}. With
     * {@code alpha = 1 - confidence} and {@code B(q; a, b)} the q-quantile of Beta(a, b):
     * <pre>
     *   low  = B(alpha / 2;     x,     n - x + 1),   low  = 0 when x = 0
     *   high = B(1 - alpha / 2; x + 1, n - x),       high = 1 when x = n
     * </pre>
     *
     * @throws IllegalArgumentException unless {@code 0 <= successes <= trials},
     *         {@code trials > 0} and {@code 0 < confidence < 1}
     */
    public static ProportionInterval clopperPearson(long successes, long trials, double confidence) {
        check(successes, trials, confidence);
        double alpha = 1 - confidence;
        double x = successes;
        double n = trials;
        double low = successes == 0 ? 0
                : new BetaDistribution(null, x, n - x + 1, QUANTILE_ACCURACY).inverseCumulativeProbability(alpha / 2);
        double high = successes == trials ? 1
                : new BetaDistribution(null, x + 1, n - x, QUANTILE_ACCURACY).inverseCumulativeProbability(1 - alpha / 2);
        return new ProportionInterval(low, high);
    }

    private static void check(long successes, long trials, double confidence) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " successes in " + trials + " trials");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " outside (0, 1)");
        }
    }
}
