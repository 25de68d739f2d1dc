package org.reconsim.models.measurement;

import org.reconsim.models.numerics.Fdlibm;

/**
 * Window-wise connectivity as the anchor study computed it (docs/MODEL.md section 5; Duek 2023):
 * the Pearson correlation of two ROI series within each window of one script type (windows
 * optionally shifted by {@code shiftSeconds} for the haemodynamic delay), Fisher's z, averaged over
 * the script's windows:
 * <pre>
 *   r_w = sum (a - mean a)(b - mean b) / sqrt(sum (a - mean a)^2 sum (b - mean b)^2)   (volumes in window w)
 *   z_script = mean_w atanh(r_w),   outcome = z_trauma - z_relax
 * </pre>
 * Co-activation adds to r: a block response shared by both ROIs correlates them within the window
 * even without coupled fluctuations (a known property of window-wise correlation, unlike gPPI), so
 * the engine correlates the series' GLM residuals ({@link GlmEstimate#residuals}), from which the
 * task responses and drifts are regressed out (Cole et al. 2019, NeuroImage 189:1: task activations
 * inflate task functional connectivity estimates). {@link #correlation} pools the windows' volumes.
 *
 * @param shiftSeconds window shift, s (0, or about 5 s: the canonical HRF's peak)
 */
public record Connectivity(double shiftSeconds) {

    /** Windows as presented. */
    public static final Connectivity UNSHIFTED = new Connectivity(0);

    /** Windows shifted by 5 s, the peak of SPM's canonical HRF (see {@link Hrf}). */
    public static final Connectivity HRF_SHIFTED = new Connectivity(5);

    /** Pearson r of {@code a} and {@code b} over the (shifted) windows of {@code script}. */
    public double correlation(double[] a, double[] b, ScriptTask task, Script script) {
        boolean[] in = task.window(script, shiftSeconds);
        if (a.length != in.length || b.length != in.length) {
            throw new IllegalArgumentException("series and task differ in length");
        }
        int count = 0;
        double ma = 0;
        double mb = 0;
        for (int j = 0; j < in.length; j++) {
            if (in[j]) {
                count++;
                ma += a[j];
                mb += b[j];
            }
        }
        if (count < 3) {
            throw new IllegalArgumentException("fewer than 3 volumes in the " + script.label() + " windows");
        }
        ma /= count;
        mb /= count;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int j = 0; j < in.length; j++) {
            if (in[j]) {
                double da = a[j] - ma;
                double db = b[j] - mb;
                sab += da * db;
                saa += da * da;
                sbb += db * db;
            }
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** Fisher's {@code z = atanh(r)} for {@code script}. */
    public double fisherZ(double[] a, double[] b, ScriptTask task, Script script) {
        return atanh(correlation(a, b, task, script));
    }

    /** {@code mean_w atanh(r_w)} over the (shifted) windows of {@code script}. */
    public double windowMeanZ(double[] a, double[] b, ScriptTask task, Script script) {
        boolean[] in = task.window(script, shiftSeconds);
        if (a.length != in.length || b.length != in.length) {
            throw new IllegalArgumentException("series and task differ in length");
        }
        int[][] windows = windows(in);
        double sum = 0;
        for (int[] w : windows) {
            sum += atanh(correlation(a, b, w[0], w[1]));
        }
        return sum / windows.length;
    }

    /** {@code z_trauma - z_relax}, each the mean of its windows' Fisher z. */
    public double traumaMinusRelax(double[] a, double[] b, ScriptTask task) {
        return windowMeanZ(a, b, task, Script.TRAUMA) - windowMeanZ(a, b, task, Script.RELAX);
    }

    /** The runs of consecutive true volumes in {@code in}: {from, to (exclusive)} each; IllegalArgumentException if none. */
    public static int[][] windows(boolean[] in) {
        java.util.List<int[]> runs = new java.util.ArrayList<>();
        for (int j = 0; j < in.length; j++) {
            if (in[j] && (j == 0 || !in[j - 1])) {
                int to = j;
                while (to < in.length && in[to]) {
                    to++;
                }
                runs.add(new int[] {j, to});
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no volumes in the script's windows");
        }
        return runs.toArray(int[][]::new);
    }

    /** Pearson r of {@code a} and {@code b} over volumes {@code from .. to - 1}. */
    static double correlation(double[] a, double[] b, int from, int to) {
        int count = to - from;
        if (count < 3) {
            throw new IllegalArgumentException("fewer than 3 volumes in a window");
        }
        double ma = 0;
        double mb = 0;
        for (int j = from; j < to; j++) {
            ma += a[j];
            mb += b[j];
        }
        ma /= count;
        mb /= count;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int j = from; j < to; j++) {
            double da = a[j] - ma;
            double db = b[j] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** {@code atanh(r) = log((1 + r) / (1 - r)) / 2}. */
    public static double atanh(double r) {
        return 0.5 * Fdlibm.log1p(2 * r / (1 - r));
    }
}
