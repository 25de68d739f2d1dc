package org.reconsim.results.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.targets.LoadedTargets;
import org.reconsim.results.dataset.CsvTable;
import org.reconsim.results.inference.PredictiveCheck;

/**
 * What {@code check} writes: check.csv (one row per hypothesis and target, then the pattern), the
 * console table, and report.html with the table and, per finding, each hypothesis's simulated z
 * distribution with the published z marked.
 */
public final class CheckReport {

    /** check.csv's columns, in order. */
    public static final List<String> COLUMNS = List.of("hypothesis", "target", "claim", "observed_z", "sim_median_z", "sim_low_z",
            "sim_high_z", "p_predictive", "p_claim", "p_claim_low", "p_claim_high", "trials", "undefined_z");

    private CheckReport() {
    }

    public static void writeCsv(Path file, List<PredictiveCheck.Row> rows) {
        try (CsvTable t = new CsvTable(file, COLUMNS)) {
            for (PredictiveCheck.Row r : rows) {
                t.row(r.hypothesis(), r.target(), r.claim() == null ? "all" : r.claim().label(), r.observedZ(), r.medianZ(), r.lowZ(),
                        r.highZ(), r.pPredictive(), r.pClaim(), r.pClaimLow(), r.pClaimHigh(), r.trials(), r.undefined());
            }
            t.commit();
        }
    }

    /** The rows as a fixed-width table for the console, one line per row, under a header. */
    public static String table(List<PredictiveCheck.Row> rows) {
        int hw = Math.max("hypothesis".length(), rows.stream().mapToInt(r -> r.hypothesis().length()).max().orElse(0));
        int tw = Math.max("target".length(), rows.stream().mapToInt(r -> r.target().length()).max().orElse(0));
        String format = "%-" + hw + "s  %-" + tw + "s  %-16s  %10s  %10s  %-17s  %12s  %7s  %s%n";
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, format, "hypothesis", "target", "claim", "observed_z",
                "sim_median", "sim 95% interval", "p_predictive", "p_claim", "p_claim 95% CI"));
        for (PredictiveCheck.Row r : rows) {
            boolean pattern = r.claim() == null;
            s.append(String.format(Locale.ROOT, format, r.hypothesis(), r.target(), pattern ? "all claims" : r.claim().label(),
                    fixed(r.observedZ(), 2), fixed(r.medianZ(), 2),
                    pattern ? "" : "[" + fixed(r.lowZ(), 2) + ", " + fixed(r.highZ(), 2) + "]", fixed(r.pPredictive(), 4),
                    fixed(r.pClaim(), 4), "[" + fixed(r.pClaimLow(), 4) + ", " + fixed(r.pClaimHigh(), 4) + "]"));
        }
        return s.toString();
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** report.html: what was checked, the table, and one chart per finding. */
    public static void writeHtml(Path file, LoadedScenario scenario, LoadedTargets targets, List<String> hypotheses,
                                 PredictiveCheck.Result result, long seed, int replicates) {
        StringBuilder h = new StringBuilder();
        String name = SvgChart.escape(scenario.scenario().name());
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>reconsim check: ").append(name)
                .append("</title>\n<style>body{font-family:sans-serif;max-width:1150px;margin:2em auto;color:#222}"
                        + "table{border-collapse:collapse;font-size:.8em}td,th{padding:2px 7px;border-bottom:1px solid #ddd;"
                        + "text-align:right}th{background:#f4f4f4}td.l,th.l{text-align:left}.charts{display:flex;flex-wrap:wrap;gap:8px}"
                        + "</style></head><body>\n");
        h.append("<h1>Predictive check: ").append(name).append(" against ").append(SvgChart.escape(targets.targets().name()))
                .append("</h1>\n<p>").append(SvgChart.escape(targets.targets().source())).append("</p>\n");
        h.append(String.format(Locale.ROOT, "<p>%d simulated trials per hypothesis at the published sizes (seed %d). observed_z is "
                + "the published estimate / sd; the simulated z is the scenario's first analysis method's estimate / standard error; "
                + "p_predictive is two-sided, each tail (k + 1) / (R + 1); p_claim is the share of simulated trials on which the "
                + "published claim holds, and the pattern row the share on which every claim holds at once (docs/INFERENCE.md)."
                + "</p>%n", replicates, seed));
        h.append("<table><tr>");
        for (String c : COLUMNS) {
            h.append("<th").append(c.equals("hypothesis") || c.equals("target") || c.equals("claim") ? " class=\"l\"" : "")
                    .append('>').append(c).append("</th>");
        }
        h.append("</tr>\n");
        for (PredictiveCheck.Row r : result.rows()) {
            h.append("<tr><td class=\"l\">").append(SvgChart.escape(r.hypothesis())).append("</td><td class=\"l\">")
                    .append(SvgChart.escape(r.target())).append("</td><td class=\"l\">")
                    .append(r.claim() == null ? "all" : r.claim().label()).append("</td>");
            for (double v : new double[] {r.observedZ(), r.medianZ(), r.lowZ(), r.highZ(), r.pPredictive(), r.pClaim(), r.pClaimLow(),
                r.pClaimHigh()}) {
                h.append("<td>").append(CsvTable.fixed(v, 4)).append("</td>");
            }
            h.append("<td>").append(r.trials()).append("</td><td>").append(r.undefined()).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Simulated z by finding</h2>\n<div class=\"charts\">\n");
        List<String> ids = result.rows().stream().map(PredictiveCheck.Row::target).distinct()
                .filter(t -> !t.equals(PredictiveCheck.PATTERN)).toList();
        for (int i = 0; i < ids.size(); i++) {
            h.append(chart(ids.get(i), targets.finding(ids.get(i)).z().orElse(Double.NaN), hypotheses, result.z(), i));
        }
        h.append("</div>\n</body></html>\n");
        RunManifest.writeAtomically(file, h.toString());
    }

    /** Each hypothesis's histogram of finding {@code i}'s simulated z (share per bin), and the published z as a vertical line. */
    private static String chart(String id, double observed, List<String> hypotheses, double[][][] z, int i) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[][] byFinding : z) {
            for (double v : byFinding[i]) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (Double.isFinite(observed)) {
            lo = Math.min(lo, observed);
            hi = Math.max(hi, observed);
        }
        SvgChart c = new SvgChart(id, "z (estimate / standard error)", "share of trials", 540, 260);
        if (!(hi > lo)) {
            return c.render();
        }
        int bins = 40;
        double width = (hi - lo) / bins;
        double[] x = new double[bins];
        for (int b = 0; b < bins; b++) {
            x[b] = lo + (b + 0.5) * width;
        }
        double top = 0;
        List<SvgChart.Series> series = new ArrayList<>();
        for (int h = 0; h < hypotheses.size(); h++) {
            double[] share = new double[bins];
            double[] values = z[h][i];
            for (double v : values) {
                if (Double.isFinite(v)) {
                    share[Math.min(bins - 1, (int) ((v - lo) / width))] += 1.0 / values.length;
                }
            }
            top = Math.max(top, Arrays.stream(share).max().orElse(0));
            series.add(new SvgChart.Series(hypotheses.get(h), x, share, null, null));
        }
        series.forEach(c::add);
        if (Double.isFinite(observed)) {
            c.add(new SvgChart.Series("published z", new double[] {observed, observed}, new double[] {0, top}, null, null));
        }
        return c.render();
    }
}
