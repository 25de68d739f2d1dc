package org.reconsim.results.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart with shaded bands, written as standalone SVG: enough for reports that
 * must open anywhere without scripts or fonts beyond the default sans-serif.
 */
public final class SvgChart {

    /**
     * One series: a line with an optional band (low/high may be null). A class, not a record:
     * only the chart reads the arrays, so they are copied in and never handed out.
     */
    public static final class Series {

        private final String name;
        private final double[] x;
        private final double[] y;
        private final double[] low;
        private final double[] high;

        public Series(String name, double[] x, double[] y, double[] low, double[] high) {
            this.name = name;
            this.x = x.clone();
            this.y = y.clone();
            this.low = low == null ? null : low.clone();
            this.high = high == null ? null : high.clone();
        }
    }

    private static final String[] COLOURS = {"#c0392b", "#2e6da4", "#27864a", "#8e44ad", "#d68910"};

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final int width;
    private final int height;

    public SvgChart(String title, String xLabel, String yLabel, int width, int height) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.width = width;
        this.height = height;
    }

    public SvgChart add(Series s) {
        series.add(s);
        return this;
    }

    /** The chart as an {@code <svg>} element. */
    public String render() {
        int left = 60;
        int right = Math.min(130, width / 4);
        int top = 30;
        int bottom = 45;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMax = 0;
        double yMin = 0;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                xMin = Math.min(xMin, s.x[i]);
                xMax = Math.max(xMax, s.x[i]);
                double hi = s.high != null ? s.high[i] : s.y[i];
                double lo = s.low != null ? s.low[i] : s.y[i];
                if (Double.isFinite(hi)) {
                    yMax = Math.max(yMax, hi);
                }
                if (Double.isFinite(lo)) {
                    yMin = Math.min(yMin, lo);
                }
            }
        }
        if (!(yMax > 0) && !(yMin < 0)) {
            yMax = 1;
        }
        yMax = yMax > 0 ? niceCeiling(yMax) : 0;
        yMin = yMin < 0 ? -niceCeiling(-yMin) : 0;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        final double x0 = xMin;
        final double xSpan = xMax > xMin ? xMax - xMin : 1;
        final double yTop = yMax;
        final double yBottom = yMin;
        java.util.function.DoubleUnaryOperator px = v -> left + (v - x0) / xSpan * plotW;
        java.util.function.DoubleUnaryOperator py = v -> top + plotH * (1 - (v - yBottom) / (yTop - yBottom));
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", width, height));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"bold\">%s</text>%n", left,
                escape(title)));
        for (int k = 0; k <= 4; k++) {
            double v = yBottom + (yTop - yBottom) * k / 4;
            double y = py.applyAsDouble(v);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left, y, left + plotW, y, left - 5, y + 4, tick(v)));
        }
        for (int k = 0; k <= 6; k++) {
            double v = x0 + xSpan * k / 6;
            double x = px.applyAsDouble(v);
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n", x, top + plotH + 15,
                    tick(v)));
        }
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#444\"/>%n",
                left, top, plotW, plotH));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", left + plotW / 2,
                height - 8, escape(xLabel)));
        s.append(String.format(Locale.ROOT, "<text transform=\"translate(14,%.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                top + plotH / 2, escape(yLabel)));
        for (int j = 0; j < series.size(); j++) {
            Series se = series.get(j);
            String colour = COLOURS[j % COLOURS.length];
            if (se.low != null && se.high != null) {
                StringBuilder band = new StringBuilder();
                for (int i = 0; i < se.x.length; i++) {
                    band.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(se.x[i]), py.applyAsDouble(se.high[i])));
                }
                for (int i = se.x.length - 1; i >= 0; i--) {
                    band.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(se.x[i]), py.applyAsDouble(se.low[i])));
                }
                s.append(String.format(Locale.ROOT, "<polygon points=\"%s\" fill=\"%s\" fill-opacity=\"0.18\" stroke=\"none\"/>%n",
                        band.toString().trim(), colour));
            }
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < se.x.length; i++) {
                if (Double.isFinite(se.y[i])) {
                    line.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(se.x[i]), py.applyAsDouble(se.y[i])));
                }
            }
            s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    line.toString().trim(), colour));
            double ly = top + 14 + 16 * j;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", left + plotW + 10, ly, left + plotW + 28, ly, colour,
                    left + plotW + 32, ly + 4, escape(se.name)));
        }
        return s.append("</svg>\n").toString();
    }

    private static double niceCeiling(double v) {
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= v) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    static String tick(double v) {
        if (v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 1 ? "%.2f" : "%.1f", v);
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
