package org.reconsim.results.inference;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Values with importance weights (any positive scale): weighted quantiles, mean and SD, and
 * the effective sample size (sum w)^2 / sum w^2 (Kish), the number of independent draws
 * whose Monte Carlo error the estimates have.
 */
public final class WeightedSample {

    private final double[] sorted;
    private final double[] cumulative;
    private final double total;
    private final double sumSquares;
    private final double mean;
    private final double variance;

    public WeightedSample(double[] values, double[] weights) {
        if (values.length != weights.length) {
            throw new IllegalArgumentException(values.length + " values, " + weights.length + " weights");
        }
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(k -> values[k]));
        sorted = new double[values.length];
        cumulative = new double[values.length];
        double t = 0;
        double t2 = 0;
        double m = 0;
        for (int k = 0; k < order.length; k++) {
            sorted[k] = values[order[k]];
            t += weights[order[k]];
            t2 += weights[order[k]] * weights[order[k]];
            m += weights[order[k]] * values[order[k]];
            cumulative[k] = t;
        }
        total = t;
        sumSquares = t2;
        mean = t > 0 ? m / t : Double.NaN;
        double v = 0;
        for (int k = 0; k < values.length; k++) {
            v += weights[k] * (values[k] - mean) * (values[k] - mean);
        }
        variance = t > 0 ? v / t : Double.NaN;
    }

    public int size() {
        return sorted.length;
    }

    /** The smallest value whose cumulative weight share reaches {@code p}; NaN when empty. */
    public double quantile(double p) {
        if (sorted.length == 0 || !(total > 0)) {
            return Double.NaN;
        }
        double target = p * total;
        for (int k = 0; k < sorted.length; k++) {
            if (cumulative[k] >= target) {
                return sorted[k];
            }
        }
        return sorted[sorted.length - 1];
    }

    public double mean() {
        return mean;
    }

    /** The weighted (population) standard deviation. */
    public double standardDeviation() {
        return Math.sqrt(variance);
    }

    public double effectiveSampleSize() {
        return sumSquares > 0 ? total * total / sumSquares : 0;
    }

    /** The value a draw at cumulative weight share {@code u} in [0, 1) takes (multinomial resampling by inversion). */
    public double draw(double u) {
        return quantile(u);
    }
}
