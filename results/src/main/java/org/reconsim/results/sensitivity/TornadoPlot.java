package org.reconsim.results.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.reconsim.results.report.SvgChart;

/**
 * A tornado plot of Sobol indices as standalone SVG: one band per field, the field with the
 * largest total index on top; in each band a bar for the total index and one for the first-order
 * index, each with its bootstrap interval as a whisker. The gap between a field's two bars is
 * the share of the variance it causes only through interactions with other fields.
 */
public final class TornadoPlot {

    private static final String TOTAL = "#2e6da4";
    private static final String FIRST = "#9ec3e6";

    private TornadoPlot() {
    }

    public static String svg(List<String> fields, SobolIndices.Result result) {
        int n = fields.size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        // largest total on top; an undefined index (NaN) last; ties keep input order
        order.sort(Comparator.comparingDouble((Integer i) -> -orZero(result.indices().get(i).total())));
        double lo = 0;
        double hi = 1;
        for (SobolIndices.Index x : result.indices()) {
            lo = Math.min(lo, Math.min(orZero(x.firstLow()), orZero(x.first())));
            hi = Math.max(hi, Math.max(orZero(x.totalHigh()), orZero(x.firstHigh())));
        }
        double from = Math.floor(lo * 10) / 10;
        double to = Math.ceil(hi * 10) / 10;
        int labelWidth = 20 + 7 * fields.stream().mapToInt(String::length).max().orElse(5);
        int plotWidth = 460;
        int band = 44;
        int top = 30;
        int width = labelWidth + plotWidth + 30;
        int height = top + band * n + 50;
        double scale = plotWidth / (to - from);
        java.util.function.DoubleFunction<Double> x = v -> labelWidth + (v - from) * scale;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                + "font-size=\"12\">%n", width, height));
        for (int t = 0; t <= Math.round((to - from) * 10); t++) {
            double v = from + t / 10.0;
            boolean major = Math.abs(v * 2 - Math.rint(v * 2)) < 1e-9;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>%n", x.apply(v), top - 5,
                    x.apply(v), top + band * n, Math.abs(v) < 1e-9 ? "#444" : "#e4e4e4"));
            if (major) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.1f</text>%n", x.apply(v),
                        top + band * n + 16, v));
            }
        }
        for (int k = 0; k < n; k++) {
            int i = order.get(k);
            SobolIndices.Index idx = result.indices().get(i);
            int y = top + band * k;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", labelWidth - 8, y + band / 2 + 4,
                    SvgChart.escape(fields.get(i))));
            bar(s, x, y + 6, 14, idx.total(), idx.totalLow(), idx.totalHigh(), TOTAL);
            bar(s, x, y + 22, 14, idx.first(), idx.firstLow(), idx.firstHigh(), FIRST);
        }
        int legend = top + band * n + 36;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">total "
                + "index</text>%n", labelWidth, legend - 9, TOTAL, labelWidth + 16, legend));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">first-order "
                + "index (whiskers: bootstrap 95%% intervals)</text>%n", labelWidth + 110, legend - 9, FIRST, labelWidth + 126, legend));
        return s.append("</svg>\n").toString();
    }

    private static void bar(StringBuilder s, java.util.function.DoubleFunction<Double> x, int y, int h, double v, double lo, double hi,
                            String colour) {
        if (!Double.isFinite(v)) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#888\">NA</text>%n", x.apply(0) + 4, y + h - 3));
            return;
        }
        double a = Math.min(x.apply(0), x.apply(v));
        double w = Math.abs(x.apply(v) - x.apply(0));
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n", a, y, w, h, colour));
        if (Double.isFinite(lo) && Double.isFinite(hi)) {
            int mid = y + h / 2;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#222\"/>"
                    + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#222\"/><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                    + "stroke=\"#222\"/>%n", x.apply(lo), mid, x.apply(hi), mid, x.apply(lo), mid - 4, x.apply(lo), mid + 4, x.apply(hi),
                    mid - 4, x.apply(hi), mid + 4));
        }
    }

    private static double orZero(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
