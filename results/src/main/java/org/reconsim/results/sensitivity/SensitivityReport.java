package org.reconsim.results.sensitivity;

import java.nio.file.Path;
import java.util.Locale;

import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.results.report.RunManifest;
import org.reconsim.results.report.SvgChart;

/** report.html of a sensitivity analysis: what was varied and read, the tornado plot, the table, and how to read them. */
public final class SensitivityReport {

    private SensitivityReport() {
    }

    public static void write(Path file, LoadedScenario loaded, SensitivityTable.Labels labels, SobolIndices.Result result, int nPerArm,
                             long seed) {
        StringBuilder h = new StringBuilder();
        String name = SvgChart.escape(loaded.scenario().name());
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>reconsim sensitivity: ").append(name)
                .append("</title>\n<style>body{font-family:sans-serif;max-width:1150px;margin:2em auto;color:#222}table{border-collapse:"
                        + "collapse;font-size:.85em}td,th{padding:2px 7px;border-bottom:1px solid #ddd;text-align:right}th{background:#f4f4f4}"
                        + "td:first-child{text-align:left}</style></head><body>\n");
        h.append("<h1>Global sensitivity: ").append(name).append("</h1>\n<p>").append(SvgChart.escape(loaded.scenario().description()))
                .append("</p>\n<ul>\n");
        h.append("<li>output: ").append(SvgChart.escape(labels.output())).append(String.format(Locale.ROOT,
                ", from %d virtual trials of %d patients per arm at each point (the same trials at every point)</li>%n",
                labels.replicates(), nPerArm));
        h.append(String.format(Locale.ROOT, "<li>N = %d rows of the Saltelli design, %d evaluations; output variance %s; %d bootstrap "
                + "resamples; seed %d; scenario sha256 %s</li>%n", result.rows(), result.rows() * (labels.fields().size() + 2),
                cell(result.variance(), "%.4g"), result.resamples(), seed, loaded.canonical().sha256()));
        h.append("</ul>\n<h2>Sobol indices</h2>\n");
        h.append(TornadoPlot.svg(labels.fields(), result));
        h.append("<table><tr><th>field</th><th>prior</th><th>first order</th><th>95% interval</th><th>total</th><th>95% interval</th></tr>\n");
        for (int i = 0; i < labels.fields().size(); i++) {
            SobolIndices.Index x = result.indices().get(i);
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s-%s</td><td>%s</td><td>%s-%s</td></tr>%n",
                    SvgChart.escape(labels.fields().get(i)), SvgChart.escape(labels.priors().get(i)), cell(x.first(), "%.3f"),
                    cell(x.firstLow(), "%.3f"), cell(x.firstHigh(), "%.3f"), cell(x.total(), "%.3f"), cell(x.totalLow(), "%.3f"),
                    cell(x.totalHigh(), "%.3f")));
        }
        h.append("</table>\n<p>The first-order index of a field is the share of the output's variance over the priors that the field "
                + "explains alone (the variance of the output's mean given the field); its total index is the share that would remain "
                + "if every other field were known (first order plus every interaction the field takes part in). A total index near 0 "
                + "means the output does not depend on the field across its prior: it can be fixed anywhere there. Estimators: "
                + "Saltelli et al. 2010 (first order) and Jansen 1999 (total) on a Saltelli design from a Sobol sequence; intervals: "
                + "bootstrap percentiles over the N rows. The output at each point is itself a Monte Carlo estimate from a finite "
                + "number of trials: the part of its noise that the shared trials do not cancel adds to the variance and to every "
                + "total index (docs/SENSITIVITY.md).</p>\n</body></html>\n");
        RunManifest.writeAtomically(file, h.toString());
    }

    private static String cell(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "NA";
    }
}
