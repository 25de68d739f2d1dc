package org.reconsim.results.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reconsim.results.dataset.CsvTable;
import org.reconsim.results.inference.Confusion;
import org.reconsim.results.inference.Discrimination;
import org.reconsim.results.stats.ProportionInterval;

/**
 * The outputs of {@code reconsim discriminate}: {@code confusion.csv} (one row per design, size,
 * true and inferred hypothesis), {@code accuracy.csv} (the probability of correct identification
 * per design and size), {@code report.html} (the designs side by side: a confusion table per
 * design and size, P(correct) against patients per arm) and the printed summary.
 */
public final class DiscriminationReport {

    private DiscriminationReport() {
    }

    public static final List<String> CONFUSION_COLUMNS = List.of("design", "n_per_arm", "true_hypothesis", "inferred_hypothesis",
            "proportion", "ci_low", "ci_high");
    public static final List<String> ACCURACY_COLUMNS = List.of("design", "n_per_arm", "trials_per_hypothesis", "statistics",
            "p_correct", "ci_low", "ci_high");

    public static void writeConfusion(Path file, List<Discrimination.Cell> cells) {
        try (CsvTable t = new CsvTable(file, CONFUSION_COLUMNS)) {
            for (Discrimination.Cell cell : cells) {
                Confusion c = cell.confusion();
                for (int i = 0; i < c.hypotheses().size(); i++) {
                    for (int j = 0; j < c.hypotheses().size(); j++) {
                        ProportionInterval ci = c.interval(i, j);
                        t.row(cell.design(), cell.nPerArm(), c.hypotheses().get(i), c.hypotheses().get(j), c.proportion(i, j), ci.low(),
                                ci.high());
                    }
                }
            }
            t.commit();
        }
    }

    public static void writeAccuracy(Path file, List<Discrimination.Cell> cells) {
        try (CsvTable t = new CsvTable(file, ACCURACY_COLUMNS)) {
            for (Discrimination.Cell cell : cells) {
                Confusion c = cell.confusion();
                ProportionInterval ci = c.accuracyInterval();
                t.row(cell.design(), cell.nPerArm(), c.trialsPerHypothesis(), cell.statistics(), c.accuracy(), ci.low(), ci.high());
            }
            t.commit();
        }
    }

    /** The printed summary: P(correct) per design and size, then each true hypothesis's share identified. */
    public static String format(List<Discrimination.Cell> cells) {
        List<String> hypotheses = cells.get(0).confusion().hypotheses();
        int width = Math.max(8, cells.stream().mapToInt(c -> c.design().length()).max().orElse(0));
        StringBuilder s = new StringBuilder();
        String lead = "%-" + width + "s  %9s  %9s  %-15s";
        s.append(String.format(Locale.ROOT, lead, "design", "n_per_arm", "P(correct)", "95% CI"));
        for (String h : hypotheses) {
            s.append(String.format(Locale.ROOT, "  %" + Math.max(10, h.length()) + "s", h));
        }
        s.append('\n');
        for (Discrimination.Cell cell : cells) {
            Confusion c = cell.confusion();
            ProportionInterval ci = c.accuracyInterval();
            s.append(String.format(Locale.ROOT, "%-" + width + "s  %9d  %10.3f  [%5.3f, %5.3f]", cell.design(), cell.nPerArm(), c.accuracy(),
                    ci.low(), ci.high()));
            for (int i = 0; i < hypotheses.size(); i++) {
                s.append(String.format(Locale.ROOT, "  %" + Math.max(10, hypotheses.get(i).length()) + ".3f", c.proportion(i, i)));
            }
            s.append('\n');
        }
        s.append("P(correct): mean of the confusion matrix's diagonal (equal prior probabilities); per hypothesis: its trials "
                + "identified correctly.\n");
        return s.toString();
    }

    /**
     * The report: one section per design with a confusion table per size, then P(correct) against
     * patients per arm for every design on one chart.
     *
     * @param designs  each design's label and description, in order
     * @param seed     master seed
     * @param training training trials per hypothesis
     */
    public static void writeHtml(Path file, List<Discrimination.Cell> cells, Map<String, String> designs, long seed, int training) {
        List<String> hypotheses = cells.get(0).confusion().hypotheses();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>reconsim discriminate</title>\n"
                + "<style>body{font-family:sans-serif;max-width:1150px;margin:2em auto;color:#222}table{border-collapse:collapse;"
                + "font-size:.85em;margin:4px 0 12px}td,th{padding:2px 7px;border-bottom:1px solid #ddd;text-align:right}"
                + "th{background:#f4f4f4}td.diag{font-weight:bold;background:#eef5ee}.designs{display:flex;flex-wrap:wrap;gap:32px}"
                + "</style></head><body>\n<h1>Design discrimination</h1>\n");
        h.append("<p>Hypotheses: ").append(SvgChart.escape(String.join(", ", hypotheses)))
                .append(String.format(Locale.ROOT, ". Each trial is classified by a linear discriminant (shrunk pooled covariance, "
                        + "equal prior probabilities) trained on %d other trials per hypothesis of the same design and size; seed %d. "
                        + "Rows: the true hypothesis; columns: the inferred one; cells: proportion of trials (Wilson 95%% interval). "
                        + "See docs/INFERENCE.md.</p>%n", training, seed));
        SvgChart chart = new SvgChart("P(correct identification)", "patients per arm", "P(correct)", 640, 320);
        h.append("<div class=\"designs\">\n");
        for (Map.Entry<String, String> d : designs.entrySet()) {
            List<Discrimination.Cell> mine = cells.stream().filter(c -> c.design().equals(d.getKey())).toList();
            h.append("<section><h2>").append(SvgChart.escape(d.getKey())).append("</h2>\n<p>").append(SvgChart.escape(d.getValue()))
                    .append("</p>\n");
            for (Discrimination.Cell cell : mine) {
                table(h, cell);
            }
            h.append("</section>\n");
            double[] x = mine.stream().mapToDouble(Discrimination.Cell::nPerArm).toArray();
            double[] y = mine.stream().mapToDouble(c -> c.confusion().accuracy()).toArray();
            double[] low = mine.stream().mapToDouble(c -> c.confusion().accuracyInterval().low()).toArray();
            double[] high = mine.stream().mapToDouble(c -> c.confusion().accuracyInterval().high()).toArray();
            chart.add(new SvgChart.Series(d.getKey(), x, y, low, high));
        }
        h.append("</div>\n<h2>P(correct) against patients per arm (Wilson 95% bands; chance is ")
                .append(String.format(Locale.ROOT, "%.3f", 1.0 / hypotheses.size())).append(")</h2>\n").append(chart.render())
                .append("\n</body></html>\n");
        RunManifest.writeAtomically(file, h.toString());
    }

    private static void table(StringBuilder h, Discrimination.Cell cell) {
        Confusion c = cell.confusion();
        ProportionInterval acc = c.accuracyInterval();
        h.append(String.format(Locale.ROOT, "<h3>%d per arm: P(correct) %.3f [%.3f, %.3f]</h3>%n", cell.nPerArm(), c.accuracy(), acc.low(),
                acc.high()));
        h.append("<table><tr><th>true \\ inferred</th>");
        for (String name : c.hypotheses()) {
            h.append("<th>").append(SvgChart.escape(name)).append("</th>");
        }
        h.append("</tr>\n");
        for (int i = 0; i < c.hypotheses().size(); i++) {
            h.append("<tr><th>").append(SvgChart.escape(c.hypotheses().get(i))).append("</th>");
            for (int j = 0; j < c.hypotheses().size(); j++) {
                ProportionInterval ci = c.interval(i, j);
                h.append(i == j ? "<td class=\"diag\">" : "<td>")
                        .append(String.format(Locale.ROOT, "%.3f <small>[%.3f, %.3f]</small>", c.proportion(i, j), ci.low(), ci.high()))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append(String.format(Locale.ROOT, "</table>%n<p><small>%d trials per hypothesis, %d statistics each.</small></p>%n",
                c.trialsPerHypothesis(), cell.statistics()));
    }

    /** Each design's label and description, in the order of the cells. */
    public static Map<String, String> designs(List<Discrimination.Design> designs) {
        Map<String, String> out = new LinkedHashMap<>();
        designs.forEach(d -> out.put(d.label(), d.loaded().scenario().description()));
        return out;
    }
}
