package org.reconsim.results.stats;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The random draws of {@link MonotoneImputation} from a seed: xoshiro256++ (Blackman &amp; Vigna
 * 2021) seeded through SplitMix64, standard normals by the McFarland (2016) ziggurat, and
 * chi-squares as {@code 2 Gamma(df / 2)} by Marsaglia &amp; Tsang's (2000) method (for shape
 * below 1 with the boost {@code Gamma(a) = Gamma(a + 1) U^(1/a)}), written here rather than
 * taken from commons-rng so that no sampler object is made per draw and the stream of a seed
 * cannot change with a library's version.
 *
 * <p>{@link #seedOf} derives a seed from a dataset itself, so that an analysis is a function of
 * its data (and a setting): the same trial gives the same imputations on any thread, in any
 * order, in a power run or alone, and two datasets that differ in any value or allocation get
 * unrelated streams.
 */
public final class ImputationNoise implements MonotoneImputation.Noise {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian gaussian;

    public ImputationNoise(long seed) {
        SplitMix64 expand = new SplitMix64(seed);
        this.rng = new XoShiRo256PlusPlus(new long[] {expand.nextLong(), expand.nextLong(), expand.nextLong(), expand.nextLong()});
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    /**
     * A 64-bit hash of {@code salt}, the allocation and every value (their IEEE bits; a NaN is a
     * missed value), mixed by SplitMix64's finalizer (Steele, Lea &amp; Flood 2014) value by value.
     */
    public static long seedOf(long salt, boolean[] treated, double[][] values, int n) {
        long h = mix(salt + GOLDEN);
        for (int i = 0; i < n; i++) {
            h = mix(h + (treated[i] ? GOLDEN : ~GOLDEN));
        }
        for (double[] row : values) {
            for (int i = 0; i < n; i++) {
                h = mix(h + Double.doubleToLongBits(row[i]) * GOLDEN);
            }
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public double normal() {
        return gaussian.sample();
    }

    @Override
    public double chiSquare(double df) {
        if (!(df > 0)) {
            throw new IllegalArgumentException("chi-square df " + df + " must be positive");
        }
        return 2 * gamma(0.5 * df);
    }

    /** Gamma(shape, 1) by Marsaglia &amp; Tsang (2000), ACM TOMS 26:363-372. */
    private double gamma(double shape) {
        if (shape < 1) {
            double u = rng.nextDouble();
            while (u == 0) {
                u = rng.nextDouble();
            }
            return gamma(shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian.sample();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
