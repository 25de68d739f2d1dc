package org.reconsim.results.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * First-order and total Sobol indices from the evaluations of a {@link SaltelliDesign}, with
 * bootstrap percentile intervals.
 *
 * <p>With f_A, f_B and f_ABi the outputs on the rows of A, B and A_B^(i) and V the variance of
 * the output (the population variance of the 2N values f_A and f_B together):
 * <ul>
 *   <li>first order, Saltelli et al. (2010, table 2 (b)):
 *       S_i = (1/N) sum_j f_B,j (f_ABi,j - f_A,j) / V;</li>
 *   <li>total, Jansen (1999; Saltelli et al. 2010, table 2 (f)):
 *       ST_i = (1/2N) sum_j (f_A,j - f_ABi,j)^2 / V.</li>
 * </ul>
 * The outputs are first centred at the mean of f_A and f_B (as SALib does): that leaves S_i's
 * expectation unchanged (E[f_ABi - f_A] = 0) and removes the variance a mean far from 0 adds.
 * Estimates are not clipped to [0, 1]: a first-order index a little below 0 says the input's
 * main effect is within the estimator's noise of 0.
 *
 * <p>Intervals: B bootstrap resamples of the N rows (with replacement; the same rows for every
 * input and for V, so that the dependence between the estimates is kept), each recomputing
 * every index; the interval is the 2.5% and 97.5% percentiles of the resampled values (type-7
 * interpolation). With quasi-random rows this overstates the error (the resample treats the rows
 * as independent draws), so the intervals are conservative.
 *
 * <p>Draw order (fixed): resample b = 0 .. B-1 takes N row indices, {@code nextInt(N)} each, from
 * the one stream given.
 */
public final class SobolIndices {

    /**
     * One input's indices.
     *
     * @param first      first-order index S_i
     * @param firstLow   its bootstrap interval, low (NaN without a bootstrap)
     * @param firstHigh  its bootstrap interval, high
     * @param total      total index ST_i
     * @param totalLow   its bootstrap interval, low
     * @param totalHigh  its bootstrap interval, high
     */
    public record Index(double first, double firstLow, double firstHigh, double total, double totalLow, double totalHigh) {
    }

    /**
     * The indices of every input.
     *
     * @param indices    one per input, in input order
     * @param variance   V, the output's variance
     * @param rows       N
     * @param resamples  B (0: no intervals)
     */
    public record Result(List<Index> indices, double variance, int rows, int resamples) {
        public Result {
            indices = List.copyOf(indices);
        }
    }

    private SobolIndices() {
    }

    /**
     * The indices of the evaluations {@code f} in {@link SaltelliDesign#point} order
     * ({@code f[j (k + 2) + m]}: row j, matrix m), with {@code resamples} bootstrap resamples drawn
     * from {@code stream} (null when {@code resamples} is 0).
     */
    public static Result estimate(double[] f, int inputs, int resamples, UniformRandomProvider stream) {
        int m = inputs + 2;
        if (f.length % m != 0 || f.length / m < 2) {
            throw new IllegalArgumentException(f.length + " evaluations do not make at least 2 rows of " + m);
        }
        int n = f.length / m;
        int[] all = new int[n];
        Arrays.setAll(all, j -> j);
        double[] point = new double[2 * inputs + 1];
        indices(f, inputs, all, point);
        double[][] boot = new double[2 * inputs][resamples];
        int[] rows = new int[n];
        double[] again = new double[2 * inputs + 1];
        for (int b = 0; b < resamples; b++) {
            for (int j = 0; j < n; j++) {
                rows[j] = stream.nextInt(n);
            }
            indices(f, inputs, rows, again);
            for (int q = 0; q < 2 * inputs; q++) {
                boot[q][b] = again[q];
            }
        }
        List<Index> out = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            double[] first = boot[2 * i];
            double[] total = boot[2 * i + 1];
            out.add(new Index(point[2 * i], percentile(first, 0.025), percentile(first, 0.975),
                    point[2 * i + 1], percentile(total, 0.025), percentile(total, 0.975)));
        }
        return new Result(out, point[2 * inputs], n, resamples);
    }

    /** S_1, ST_1, S_2, ST_2, ..., V over the given rows into {@code out}; NaN indices when V is 0 or undefined. */
    static void indices(double[] f, int inputs, int[] rows, double[] out) {
        int m = inputs + 2;
        int n = rows.length;
        // V: two-pass over f_A and f_B, so that a large mean does not cost digits
        double sum = 0;
        for (int j : rows) {
            sum += f[j * m] + f[j * m + 1];
        }
        double mean = sum / (2.0 * n);
        double squares = 0;
        for (int j : rows) {
            double da = f[j * m] - mean;
            double db = f[j * m + 1] - mean;
            squares += da * da + db * db;
        }
        double v = squares / (2.0 * n);
        for (int i = 0; i < inputs; i++) {
            double first = 0;
            double total = 0;
            for (int j : rows) {
                double fa = f[j * m];
                double fb = f[j * m + 1];
                double fab = f[j * m + 2 + i];
                first += (fb - mean) * (fab - fa);
                total += (fa - fab) * (fa - fab);
            }
            out[2 * i] = v > 0 ? first / n / v : Double.NaN;
            out[2 * i + 1] = v > 0 ? total / (2.0 * n) / v : Double.NaN;
        }
        out[2 * inputs] = v;
    }

    /**
     * The type-7 (linear interpolation) percentile {@code p} of the defined values of {@code x}
     * (a resample whose rows happen to have no variance, likely only at a very small N, has NaN
     * indices and is left out); NaN when none is defined.
     */
    static double percentile(double[] x, double p) {
        double[] s = Arrays.stream(x).filter(v -> !Double.isNaN(v)).toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(s);
        double h = (s.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }
}
