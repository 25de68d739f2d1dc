package org.reconsim.results.stats;

/**
 * Mean and standard deviation of a stream of values, updated one value at a time with
 * Welford's (1962) algorithm, which avoids the cancellation of the sum-of-squares formula:
 * <pre>
 *   n_k = n_{k-1} + 1
 *   d   = v - mean_{k-1}
 *   mean_k = mean_{k-1} + d / n_k
 *   M2_k   = M2_{k-1} + d * (v - mean_k)
 *   sd     = sqrt(M2_n / (n - 1))
 * </pre>
 * Results depend on the order of the values (floating point), and on nothing else: feed
 * replicates in replicate order for reproducible output. Not thread-safe.
 */
public final class RunningMoments {

    private long count;
    private double mean;
    private double sumOfSquaredDeviations;

    /** A running summary resumed from its state ({@link #count()}, {@link #mean()}, {@link #sumOfSquaredDeviations()}). */
    public static RunningMoments resume(long count, double mean, double sumOfSquaredDeviations) {
        RunningMoments m = new RunningMoments();
        m.count = count;
        m.mean = count == 0 ? 0 : mean;
        m.sumOfSquaredDeviations = sumOfSquaredDeviations;
        return m;
    }

    /** Writes the state exactly (count, then the mean's and M2's bits), for checkpoints. */
    public void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeLong(count);
        out.writeDouble(count == 0 ? 0 : mean);
        out.writeDouble(sumOfSquaredDeviations);
    }

    /** The summary {@link #write} wrote. */
    public static RunningMoments read(java.io.DataInputStream in) throws java.io.IOException {
        long count = in.readLong();
        double mean = in.readDouble();
        return resume(count, mean, in.readDouble());
    }

    /** The sum of squared deviations from the mean (M2), the state {@link #resume} takes. */
    public double sumOfSquaredDeviations() {
        return sumOfSquaredDeviations;
    }

    /** Adds one value. A {@code NaN} makes the mean and standard deviation {@code NaN}. */
    public void add(double value) {
        count++;
        double deviation = value - mean;
        mean += deviation / count;
        sumOfSquaredDeviations += deviation * (value - mean);
    }

    /** Number of values added. */
    public long count() {
        return count;
    }

    /** Arithmetic mean of the values added; {@code NaN} when none. */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** Sample standard deviation, denominator {@code n - 1}; {@code NaN} when fewer than 2 values. */
    public double standardDeviation() {
        return count < 2 ? Double.NaN : Math.sqrt(sumOfSquaredDeviations / (count - 1));
    }
}
