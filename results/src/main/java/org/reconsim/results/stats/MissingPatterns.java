package org.reconsim.results.stats;

/**
 * The data of an {@link Mmrm} fit as sufficient statistics per missingness pattern (the set of
 * post-baseline visits a subject was seen at), with the checks that the model is estimable
 * and the moment estimate of {@code Sigma} that starts Newton's method.
 *
 * <p>Values are centred (baseline by its mean, each visit by its observed mean) before the
 * sums are taken, so that sums of squares do not lose digits to a scale's offset; the
 * visit-specific intercepts absorb the shift, and the treatment and baseline effects and
 * {@code Sigma} are unchanged by it.
 */
final class MissingPatterns {

    private final int visits;
    private final int subjects;
    private final int observations;
    private final int[] count;
    private final int[][] observed;
    /** Per pattern: Sxx [k * 3 + h], Sxy [k * V + j], Syy [j * V + l]; x = (1, treated, centred baseline). */
    private final double[][] sxx;
    private final double[][] sxy;
    private final double[][] syy;
    private String problem;

    private MissingPatterns(int visits, int subjects, int observations, int[] count, int[][] observed, double[][] sxx,
            double[][] sxy, double[][] syy) {
        this.visits = visits;
        this.subjects = subjects;
        this.observations = observations;
        this.count = count;
        this.observed = observed;
        this.sxx = sxx;
        this.sxy = sxy;
        this.syy = syy;
    }

    /** Groups the subjects with a baseline and at least one post-baseline value by pattern. */
    static MissingPatterns of(double[] baseline, boolean[] treated, double[][] values, int n) {
        int visits = values.length;
        double baselineSum = 0;
        double[] visitSum = new double[visits];
        int[] visitCount = new int[visits];
        int[] mask = new int[n];
        int used = 0;
        int observations = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(baseline[i])) {
                continue;
            }
            for (int j = 0; j < visits; j++) {
                if (!Double.isNaN(values[j][i])) {
                    mask[i] |= 1 << j;
                    visitSum[j] += values[j][i];
                    visitCount[j]++;
                    observations++;
                }
            }
            if (mask[i] != 0) {
                used++;
                baselineSum += baseline[i];
            }
        }
        double baselineMean = used == 0 ? 0 : baselineSum / used;
        for (int j = 0; j < visits; j++) {
            visitSum[j] = visitCount[j] == 0 ? 0 : visitSum[j] / visitCount[j];
        }
        // slots in order of first appearance; at most min(used, 2^V - 1) patterns
        int capacity = Math.min(used, (1 << visits) - 1);
        int[] masks = new int[capacity];
        int[] count = new int[capacity];
        double[][] sxx = new double[capacity][9];
        double[][] sxy = new double[capacity][3 * visits];
        double[][] syy = new double[capacity][visits * visits];
        int patterns = 0;
        double[] x = new double[3];
        double[] y = new double[visits];
        for (int i = 0; i < n; i++) {
            if (mask[i] == 0) {
                continue;
            }
            int s = 0;
            while (s < patterns && masks[s] != mask[i]) {
                s++;
            }
            if (s == patterns) {
                masks[patterns++] = mask[i];
            }
            count[s]++;
            x[0] = 1;
            x[1] = treated[i] ? 1 : 0;
            x[2] = baseline[i] - baselineMean;
            for (int j = 0; j < visits; j++) {
                y[j] = (mask[i] & 1 << j) != 0 ? values[j][i] - visitSum[j] : 0;
            }
            double[] xx = sxx[s];
            double[] xy = sxy[s];
            double[] yy = syy[s];
            for (int k = 0; k < 3; k++) {
                for (int h = 0; h < 3; h++) {
                    xx[k * 3 + h] += x[k] * x[h];
                }
                for (int j = 0; j < visits; j++) {
                    xy[k * visits + j] += x[k] * y[j];
                }
            }
            for (int j = 0; j < visits; j++) {
                for (int l = 0; l < visits; l++) {
                    yy[j * visits + l] += y[j] * y[l];
                }
            }
        }
        int[][] observed = new int[patterns][];
        for (int s = 0; s < patterns; s++) {
            observed[s] = new int[Integer.bitCount(masks[s])];
            for (int j = 0, k = 0; j < visits; j++) {
                if ((masks[s] & 1 << j) != 0) {
                    observed[s][k++] = j;
                }
            }
        }
        MissingPatterns data = new MissingPatterns(visits, used, observations, java.util.Arrays.copyOf(count, patterns),
                observed, java.util.Arrays.copyOf(sxx, patterns), java.util.Arrays.copyOf(sxy, patterns),
                java.util.Arrays.copyOf(syy, patterns));
        data.problem = data.check();
        return data;
    }

    int visits() {
        return visits;
    }

    int subjects() {
        return subjects;
    }

    int observations() {
        return observations;
    }

    /** Why the model cannot be fitted to these data; null when it may be. */
    String problem() {
        return problem;
    }

    MmrmCriterion criterion() {
        return new MmrmCriterion(visits, count, observed, sxx, sxy, syy, observations);
    }

    private String check() {
        if (subjects == 0) {
            return "no subject has a baseline and a post-baseline value";
        }
        for (int j = 0; j < visits; j++) {
            double[] xx = visitMoments(j);
            double n = xx[0];
            double saa = xx[4] - xx[1] * xx[1] / n;
            double sbb = xx[8] - xx[2] * xx[2] / n;
            double sab = xx[5] - xx[1] * xx[2] / n;
            if (xx[1] == 0 || xx[1] == n) {
                return "visit " + (j + 1) + ": no " + (xx[1] == 0 ? "treated" : "control") + " subject observed";
            }
            if (!(saa * sbb - sab * sab > SINGULARITY * saa * sbb)) {
                return "visit " + (j + 1) + ": the baseline does not vary apart from the arm";
            }
        }
        int p = 3 * visits;
        int q = visits * (visits + 1) / 2;
        if (observations - p < q) {
            return observations + " post-baseline values for " + p + " mean and " + q + " covariance parameters";
        }
        for (int j = 0; j < visits; j++) {
            for (int l = 0; l < j; l++) {
                if (together(j, l) == 0) {
                    return "visits " + (l + 1) + " and " + (j + 1) + " are never observed together: their covariance "
                            + "is not identified";
                }
            }
        }
        return null;
    }

    /** Same rule as {@link Ancova}'s: the centred arm and baseline are not collinear. */
    private static final double SINGULARITY = 1e-10;

    /** Sxx over the subjects seen at visit j. */
    private double[] visitMoments(int j) {
        double[] xx = new double[9];
        for (int s = 0; s < count.length; s++) {
            if (sees(s, j)) {
                for (int k = 0; k < 9; k++) {
                    xx[k] += sxx[s][k];
                }
            }
        }
        return xx;
    }

    private boolean sees(int s, int j) {
        for (int k : observed[s]) {
            if (k == j) {
                return true;
            }
        }
        return false;
    }

    private int together(int j, int l) {
        int n = 0;
        for (int s = 0; s < count.length; s++) {
            if (sees(s, j) && sees(s, l)) {
                n += count[s];
            }
        }
        return n;
    }

    /**
     * The pairwise-complete moment estimate of Sigma: per-visit least squares {@code B0_j} on
     * the subjects seen at visit j, then for each pair of visits the residual cross-products
     * over the subjects seen at both, divided by their number less 3 (at least 1). Where that
     * is not positive definite, the correlations are shrunk by a factor 0.9 until it is.
     *
     * @return row-major V x V, or null (and {@link #problem()} says why) when a visit has no residual variance
     */
    double[] startingCovariance() {
        int v = visits;
        double[] b0 = new double[3 * v];
        double[] factor = new double[9];
        double[] column = new double[3];
        for (int j = 0; j < v; j++) {
            double[] xx = visitMoments(j);
            DenseMatrices.cholesky(xx, 3, factor); // positive definite: checked
            java.util.Arrays.fill(column, 0);
            for (int s = 0; s < count.length; s++) {
                if (sees(s, j)) {
                    for (int k = 0; k < 3; k++) {
                        column[k] += sxy[s][k * v + j];
                    }
                }
            }
            DenseMatrices.solve(factor, 3, column);
            System.arraycopy(column, 0, b0, 3 * j, 3);
        }
        double[] sigma = new double[v * v];
        for (int j = 0; j < v; j++) {
            for (int l = 0; l <= j; l++) {
                double cross = 0;
                for (int s = 0; s < count.length; s++) {
                    if (!sees(s, j) || !sees(s, l)) {
                        continue;
                    }
                    double[] xx = sxx[s];
                    double[] xy = sxy[s];
                    double value = syy[s][j * v + l];
                    for (int k = 0; k < 3; k++) {
                        value -= xy[k * v + j] * b0[3 * l + k] + b0[3 * j + k] * xy[k * v + l];
                        for (int h = 0; h < 3; h++) {
                            value += b0[3 * j + k] * xx[k * 3 + h] * b0[3 * l + h];
                        }
                    }
                    cross += value;
                }
                double c = cross / Math.max(1, together(j, l) - 3);
                sigma[j * v + l] = c;
                sigma[l * v + j] = c;
            }
            if (!(sigma[j * v + j] > 0) || !Double.isFinite(sigma[j * v + j])) {
                problem = "visit " + (j + 1) + ": no residual variance (the mean model fits it exactly)";
                return null;
            }
        }
        double[] l = new double[v * v];
        for (int shrink = 0; !DenseMatrices.cholesky(sigma, v, l); shrink++) {
            for (int j = 0; j < v; j++) {
                for (int k = 0; k < v; k++) {
                    if (j != k) {
                        // 0.9^400 ~ 5e-19: past that the diagonal alone (a cross-product overflowed)
                        sigma[j * v + k] = shrink < 400 && Double.isFinite(sigma[j * v + k]) ? 0.9 * sigma[j * v + k] : 0;
                    }
                }
            }
        }
        return sigma;
    }
}
