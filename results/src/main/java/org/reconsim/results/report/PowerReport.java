package org.reconsim.results.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Arm;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.sim.PkSummary;
import org.reconsim.results.power.ArmMeanKey;
import org.reconsim.results.power.PowerAccumulator;
import org.reconsim.results.power.PowerRow;
import org.reconsim.results.power.SampleSizeSearch;
import org.reconsim.results.power.TrialAnalysis;
import org.reconsim.results.stats.RunningMoments;

/**
 * {@code report.html} of {@code reconsim power}: self-contained (inline SVG, no scripts), with
 * the scenario summary, the power curve of every endpoint by visit with Wilson bands, the
 * required sample size when a target was given, and the full table.
 */
public final class PowerReport {

    private PowerReport() {
    }

    /** Bars of the estimate distribution, 24 bins, with 0 marked. */
    static String histogram(List<Double> values) {
        if (values.isEmpty()) {
            return "<p>No defined estimates.</p>\n";
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        min = Math.min(min, 0);
        max = Math.max(max, 0);
        if (max == min) {
            max = min + 1;
        }
        int bins = 24;
        int[] counts = new int[bins];
        for (double v : values) {
            counts[Math.min(bins - 1, (int) ((v - min) / (max - min) * bins))]++;
        }
        int top = java.util.Arrays.stream(counts).max().orElse(1);
        int w = 560;
        int hgt = 200;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                w, hgt + 30));
        double bw = (w - 40) / (double) bins;
        for (int b = 0; b < bins; b++) {
            double bh = (double) counts[b] / top * hgt;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a78a8\"/>%n",
                    20 + b * bw, hgt - bh, bw - 1, bh));
        }
        double zero = 20 + (0 - min) / (max - min) * (w - 40);
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c0392b\"/>%n", zero, zero, hgt));
        s.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"%d\">%.3g</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.3g</text>"
                + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#c0392b\">0</text>%n", hgt + 15, min, w - 20, hgt + 15, max,
                zero, hgt + 28));
        return s.append("</svg>\n").toString();
    }

    /** Hours as written in a scenario: whole hours without a decimal point. */
    private static String hours(double h) {
        return h == Math.rint(h) ? Long.toString((long) h) : Double.toString(h);
    }

    public static void write(Path file, LoadedScenario loaded, List<PowerRow> rows, long seed, int replicates,
                             SampleSizeSearch search) {
        write(file, loaded, rows, seed, replicates, search, null, null, null);
    }

    /**
     * The report with, when given, the mean trajectories by arm and the estimate distribution
     * ({@code details}, at the largest sample size) and the drug exposure ({@code pk}).
     */
    public static void write(Path file, LoadedScenario loaded, List<PowerRow> rows, long seed, int replicates,
                             SampleSizeSearch search, PowerAccumulator details, List<PkSummary.ArmExposure> pk,
                             org.reconsim.engine.scenario.Timeline timeline) {
        write(file, loaded, rows, seed, replicates, search, details, pk, timeline, null);
    }

    /** As above, with a section of HTML before the table (the group-sequential looks, {@link StagesReport}), or null. */
    public static void write(Path file, LoadedScenario loaded, List<PowerRow> rows, long seed, int replicates,
                             SampleSizeSearch search, PowerAccumulator details, List<PkSummary.ArmExposure> pk,
                             org.reconsim.engine.scenario.Timeline timeline, String section) {
        Scenario s = loaded.scenario();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>reconsim power: ")
                .append(SvgChart.escape(s.name())).append("</title>\n<style>body{font-family:sans-serif;max-width:1150px;margin:2em auto;"
                        + "color:#222}table{border-collapse:collapse;font-size:.8em}td,th{padding:2px 7px;border-bottom:1px solid #ddd;"
                        + "text-align:right}th{background:#f4f4f4}.charts{display:flex;flex-wrap:wrap;gap:8px}</style></head><body>\n");
        h.append("<h1>Power: ").append(SvgChart.escape(s.name())).append("</h1>\n<p>").append(SvgChart.escape(s.description()))
                .append("</p>\n<ul>\n");
        for (Arm a : s.design().arms()) {
            h.append(String.format(Locale.ROOT, "<li>%s: %s %.3g mg/kg over %.0f min, starting %s h after the retrieval%s%s</li>%n",
                    SvgChart.escape(a.name()), a.drug().label(), a.doseMgPerKg(), a.infusionMinutes(),
                    hours(a.infusionStartHours(s.protocol())),
                    a.retrieval() ? "" : " (no reactivation)", a.name().equals(s.design().controlArm()) ? " (control)" : ""));
        }
        h.append(String.format(Locale.ROOT, "<li>mechanisms true for the virtual patients: %s</li>%n",
                s.mechanisms().active().isEmpty() ? "none (null hypothesis)"
                        : String.join(", ", s.mechanisms().active().stream().map(org.reconsim.models.mechanism.MechanismType::label).toList())));
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
        for (Endpoint e : TrialAnalysis.ENDPOINTS) {
            SvgChart chart = new SvgChart(e.label(), "patients per arm", "power", 370, 250);
            List<String> contrasts = rows.stream().map(PowerRow::contrast).distinct().toList();
            for (String c : contrasts) {
              for (Visit v : TrialAnalysis.VISITS) {
                List<PowerRow> curve = rows.stream().filter(r -> r.contrast().equals(c) && r.endpoint().equals(e.label())
                        && r.visit().equals(v.label()) && r.analysis().equals(analysis)).toList();
                if (curve.isEmpty()) {
                    continue;
                }
                chart.add(new SvgChart.Series(contrasts.size() == 1 ? v.label() : c + " " + v.label(), curve.stream().mapToDouble(PowerRow::nPerArm).toArray(),
                        curve.stream().mapToDouble(PowerRow::power).toArray(), curve.stream().mapToDouble(PowerRow::ciLow).toArray(),
                        curve.stream().mapToDouble(PowerRow::ciHigh).toArray()));
              }
            }
            h.append(chart.render());
        }
        h.append("</div>\n");
        if (details != null && details.hasArmMeans()) {
            h.append(String.format(Locale.ROOT, "<h2>Mean trajectories by arm (%d per arm; band: 95%% of single-trial arm means)</h2>%n",
                    details.detailsPerArm()));
            h.append("<div class=\"charts\">\n");
            List<Visit> visits = s.protocol().visits().scanned();
            double[] days = visits.stream().mapToDouble(timeline::visitDay).toArray();
            for (Endpoint e : Endpoint.values()) {
                SvgChart chart = new SvgChart(e.label(), "day", "mean", 370, 250);
                for (Arm arm : s.design().arms()) {
                    double[] mean = new double[days.length];
                    double[] lo = new double[days.length];
                    double[] hi = new double[days.length];
                    for (int v = 0; v < days.length; v++) {
                        RunningMoments m = details.armMean(new ArmMeanKey(arm.name(), visits.get(v), e));
                        mean[v] = m.mean();
                        lo[v] = m.mean() - 1.96 * m.standardDeviation();
                        hi[v] = m.mean() + 1.96 * m.standardDeviation();
                    }
                    chart.add(new SvgChart.Series(arm.name(), days, mean, lo, hi));
                }
                h.append(chart.render());
            }
            h.append("</div>\n");
            h.append(String.format(Locale.ROOT, "<h2>Estimated effect on %s at %s (%s, %d per arm, %d trials)</h2>%n",
                    s.analysis().primaryEndpoint().label(), s.analysis().primaryVisit().label(), analysis, details.detailsPerArm(),
                    details.primaryEstimates().size()));
            h.append(histogram(details.primaryEstimates()));
        }
        if (pk != null) {
            h.append("<h2>Drug exposure (median and 5-95% band, 500 virtual patients per arm)</h2>\n");
            h.append(PkReport.svg(pk, 24));
        }
        if (section != null) {
            h.append(section);
        }
        h.append("<h2>Table</h2>\n<table><tr><th>n per arm</th><th>endpoint</th><th>visit</th><th>analysis</th><th>power</th>"
                + "<th>95% CI (Wilson)</th><th>power, hypothesized direction</th><th>mean estimate</th><th>SD estimate</th>"
                + "<th>mean z</th><th>true d</th><th>type S</th><th>exaggeration</th></tr>\n");
        for (PowerRow r : rows) {
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%.3f</td><td>%.3f-%.3f</td>"
                    + "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n", r.nPerArm(), r.endpoint(),
                    r.visit(), r.analysis(), r.power(), r.ciLow(), r.ciHigh(), cell(r.powerDirectional(), "%.3f"),
                    cell(r.meanEstimate(), "%.4g"), cell(r.sdEstimate(), "%.4g"), cell(r.meanZ(), "%.2f"), cell(r.effectD(), "%.3f"),
                    cell(r.typeS(), "%.3f"), cell(r.exaggeration(), "%.2f")));
        }
        h.append("</table>\n<p>Judged against the true effect, the average over the same virtual patients of their outcome "
                + "in the treatment arm minus in the control arm (under assurance each trial's own): type S is the share of "
                + "significant trials whose estimate has the other sign, exaggeration the mean |estimate| over the mean |true effect| "
                + "of those trials (Gelman &amp; Carlin 2014); both are NA when the true effect is 0. True d: the true effect over "
                + "the pooled within-arm SD. Mean z: the mean of estimate / standard error.</p>\n</body></html>\n");
        RunManifest.writeAtomically(file, h.toString());
    }

    /** NA for an undefined number (as power.csv writes it), else formatted. */
    private static String cell(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "NA";
    }
}
