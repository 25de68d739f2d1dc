package org.reconsim.results.phenomena;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.reconsim.results.dataset.CsvTable;
import org.reconsim.results.report.RunManifest;

/** {@code phenomena.csv}, the printed table and {@code report.html} with a bar chart per experiment. */
public final class PhenomenaReport {

    public static final List<String> COLUMNS = List.of("phenomenon", "experiment", "memory_model", "mechanism", "higher", "lower",
            "mean_higher", "mean_lower", "contrast", "ci_low", "ci_high", "hedges_g", "expected", "verdict");

    private PhenomenaReport() {
    }

    public static void writeCsv(Path file, List<PhenomenaSuite.Result> results) {
        try (CsvTable t = new CsvTable(file, COLUMNS)) {
            for (PhenomenaSuite.Result r : results) {
                for (ContrastRow c : r.contrasts()) {
                    t.row(c.phenomenon(), c.experiment(), c.model(), c.mechanism(), c.higher(), c.lower(), c.meanHigher(),
                            c.meanLower(), c.contrast(), c.ciLow(), c.ciHigh(), c.hedgesG(), c.expected(), c.verdict());
                }
            }
            t.commit();
        }
    }

    public static String format(List<PhenomenaSuite.Result> results) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%3s  %-24s  %-12s  %-20s  %-58s  %8s  %-19s  %s%n", "#", "experiment", "model", "mechanism",
                "expected", "contrast", "95% CI", "verdict"));
        for (PhenomenaSuite.Result r : results) {
            for (ContrastRow c : r.contrasts()) {
                s.append(String.format(Locale.ROOT, "%3d  %-24s  %-12s  %-20s  %-58s  %8.3f  [%7.3f, %7.3f]  %s%n", c.phenomenon(),
                        c.experiment(), c.model(), c.mechanism(), c.higher() + " > " + c.lower(), c.contrast(), c.ciLow(), c.ciHigh(),
                        c.verdict()));
            }
        }
        return s.toString();
    }

    /** A self-contained HTML page: per experiment run, a bar chart of group means with 95% intervals, and its verdicts. */
    public static void writeHtml(Path file, List<PhenomenaSuite.Result> results) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>reconsim phenomena</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
                .append("h2{font-size:1.1em;margin-top:2em}.ok{color:#176d2c}.no{color:#a4161a}")
                .append("table{border-collapse:collapse;font-size:.85em}td,th{padding:2px 8px;border-bottom:1px solid #ddd}</style>")
                .append("</head><body>\n<h1>Canonical phenomena</h1>\n")
                .append("<p>Each chart shows the group means of the tested response (0..1) with 95% intervals.</p>\n");
        for (PhenomenaSuite.Result r : results) {
            h.append("<h2>").append(r.experiment().phenomenon()).append(". ").append(escape(r.experiment().title()))
                    .append(" &mdash; ").append(escape(r.model())).append(r.mechanism().equals("-") ? "" : ", mechanism " + escape(r.mechanism()))
                    .append("</h2>\n<p>").append(escape(r.experiment().finding())).append("</p>\n");
            h.append(barChart(r.means()));
            h.append("<table><tr><th>expected</th><th>contrast</th><th>95% CI</th><th>verdict</th></tr>\n");
            for (ContrastRow c : r.contrasts()) {
                boolean ok = c.verdict().equals("reproduced") || c.verdict().equals("consistent");
                h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td><td>[%.3f, %.3f]</td><td class=\"%s\">%s</td></tr>%n",
                        escape(c.expected()), c.contrast(), c.ciLow(), c.ciHigh(), ok ? "ok" : "no", c.verdict()));
            }
            h.append("</table>\n");
        }
        h.append("</body></html>\n");
        RunManifest.writeAtomically(file, h.toString());
    }

    private static String barChart(List<PhenomenaSuite.GroupMean> means) {
        int barWidth = 46;
        int gap = 14;
        int height = 160;
        int top = 10;
        int labelSpace = 120;
        int width = 40 + means.size() * (barWidth + gap) + 90; // room for the last rotated label
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">%n",
                width, top + height + labelSpace));
        s.append(String.format(Locale.ROOT, "<line x1=\"34\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n", top + height, width,
                top + height));
        for (double tick = 0; tick <= 1.0001; tick += 0.5) {
            double y = top + height * (1 - tick);
            s.append(String.format(Locale.ROOT, "<text x=\"30\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.1f</text>%n", y + 3, tick));
        }
        for (int i = 0; i < means.size(); i++) {
            PhenomenaSuite.GroupMean m = means.get(i);
            double v = Math.max(0, Math.min(1, m.mean()));
            double x = 40 + i * (barWidth + gap);
            double y = top + height * (1 - v);
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#4a78a8\"><title>%s: %.3f</title></rect>%n",
                    x, y, barWidth, top + height - y, escape(m.measure()), m.mean()));
            double lo = top + height * (1 - Math.max(0, Math.min(1, m.mean() - 1.96 * m.standardError())));
            double hi = top + height * (1 - Math.max(0, Math.min(1, m.mean() + 1.96 * m.standardError())));
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#111\"/>%n",
                    x + barWidth / 2.0, lo, x + barWidth / 2.0, hi));
            s.append(String.format(Locale.ROOT, "<text transform=\"translate(%.1f,%d) rotate(45)\" font-size=\"10\">%s</text>%n",
                    x + 6, top + height + 12, escape(m.measure())));
        }
        return s.append("</svg>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
