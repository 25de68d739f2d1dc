package org.reconsim.results.sequential;

import java.util.Arrays;

/**
 * The sub-density of the standardized statistic {@code Z_k} of a trial that has continued
 * past looks {@code 1..k}, on a quadrature grid: the recursive numerical integration of
 * Jennison &amp; Turnbull (2000, ch. 19; after Armitage, McPherson &amp; Rowe 1969).
 *
 * <p>Canonical joint distribution (Jennison &amp; Turnbull 2000, sec. 3.1): at information
 * fractions {@code t_1 < ... < t_K = 1} and drift {@code theta}, the score
 * {@code S_k = Z_k sqrt(t_k)} is a Brownian motion with drift {@code theta} observed at the
 * {@code t_k}: {@code Z_k ~ N(theta sqrt(t_k), 1)} with independent increments
 * {@code S_k - S_{k-1} ~ N(theta D_k, D_k)}, {@code D_k = t_k - t_{k-1}}. So the
 * sub-density {@code h_k} of {@code Z_k} on the trials still running after look {@code k-1}
 * obeys
 * <pre>
 *   h_k(z) = integral over (a_{k-1}, b_{k-1}) of h_{k-1}(y) sqrt(t_k / D_k)
 *            phi((z sqrt(t_k) - y sqrt(t_{k-1}) - theta D_k) / sqrt(D_k)) dy,
 * </pre>
 * started from a point mass at {@code Z_0 = 0}, {@code t_0 = 0}, which makes
 * {@code h_1(z) = phi(z - theta sqrt(t_1))}. The probabilities of crossing a bound at the next
 * look are the same integral with {@code Phi} (or {@code 1 - Phi}) of the standardized
 * increment in place of the density.
 *
 * <p>Grid (Jennison &amp; Turnbull 2000, sec. 19.2): with {@code mu = theta sqrt(t_k)}, the
 * {@code 6r - 1} points
 * <pre>
 *   mu - 3 - 4 ln(r / i)             i = 1 .. r-1
 *   mu - 3 + 3 (i - r) / (2r)        i = r .. 5r
 *   mu + 3 + 4 ln(r / (6r - i))      i = 5r+1 .. 6r-1
 * </pre>
 * dense within 3 standard deviations of the mean, sparse in the tails to
 * {@code mu +- (3 + 4 ln r)}; those outside the continuation interval {@code (a, b)} are
 * replaced by its ends, duplicates dropped, and the midpoints of successive points added, so
 * that Simpson's rule on each pair of neighbours integrates with error {@code O(r^-4)}.
 * Instances are immutable.
 */
final class ContinuationDensity {

    /** Squared standardized increment beyond which the normal kernel is dropped: 9 SD. */
    private static final double NEGLIGIBLE_KERNEL = 81;

    private final double informationFraction;
    /** Grid points in increasing order. */
    private final double[] z;
    /** Simpson weight times sub-density at each grid point. */
    private final double[] weightedDensity;

    private ContinuationDensity(double informationFraction, double[] z, double[] weightedDensity) {
        this.informationFraction = informationFraction;
        this.z = z;
        this.weightedDensity = weightedDensity;
    }

    /** Every trial before its first look: a point mass at {@code Z_0 = 0}, {@code t_0 = 0}. */
    static ContinuationDensity start() {
        return new ContinuationDensity(0, new double[] {0}, new double[] {1});
    }

    /** The information fraction of the look this density belongs to. */
    double informationFraction() {
        return informationFraction;
    }

    /** The probability of having continued this far: the integral of the sub-density. */
    double mass() {
        double sum = 0;
        for (double w : weightedDensity) {
            sum += w;
        }
        return sum;
    }

    /**
     * {@code P(continue past this look, Z_next >= bound)} at information fraction
     * {@code next} under drift {@code theta}; {@code 0} for {@code bound = +Infinity}.
     */
    double upperTail(double bound, double next, double theta) {
        if (bound == Double.POSITIVE_INFINITY) {
            return 0;
        }
        Increment increment = new Increment(informationFraction, next, theta);
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            sum += weightedDensity[i] * StandardNormal.upperTail(increment.standardized(bound, z[i]));
        }
        return sum;
    }

    /**
     * {@code P(continue past this look, Z_next < bound)} at information fraction
     * {@code next} under drift {@code theta}; {@code 0} for {@code bound = -Infinity}.
     */
    double lowerTail(double bound, double next, double theta) {
        if (bound == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        Increment increment = new Increment(informationFraction, next, theta);
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            sum += weightedDensity[i] * StandardNormal.cdf(increment.standardized(bound, z[i]));
        }
        return sum;
    }

    /**
     * The sub-density at the next look, at information fraction {@code next}, of the trials
     * that continue there: those with {@code lower < Z_next < upper} (either may be
     * infinite). An empty or vanishing interval gives mass 0.
     *
     * @param r the grid size parameter: at most {@code 12r - 3} points
     */
    ContinuationDensity next(double lower, double upper, double next, double theta, int r) {
        double[] nodes = trimmedGrid(theta * Math.sqrt(next), lower, upper, r);
        if (nodes.length < 2) {
            return new ContinuationDensity(next, new double[0], new double[0]);
        }
        int points = 2 * nodes.length - 1;
        double[] grid = new double[points];
        double[] weights = new double[points];
        for (int j = 0; j + 1 < nodes.length; j++) {
            double width = nodes[j + 1] - nodes[j];
            grid[2 * j] = nodes[j];
            grid[2 * j + 1] = 0.5 * (nodes[j] + nodes[j + 1]);
            weights[2 * j] += width / 6;
            weights[2 * j + 1] += 4 * width / 6;
            weights[2 * j + 2] += width / 6;
        }
        grid[points - 1] = nodes[nodes.length - 1];

        Increment increment = new Increment(informationFraction, next, theta);
        double jacobian = Math.sqrt(next / increment.width);
        double[] weighted = new double[points];
        for (int m = 0; m < points; m++) {
            double density = 0;
            for (int i = 0; i < z.length; i++) {
                double x = increment.standardized(grid[m], z[i]);
                // beyond 9 SD the kernel is below 3e-18 and the sum (at most sqrt(t_k / D_k)
                // times a mass of 1) cannot feel it; skipping saves most of the exp calls
                if (x * x < NEGLIGIBLE_KERNEL) {
                    density += weightedDensity[i] * StandardNormal.density(x);
                }
            }
            weighted[m] = weights[m] * jacobian * density;
        }
        return new ContinuationDensity(next, grid, weighted);
    }

    /**
     * The Jennison-Turnbull grid around {@code mean} with its points outside
     * {@code [lower, upper]} moved onto the nearer end and duplicates removed.
     */
    static double[] trimmedGrid(double mean, double lower, double upper, int r) {
        if (!(lower < upper)) {
            return new double[0];
        }
        int count = 6 * r - 1;
        double[] nodes = new double[count];
        int n = 0;
        for (int i = 1; i <= count; i++) {
            double x;
            if (i < r) {
                x = mean - 3 - 4 * Math.log((double) r / i);
            } else if (i <= 5 * r) {
                x = mean - 3 + 3.0 * (i - r) / (2.0 * r);
            } else {
                x = mean + 3 + 4 * Math.log((double) r / (6 * r - i));
            }
            x = Math.min(Math.max(x, lower), upper);
            if (n == 0 || x > nodes[n - 1]) {
                nodes[n++] = x;
            }
        }
        return Arrays.copyOf(nodes, n);
    }

    /** The increment of the score from one look to the next, standardized. */
    private static final class Increment {
        final double sqrtFrom;
        final double sqrtTo;
        final double width;
        final double sqrtWidth;
        final double meanIncrement;

        Increment(double from, double to, double theta) {
            if (!(to > from)) {
                throw new IllegalArgumentException("next information fraction " + to + " is not after " + from);
            }
            sqrtFrom = Math.sqrt(from);
            sqrtTo = Math.sqrt(to);
            width = to - from;
            sqrtWidth = Math.sqrt(width);
            meanIncrement = theta * width;
        }

        /** {@code (zNext sqrt(t_next) - z sqrt(t) - theta D) / sqrt(D)}. */
        double standardized(double zNext, double z) {
            return (zNext * sqrtTo - z * sqrtFrom - meanIncrement) / sqrtWidth;
        }
    }
}
