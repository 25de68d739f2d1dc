package org.reconsim.models.population;

import org.apache.commons.numbers.gamma.Erfc;

/**
 * A normal distribution truncated to [min, max], sampled by inversion so one uniform gives
 * one value (common random numbers stay aligned whatever the parameters):
 * {@code x = mean + sd * Phi^-1(Phi(a) + u (Phi(b) - Phi(a)))}, a and b the standardized bounds.
 */
public final class TruncatedNormal {

    private final double mean;
    private final double sd;
    private final double min;
    private final double max;
    private final double lowerCdf;
    private final double upperCdf;

    public TruncatedNormal(double mean, double sd, double min, double max) {
        if (!(sd >= 0) || !(min < max)) {
            throw new IllegalArgumentException("need sd >= 0 and min < max, got sd " + sd + ", " + min + ".." + max);
        }
        this.mean = mean;
        this.sd = sd;
        this.min = min;
        this.max = max;
        this.lowerCdf = sd == 0 ? 0 : cdf((min - mean) / sd);
        this.upperCdf = sd == 0 ? 1 : cdf((max - mean) / sd);
    }

    public double mean() {
        return mean;
    }

    public double sd() {
        return sd;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The value at uniform {@code u} in (0, 1). */
    public double quantile(double u) {
        if (sd == 0 || !(upperCdf > lowerCdf)) {
            return Math.max(min, Math.min(max, mean));
        }
        double p = lowerCdf + u * (upperCdf - lowerCdf);
        p = Math.min(Math.max(p, Double.MIN_NORMAL), 1 - 0x1.0p-53);
        double v = mean + sd * StandardNormal.quantile(p);
        return Math.max(min, Math.min(max, v));
    }

    private static double cdf(double z) {
        return 0.5 * Erfc.value(-z / Math.sqrt(2));
    }
}
