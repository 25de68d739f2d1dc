package org.reconsim.results.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The power report's two kinds of figure, as standalone SVG: a power curve panel (power against
 * patients per arm, one line with its Wilson band per series) and a dot plot of power at a
 * single sample size (one row per endpoint, each series a point with its interval). Power is a
 * probability, so every panel has the same axis, 0 to 1: panels compare at a glance, and a
 * target line means the same height everywhere. Sample sizes are whole numbers and are ticked
 * as such. Series colours and the shared legend are the caller's ({@link #legend}).
 */
final class PowerPlots {

    /** Categorical colours (Tableau 10) for visits and contrasts. */
    private static final String[] CATEGORICAL = {"#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#76b7b2", "#edc948", "#b07aa1",
        "#ff9da7", "#9c755f", "#bab0ac"};

    /** Anchors of the viridis ramp (van der Walt &amp; Smith 2015), dark to light, for ordered sweep values. */
    private static final int[][] VIRIDIS = {{68, 1, 84}, {72, 40, 120}, {62, 74, 137}, {49, 104, 142}, {38, 130, 142},
        {31, 158, 137}, {53, 183, 121}, {110, 206, 88}, {181, 222, 43}, {253, 231, 37}};

    private PowerPlots() {
    }

    /**
     * One series: its legend label, a short tag for text beside its points (a visit, a sweep
     * value), colour, and per simulated size (ascending) the power and its Wilson interval.
     */
    record Series(String label, String tag, String colour, int[] n, double[] power, double[] low, double[] high) {
    }

    /** What every panel shares: the axis title, alpha (dotted reference) and the target power (dashed), or null. */
    record Frame(String yLabel, double alpha, Double target) {
    }

    /** The colour of series {@code i} of {@code count} unordered ones. */
    static String categorical(int i) {
        return CATEGORICAL[i % CATEGORICAL.length];
    }

    /**
     * The colour of ordered value {@code i} of {@code count}: along viridis, stopping short of its
     * lightest yellow, which is unreadable on white.
     */
    static String ordered(int i, int count) {
        double t = count <= 1 ? 0 : 0.85 * i / (count - 1) * (VIRIDIS.length - 1);
        int k = Math.min(VIRIDIS.length - 2, (int) Math.floor(t));
        double f = t - k;
        int[] c = new int[3];
        for (int j = 0; j < 3; j++) {
            c[j] = (int) Math.round(VIRIDIS[k][j] + f * (VIRIDIS[k + 1][j] - VIRIDIS[k][j]));
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", c[0], c[1], c[2]);
    }

    /** A legend shared by a figure's panels: one entry per series, in series order. */
    static String legend(List<Series> series) {
        StringBuilder s = new StringBuilder("<div class=\"legend\">");
        for (Series se : series) {
            s.append("<span class=\"key\"><svg width=\"22\" height=\"10\"><line x1=\"0\" y1=\"5\" x2=\"22\" y2=\"5\" stroke=\"")
                    .append(se.colour()).append("\" stroke-width=\"3\"/></svg>").append(SvgChart.escape(se.label())).append("</span>");
        }
        return s.append("</div>\n").toString();
    }

    /**
     * Integer ticks for patients per arm: the simulated sizes themselves when they are few and
     * at least {@code minGap} pixels apart, else multiples of a 1-2-5 step (at most 7 ticks).
     */
    static List<Integer> sizeTicks(List<Integer> sizes, double plotWidth, double minGap) {
        int lo = sizes.get(0);
        int hi = sizes.get(sizes.size() - 1);
        boolean spaced = sizes.size() <= 8;
        for (int i = 1; i < sizes.size() && spaced; i++) {
            spaced = (sizes.get(i) - sizes.get(i - 1)) * plotWidth / (hi - lo) >= minGap;
        }
        if (spaced) {
            return sizes;
        }
        long step = 1;
        for (long mag = 1; ; mag *= 10) {
            long[] candidates = {mag, 2 * mag, 5 * mag};
            long found = 0;
            for (long c : candidates) {
                if ((hi - lo) / c <= 6) {
                    found = c;
                    break;
                }
            }
            if (found > 0) {
                step = found;
                break;
            }
        }
        List<Integer> ticks = new ArrayList<>();
        for (long v = (lo + step - 1) / step * step; v <= hi; v += step) {
            ticks.add((int) v);
        }
        return ticks;
    }

    /**
     * A power curve panel over {@code sizes} (ascending, at least two): y from 0 to 1, gridlines
     * every 0.2, alpha dotted, the target dashed and, on each series that reaches it, the first
     * simulated size at or above it marked by a vertical line labelled with that size.
     */
    static String curvePanel(String title, List<Series> series, List<Integer> sizes, Frame frame, int width, int height) {
        int left = 48;
        int right = 12;
        int top = 26;
        int bottom = 40;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        int lo = sizes.get(0);
        int hi = sizes.get(sizes.size() - 1);
        java.util.function.DoubleUnaryOperator px = v -> left + (v - lo) / (hi - lo) * plotW;
        java.util.function.DoubleUnaryOperator py = v -> top + plotH * (1 - v);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                width, height));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"17\" font-size=\"13\" font-weight=\"bold\">%s</text>%n", left,
                SvgChart.escape(title)));
        yAxis(s, left, plotW, py);
        for (int tick : sizeTicks(sizes, plotW, 26)) {
            double x = px.applyAsDouble(tick);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#444\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>%n", x, top + plotH, x, top + plotH + 4, x,
                    top + plotH + 15, tick));
        }
        references(s, frame, left, left + plotW, py);
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#444\"/>%n",
                left, top, plotW, plotH));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">patients per arm</text>%n",
                left + plotW / 2, height - 8));
        s.append(String.format(Locale.ROOT, "<text transform=\"translate(13,%.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                top + plotH / 2, SvgChart.escape(frame.yLabel())));
        java.util.Map<Integer, Integer> marksAt = new java.util.HashMap<>(); // series whose mark is at a size, to stack their labels
        for (Series se : series) {
            StringBuilder band = new StringBuilder();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < se.n().length; i++) {
                band.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(se.n()[i]), py.applyAsDouble(se.high()[i])));
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(se.n()[i]), py.applyAsDouble(se.power()[i])));
            }
            for (int i = se.n().length - 1; i >= 0; i--) {
                band.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(se.n()[i]), py.applyAsDouble(se.low()[i])));
            }
            s.append(String.format(Locale.ROOT, "<polygon points=\"%s\" fill=\"%s\" fill-opacity=\"0.15\" stroke=\"none\"/>%n",
                    band.toString().trim(), se.colour()));
            s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    line.toString().trim(), se.colour()));
            for (int i = 0; i < se.n().length; i++) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>%n",
                        px.applyAsDouble(se.n()[i]), py.applyAsDouble(se.power()[i]), se.colour()));
            }
            int reached = frame.target() == null ? -1 : firstReaching(se, frame.target());
            if (reached >= 0) {
                double x = px.applyAsDouble(se.n()[reached]);
                double y = py.applyAsDouble(se.power()[reached]);
                // the size written beside the point it marks, on the side with room
                boolean nearRight = x > left + plotW - 40;
                int stacked = marksAt.merge(se.n()[reached], 1, Integer::sum) - 1;
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                        + "stroke-dasharray=\"2,2\" class=\"target-size\"/><text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" text-anchor=\"%s\" "
                        + "font-weight=\"bold\">n=%d</text>%n", x, y, x, top + plotH, se.colour(), nearRight ? x - 5 : x + 5, y + 12 + 12 * stacked,
                        se.colour(), nearRight ? "end" : "start", se.n()[reached]));
            }
        }
        return s.append("</svg>\n").toString();
    }

    /** Index of the first simulated size whose estimated power reaches {@code target}, or -1 (as SampleSizeSearch). */
    static int firstReaching(Series se, double target) {
        for (int i = 0; i < se.n().length; i++) {
            if (se.power()[i] >= target) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Power at one sample size: one row per endpoint ({@code rows}, in order), each series a point
     * with its Wilson interval, the numbers written to the right; x from 0 to 1 with alpha and the
     * target as vertical lines.
     */
    static String dotPlot(List<String> rows, List<List<Series>> seriesByRow, Frame frame, int width) {
        int left = 170;
        int right = 200;
        int top = 26;
        int bottom = 40;
        int perSeries = 11;
        int count = seriesByRow.stream().mapToInt(List::size).max().orElse(1);
        int rowH = Math.max(24, perSeries * count + 10);
        int height = top + bottom + rowH * rows.size();
        double plotW = width - left - right;
        double plotH = rowH * rows.size();
        java.util.function.DoubleUnaryOperator px = v -> left + v * plotW;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                width, height));
        for (int k = 0; k <= 5; k++) {
            double v = k / 5.0;
            double x = px.applyAsDouble(v);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n", x, top, x, top + plotH, x, top + plotH + 15,
                    number(v)));
        }
        verticalReference(s, px.applyAsDouble(frame.alpha()), top, top + plotH, "#888", "1,3",
                "\u03b1 = " + number(frame.alpha()));
        if (frame.target() != null) {
            verticalReference(s, px.applyAsDouble(frame.target()), top, top + plotH, "#222", "6,4", "target " + number(frame.target()));
        }
        for (int r = 0; r < rows.size(); r++) {
            double y0 = top + r * rowH;
            if (r > 0) {
                s.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n", y0, width, y0));
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-weight=\"bold\">%s</text>%n",
                    left - 8, y0 + rowH / 2.0 + 4, SvgChart.escape(rows.get(r))));
            List<Series> series = seriesByRow.get(r);
            double first = y0 + (rowH - perSeries * (series.size() - 1)) / 2.0;
            for (int j = 0; j < series.size(); j++) {
                Series se = series.get(j);
                double y = first + perSeries * j;
                double lo = px.applyAsDouble(se.low()[0]);
                double hi = px.applyAsDouble(se.high()[0]);
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>"
                        + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                        + "y2=\"%.1f\" stroke=\"%s\"/><circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n", lo, y, hi, y, se.colour(),
                        lo, y - 3, lo, y + 3, se.colour(), hi, y - 3, hi, y + 3, se.colour(), px.applyAsDouble(se.power()[0]), y,
                        se.colour()));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s %.3f [%.3f, %.3f]</text>%n",
                        left + plotW + 10, y + 4, se.colour(), SvgChart.escape(se.tag()), se.power()[0], se.low()[0],
                        se.high()[0]));
            }
        }
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#444\"/>%n",
                left, top, plotW, plotH));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", left + plotW / 2,
                height - 8, SvgChart.escape(frame.yLabel())));
        return s.append("</svg>\n").toString();
    }

    /** Gridlines and labels every 0.2 from 0 to 1. */
    private static void yAxis(StringBuilder s, int left, double plotW, java.util.function.DoubleUnaryOperator py) {
        for (int k = 0; k <= 5; k++) {
            double v = k / 5.0;
            double y = py.applyAsDouble(v);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left, y, left + plotW, y, left - 5, y + 4,
                    number(v)));
        }
    }

    /**
     * The alpha line (dotted, grey; the figure heading names it, a label inside would sit on the
     * curves, which start near alpha) and the target line (dashed, dark), labelled at the left
     * inside the plot, where power curves are lowest.
     */
    private static void references(StringBuilder s, Frame frame, double x0, double x1, java.util.function.DoubleUnaryOperator py) {
        double ya = py.applyAsDouble(frame.alpha());
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" "
                + "stroke-dasharray=\"1,3\" class=\"alpha\"/>%n", x0, ya, x1, ya));
        if (frame.target() != null) {
            double yt = py.applyAsDouble(frame.target());
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\" "
                    + "stroke-dasharray=\"6,4\" class=\"target\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">"
                    + "target %s</text>%n", x0, yt, x1, yt, x0 + 3, yt - 3, number(frame.target())));
        }
    }

    private static void verticalReference(StringBuilder s, double x, double y0, double y1, String colour, String dash, String label) {
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"%s\"/>"
                + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\" font-size=\"10\">%s</text>%n", x, y0, x, y1, colour, dash,
                x, y0 - 6, colour, SvgChart.escape(label)));
    }

    /** A probability as typed: 0.8, 0.05. */
    static String number(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
