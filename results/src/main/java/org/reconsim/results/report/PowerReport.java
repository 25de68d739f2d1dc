package org.reconsim.results.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.results.power.PowerRow;
import org.reconsim.results.power.SampleSizeSearch;
import org.reconsim.results.power.TrialAnalysis;

/**
 * {@code report.html} of {@code reconsim power}: self-contained (inline SVG, no scripts), with
 * the scenario summary, the power curve of every endpoint by visit with Wilson bands, the
 * required sample size when a target was given, and the full table.
 */
public final class PowerReport {

    private PowerReport() {
    }

    public static void write(Path file, LoadedScenario loaded, List<PowerRow> rows, long seed, int replicates,
                             SampleSizeSearch search) {
        Scenario s = loaded.scenario();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>reconsim power: ")
                .append(SvgChart.escape(s.name())).append("</title>\n<style>body{font-family:sans-serif;max-width:1150px;margin:2em auto;"
                        + "color:#222}table{border-collapse:collapse;font-size:.8em}td,th{padding:2px 7px;border-bottom:1px solid #ddd;"
                        + "text-align:right}th{background:#f4f4f4}.charts{display:flex;flex-wrap:wrap;gap:8px}</style></head><body>\n");
        h.append("<h1>Power: ").append(SvgChart.escape(s.name())).append("</h1>\n<p>").append(SvgChart.escape(s.description()))
                .append("</p>\n<ul>\n");
        for (Scenario.Arm a : s.design().arms()) {
            h.append(String.format(Locale.ROOT, "<li>%s: %s %.3g mg/kg over %.0f min%s</li>%n", SvgChart.escape(a.name()),
                    a.drug().label(), a.doseMgPerKg(), a.infusionMinutes(),
                    a.name().equals(s.design().controlArm()) ? " (control)" : ""));
        }
        h.append(String.format(Locale.ROOT, "<li>mechanisms true for the virtual patients: %s</li>%n",
                s.mechanisms().active().isEmpty() ? "none (null hypothesis)"
                        : String.join(", ", s.mechanisms().active().stream().map(Scenario.MechanismName::label).toList())));
        if (!s.directEffects().isEmpty()) {
            h.append("<li>direct effects: ").append(String.join(", ", s.directEffects().stream()
                    .map(d -> d.endpoint().label() + " " + d.effect()).toList())).append("</li>\n");
        }
        h.append(String.format(Locale.ROOT, "<li>%d virtual trials per sample size; alpha %.3g; seed %d; scenario sha256 %s</li>%n",
                replicates, s.analysis().alpha(), seed, loaded.canonical().sha256()));
        h.append("</ul>\n");
        if (search != null) {
            h.append("<p><strong>").append(SvgChart.escape(search.describe())).append("</strong></p>\n");
        }
        String analysis = s.analysis().methods().get(0).label();
        h.append("<h2>Power curves (").append(analysis).append(", Wilson 95% bands)</h2>\n<div class=\"charts\">\n");
        for (Scenario.Endpoint e : TrialAnalysis.ENDPOINTS) {
            SvgChart chart = new SvgChart(e.label(), "patients per arm", "power", 370, 250);
            for (Scenario.Visit v : TrialAnalysis.VISITS) {
                List<PowerRow> curve = rows.stream().filter(r -> r.endpoint().equals(e.label()) && r.visit().equals(v.label())
                        && r.analysis().equals(analysis)).toList();
                if (curve.isEmpty()) {
                    continue;
                }
                chart.add(new SvgChart.Series(v.label(), curve.stream().mapToDouble(PowerRow::nPerArm).toArray(),
                        curve.stream().mapToDouble(PowerRow::power).toArray(), curve.stream().mapToDouble(PowerRow::ciLow).toArray(),
                        curve.stream().mapToDouble(PowerRow::ciHigh).toArray()));
            }
            h.append(chart.render());
        }
        h.append("</div>\n<h2>Table</h2>\n<table><tr><th>n per arm</th><th>endpoint</th><th>visit</th><th>analysis</th><th>power</th>"
                + "<th>95% CI (Wilson)</th><th>mean estimate</th><th>SD estimate</th><th>type S</th><th>exaggeration</th></tr>\n");
        for (PowerRow r : rows) {
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%.3f</td><td>%.3f-%.3f</td>"
                    + "<td>%.4g</td><td>%.4g</td><td>%.3f</td><td>%.2f</td></tr>%n", r.nPerArm(), r.endpoint(), r.visit(), r.analysis(),
                    r.power(), r.ciLow(), r.ciHigh(), r.meanEstimate(), r.sdEstimate(), r.typeS(), r.exaggeration()));
        }
        h.append("</table>\n<p>Type S: share of significant trials with the wrong sign; exaggeration: mean |estimate| of "
                + "significant trials over |mean estimate| (Gelman &amp; Carlin 2014).</p>\n</body></html>\n");
        RunManifest.writeAtomically(file, h.toString());
    }
}
