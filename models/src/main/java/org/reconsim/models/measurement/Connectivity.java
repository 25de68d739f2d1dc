package org.reconsim.models.measurement;

/**
 * Window-wise connectivity as the anchor study computed it (docs/MODEL.md section 5; Duek 2023):
 * the Pearson correlation of two ROI series over all volumes inside the windows of one script
 * type (windows optionally shifted by {@code shiftSeconds} for the haemodynamic delay), then
 * Fisher's z:
 * <pre>
 *   r = sum (a - mean a)(b - mean b) / sqrt(sum (a - mean a)^2 sum (b - mean b)^2)   (volumes in the windows)
 *   z = atanh(r),   outcome = z_trauma - z_relax
 * </pre>
 * Co-activation adds to r: a block response shared by both ROIs correlates them within the window
 * even without coupled fluctuations (a known property of window-wise correlation, unlike gPPI).
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

    /** {@code z_trauma - z_relax}. */
    public double traumaMinusRelax(double[] a, double[] b, ScriptTask task) {
        return fisherZ(a, b, task, Script.TRAUMA) - fisherZ(a, b, task, Script.RELAX);
    }

    /** {@code atanh(r) = log((1 + r) / (1 - r)) / 2}. */
    public static double atanh(double r) {
        return 0.5 * Math.log1p(2 * r / (1 - r));
    }
}
