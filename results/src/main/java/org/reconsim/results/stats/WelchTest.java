package org.reconsim.results.stats;

/**
 * Welch's two-sample t test of a difference in means without assuming equal variances,
 * as R's {@code t.test(var.equal = FALSE)}.
 */
public final class WelchTest {

    private WelchTest() {
    }

    /**
     * Test of {@code mean(x) - mean(y)}. With sample variances {@code sx^2, sy^2} (denominator
     * {@code n - 1}) over the non-{@code NaN} values:
     * <pre>
     *   vx = sx^2 / nx,  vy = sy^2 / ny
     *   se = sqrt(vx + vy)
     *   t  = (mean(x) - mean(y)) / se
     *   df = (vx + vy)^2 / (vx^2 / (nx - 1) + vy^2 / (ny - 1))   (Welch-Satterthwaite)
     * </pre>
     *
     * @param x  first sample, typically the treatment arm ({@code NaN} = missing)
     * @param nx number of entries of {@code x} to use, from the start
     * @param y  second sample, typically the control arm ({@code NaN} = missing)
     * @param ny number of entries of {@code y} to use, from the start
     * @return the test of the difference; {@link TestResult#undefined(UndefinedReason)} when either sample has
     *         fewer than 2 values or both have zero variance
     * @throws IllegalArgumentException if a count is negative or exceeds its array's length
     */
    public static TestResult difference(double[] x, int nx, double[] y, int ny) {
        checkCount(x, nx);
        checkCount(y, ny);
        int usedX = countPresent(x, nx);
        int usedY = countPresent(y, ny);
        if (usedX < 2 || usedY < 2) {
            return TestResult.undefined(UndefinedReason.TOO_FEW_OBSERVATIONS);
        }
        double meanX = sumPresent(x, nx) / usedX;
        double meanY = sumPresent(y, ny) / usedY;
        double vx = sumSquaredDeviations(x, nx, meanX) / (usedX - 1) / usedX;
        double vy = sumSquaredDeviations(y, ny, meanY) / (usedY - 1) / usedY;
        double varianceOfDifference = vx + vy;
        if (!(varianceOfDifference > 0)) {
            return TestResult.undefined(UndefinedReason.NO_RESIDUAL_VARIANCE);
        }
        double estimate = meanX - meanY;
        double stdError = Math.sqrt(varianceOfDifference);
        if (!(Double.isFinite(estimate) && Double.isFinite(stdError))) {
            return TestResult.undefined(UndefinedReason.OVERFLOW); // values so large (|x| near 1e150) that the sums overflow
        }
        // Welch-Satterthwaite (vx + vy)^2 / (vx^2 / (nx - 1) + vy^2 / (ny - 1)), written with the
        // shares of the variance so that no square overflows
        double sx = vx / varianceOfDifference;
        double sy = vy / varianceOfDifference;
        double df = 1 / (sx * sx / (usedX - 1) + sy * sy / (usedY - 1));
        double t = estimate / stdError;
        return new TestResult(estimate, stdError, df, t, StudentT.twoSidedPValue(t, df));
    }

    private static void checkCount(double[] sample, int count) {
        if (count < 0 || count > sample.length) {
            throw new IllegalArgumentException("count " + count + " outside [0, " + sample.length + "]");
        }
    }

    private static int countPresent(double[] sample, int count) {
        int present = 0;
        for (int i = 0; i < count; i++) {
            if (!Double.isNaN(sample[i])) {
                present++;
            }
        }
        return present;
    }

    private static double sumPresent(double[] sample, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            if (!Double.isNaN(sample[i])) {
                sum += sample[i];
            }
        }
        return sum;
    }

    private static double sumSquaredDeviations(double[] sample, int count, double mean) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            if (!Double.isNaN(sample[i])) {
                double deviation = sample[i] - mean;
                sum += deviation * deviation;
            }
        }
        return sum;
    }
}
