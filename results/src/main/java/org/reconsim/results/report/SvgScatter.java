package org.reconsim.results.report;

import java.util.Locale;

/**
 * A scatter of weighted points as standalone SVG (a pair plot's panel): each point's area is
 * proportional to its weight, so an importance-weighted population reads as the density it
 * stands for. Log axes for scale parameters.
 */
public final class SvgScatter {

    private SvgScatter() {
    }

    /**
     * @param x, y     coordinates
     * @param weights  each point's weight (any positive scale)
     * @param logX, logY  whether an axis is logarithmic (values must then be positive)
     */
    public static String render(String xLabel, String yLabel, double[] x, double[] y, double[] weights, boolean logX, boolean logY,
                                int size) {
        int left = 50;
        int bottom = 36;
        int top = 10;
        int right = 10;
        double plot = size - left - right;
        double plotH = size - top - bottom;
        double[] ax = range(x, logX);
        double[] ay = range(y, logY);
        double maxW = 0;
        for (double w : weights) {
            maxW = Math.max(maxW, w);
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"10\">%n", size, size));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#444\"/>%n",
                left, top, plot, plotH));
        for (int k = 0; k <= 4; k++) {
            double fx = k / 4.0;
            double vx = value(ax, fx, logX);
            double vy = value(ay, fx, logY);
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n", left + fx * plot,
                    top + plotH + 13, SvgChart.tick(round(vx))));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left - 3,
                    top + plotH * (1 - fx) + 3, SvgChart.tick(round(vy))));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", left + plot / 2, size - 4,
                SvgChart.escape(xLabel + (logX ? " (log)" : ""))));
        s.append(String.format(Locale.ROOT, "<text transform=\"translate(10,%.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                top + plotH / 2, SvgChart.escape(yLabel + (logY ? " (log)" : ""))));
        for (int i = 0; i < x.length; i++) {
            double px = left + fraction(ax, x[i], logX) * plot;
            double py = top + (1 - fraction(ay, y[i], logY)) * plotH;
            double r = maxW > 0 ? 0.6 + 3.4 * Math.sqrt(weights[i] / maxW) : 1;
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.2f\" fill=\"#2e6da4\" fill-opacity=\"0.35\"/>%n",
                    px, py, r));
        }
        return s.append("</svg>\n").toString();
    }

    private static double round(double v) {
        double mag = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 1);
        return v == 0 || !Double.isFinite(mag) ? v : Math.rint(v / mag) * mag;
    }

    private static double[] range(double[] v, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double a : v) {
            double t = log ? Math.log(a) : a;
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 0.5 : 0;
            hi = lo + 1;
        }
        double pad = 0.03 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    private static double fraction(double[] range, double v, boolean log) {
        return ((log ? Math.log(v) : v) - range[0]) / (range[1] - range[0]);
    }

    private static double value(double[] range, double f, boolean log) {
        double t = range[0] + f * (range[1] - range[0]);
        return log ? Math.exp(t) : t;
    }
}
