package org.reconsim.results.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.reconsim.engine.scenario.Arm;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Timeline;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.sim.PkSummary;
import org.reconsim.results.dataset.PowerTable;
import org.reconsim.results.power.ArmMeanKey;
import org.reconsim.results.power.AssurancePrior;
import org.reconsim.results.power.PowerAccumulator;
import org.reconsim.results.power.PowerRow;
import org.reconsim.results.power.SampleSizeSearch;
import org.reconsim.results.power.SizeTarget;
import org.reconsim.results.power.TrialPrior;
import org.reconsim.results.stats.RunningMoments;

/**
 * {@code report.html} of {@code reconsim power}: self-contained (inline SVG, no scripts that
 * run), with the scenario and what the run varied (the swept field and its values, or the
 * assurance prior), how many analyses failed, the power of every endpoint by visit and sweep
 * point ({@link PowerFigures}: curves over the sample sizes, or points with their intervals when
 * one size was run), the size reaching the target power, the trial details of the last point,
 * and the full table. The numbers behind the figures are also embedded as JSON
 * ({@code <script type="application/json" id="reconsim-power">}) for tools and tests.
 */
public final class PowerReport {

    /** The id of the embedded JSON. */
    public static final String DATA_ID = "reconsim-power";

    /**
     * What one report shows.
     *
     * @param loaded       the scenario as written (the header describes it)
     * @param seed         master seed
     * @param points       every sweep point's rows, in sweep order (one point, parameter NA, without a sweep)
     * @param sweepField   the swept field, or null
     * @param assurance    what each trial draws (an assurance prior or a posterior), or null for a power run
     * @param targetPower  the --target-power, or null
     * @param searches     the size reaching it at each point (a {@link SampleSizeSearch} per point), or null: read off each point's rows
     * @param details      the last point's accumulator (arm means, estimates), or null
     * @param pk           the drug exposure of the last point, or null
     * @param timeline     the last point's visit days (with {@code details})
     */
    public record Run(LoadedScenario loaded, long seed, List<PowerTable.SweepPoint> points, String sweepField, TrialPrior assurance,
                      Double targetPower, List<SampleSizeSearch> searches, PowerAccumulator details, List<PkSummary.ArmExposure> pk, Timeline timeline) {

        public Run {
            Objects.requireNonNull(loaded, "loaded");
            points = List.copyOf(points);
            if (points.isEmpty()) {
                throw new IllegalArgumentException("a power report needs at least one point");
            }
            pk = pk == null ? null : List.copyOf(pk);
            searches = searches == null ? null : List.copyOf(searches);
            if (searches != null && searches.size() != points.size()) {
                throw new IllegalArgumentException("one size search per point: " + searches.size() + " for " + points.size());
            }
        }

        /** Whether the curves are assurance (power averaged over a prior) rather than power. */
        public boolean isAssurance() {
            return assurance != null;
        }

        Scenario scenario() {
            return loaded.scenario();
        }

        /** "power" or "assurance", for titles and axes. */
        String quantity() {
            return isAssurance() ? "assurance" : "power";
        }

        /** The label of point {@code k} in legends and tables: {@code field = value}. */
        String pointLabel(int k) {
            return sweepField + " = " + points.get(k).label();
        }

        /** The size reaching the target at point {@code k} (by default on the primary endpoint, visit and analysis); null without a target. */
        SampleSizeSearch search(int k) {
            if (targetPower == null) {
                return null;
            }
            if (searches != null) {
                return searches.get(k);
            }
            var a = scenario().analysis();
            List<PowerRow> rows = points.get(k).rows();
            String contrast = rows.isEmpty() ? "NA" : rows.get(0).contrast();
            return SampleSizeSearch.of(rows, new SizeTarget(targetPower, contrast, a.primaryEndpoint().label(),
                    a.primaryVisit().label(), a.methods().get(0).label()));
        }
    }

    private PowerReport() {
    }

    /** A report of one table without a sweep, prior or trial details. */
    public static void write(Path file, LoadedScenario loaded, List<PowerRow> rows, long seed, Double targetPower) {
        write(file, new Run(loaded, seed, List.of(new PowerTable.SweepPoint("NA", Double.NaN, rows)), null, null, targetPower, null, null,
                null, null));
    }

    public static void write(Path file, Run run) {
        write(file, run, null);
    }

    /** The report with a section before the decision rules and the table (the group-sequential looks, {@link StagesReport}), or null. */
    public static void write(Path file, Run run, String section) {
        RunManifest.writeAtomically(file, html(run, section));
    }

    /** The report as one HTML document. */
    public static String html(Run run) {
        return html(run, null);
    }

    /** The report as one HTML document, with {@code section} (or null) before the decision rules. */
    public static String html(Run run, String section) {
        Scenario s = run.scenario();
        StringBuilder h = new StringBuilder();
        String title = (run.isAssurance() ? "Assurance: " : "Power: ") + s.name();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>reconsim ").append(SvgChart.escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:1150px;margin:2em auto;color:#222}"
                        + "table{border-collapse:collapse;font-size:.8em}td,th{padding:2px 7px;border-bottom:1px solid #ddd;"
                        + "text-align:right}th{background:#f4f4f4}.charts{display:flex;flex-wrap:wrap;gap:8px}"
                        + ".panels{display:grid;grid-template-columns:repeat(3,370px);gap:4px 8px}"
                        + ".legend{margin:.3em 0 .6em;font-size:.85em}.key{display:inline-block;margin-right:1.2em;white-space:nowrap}"
                        + ".key svg{vertical-align:middle;margin-right:.3em}.run{background:#eef4fa;border-left:4px solid #4e79a7;"
                        + "padding:.5em 1em}.warn{background:#fdf3e3;border-left:4px solid #f28e2b;padding:.5em 1em}"
                        + "figure{margin:0;width:370px}figcaption{font-size:.75em;color:#555;max-width:370px;margin:-4px 0 8px 60px}"
                        + "</style></head><body>\n");
        h.append("<h1>").append(SvgChart.escape(title)).append("</h1>\n<p>").append(SvgChart.escape(s.description())).append("</p>\n");
        scenarioList(h, run);
        runBox(h, run);
        failures(h, run);
        targets(h, run);
        PowerFigures.append(h, run);
        details(h, run);
        if (run.pk() != null) {
            h.append("<h2>Drug exposure (median and 5-95% band, 500 virtual patients per arm")
                    .append(run.points().size() > 1 ? ", " + SvgChart.escape(run.pointLabel(run.points().size() - 1)) : "")
                    .append(")</h2>\n");
            h.append(PkReport.svg(run.pk(), 24));
        }
        if (section != null) {
            h.append(section);
        }
        h.append(DecisionRules.html(run.scenario().analysis(), run.points().get(run.points().size() - 1).rows()));
        table(h, run);
        h.append("<script type=\"application/json\" id=\"").append(DATA_ID).append("\">").append(PowerReportData.json(run))
                .append("</script>\n</body></html>\n");
        return h.toString();
    }

    /** The scenario as written, with the swept entry marked. */
    private static void scenarioList(StringBuilder h, Run run) {
        Scenario s = run.scenario();
        String swept = run.sweepField() == null ? "" : run.sweepField();
        h.append("<ul>\n");
        List<Arm> arms = s.design().arms();
        for (int i = 0; i < arms.size(); i++) {
            Arm a = arms.get(i);
            h.append(String.format(Locale.ROOT, "<li>%s: %s %.3g mg/kg over %.0f min, starting %s h after the retrieval%s%s%s</li>%n",
                    SvgChart.escape(a.name()), a.drug().label(), a.doseMgPerKg(), a.infusionMinutes(),
                    hours(a.infusionStartHours(s.protocol())),
                    a.retrieval() ? "" : " (no reactivation)", a.name().equals(s.design().controlArm()) ? " (control)" : "",
                    swept.startsWith("design.arms[" + i + "]") ? " <strong>(" + SvgChart.escape(swept) + " swept)</strong>" : ""));
        }
        // a prior over mechanism hypotheses draws them per trial: the scenario's own are then not the patients'
        boolean drawn = run.isAssurance() && run.assurance().columns().contains(AssurancePrior.MECHANISMS);
        h.append(String.format(Locale.ROOT, "<li>mechanisms true for the virtual patients: %s%s</li>%n",
                drawn ? "drawn for each trial (assurance, below)" : s.mechanisms().active().isEmpty() ? "none (null hypothesis)"
                        : String.join(", ", s.mechanisms().active().stream().map(org.reconsim.models.mechanism.MechanismType::label).toList()),
                swept.startsWith("mechanisms.") ? " <strong>(" + SvgChart.escape(swept) + " swept)</strong>" : ""));
        if (!s.directEffects().isEmpty()) {
            List<String> effects = new ArrayList<>();
            for (int i = 0; i < s.directEffects().size(); i++) {
                var d = s.directEffects().get(i);
                effects.add(swept.startsWith("direct_effects[" + i + "]")
                        ? d.endpoint().label() + " <strong>swept (" + SvgChart.escape(swept) + ")</strong>"
                        : d.endpoint().label() + " " + PowerPlots.number(d.effect()));
            }
            h.append("<li>direct effects: ").append(String.join(", ", effects)).append("</li>\n");
        }
        long fewest = run.points().stream().flatMap(p -> p.rows().stream()).mapToLong(PowerRow::replicates).min().orElse(0);
        long most = run.points().stream().flatMap(p -> p.rows().stream()).mapToLong(PowerRow::replicates).max().orElse(0);
        h.append(String.format(Locale.ROOT, "<li>%s virtual trials per sample size%s; alpha %s; seed %d; scenario sha256 %s</li>%n",
                fewest == most ? Long.toString(most) : fewest + "-" + most, run.points().size() > 1 ? " and sweep point" : "",
                PowerPlots.number(s.analysis().alpha()), run.seed(), run.loaded().canonical().sha256()));
        h.append("</ul>\n");
    }

    /** What the run varied: the sweep and its values, or the assurance prior; and the sizes. */
    private static void runBox(StringBuilder h, Run run) {
        List<Integer> sizes = PowerFigures.sizes(run);
        h.append("<div class=\"run\">");
        if (run.isAssurance()) {
            h.append("<p><strong>Assurance run.</strong> ").append(SvgChart.escape(capitalized(run.assurance().describe())))
                    .append("; the curves are assurance, the probability that a trial is significant averaged "
                            + "over the prior (O'Hagan, Stevens &amp; Campbell 2005), not power at one fixed value.</p>\n");
        }
        if (run.sweepField() != null) {
            String own = PowerReportData.scenarioValue(run.loaded(), run.sweepField());
            h.append("<p><strong>Sweep of <code>").append(SvgChart.escape(run.sweepField())).append("</code></strong> over ")
                    .append(run.points().size()).append(" values: ")
                    .append(SvgChart.escape(String.join(", ", run.points().stream().map(PowerTable.SweepPoint::label).toList())))
                    .append(own == null ? "" : " (the scenario's own value: " + SvgChart.escape(own) + ")")
                    .append(". Each value is its own set of curves below, with the same virtual patients (common random numbers); "
                            + "the rest of the scenario is as listed above.</p>\n");
        }
        h.append("<p>").append(sizes.size() == 1 ? "One sample size was run: " + sizes.get(0) + " patients per arm."
                : sizes.size() + " sample sizes: " + String.join(", ", sizes.stream().map(String::valueOf).toList())
                        + " patients per arm.").append("</p></div>\n");
    }

    /** A warning with the largest failure rate when some analyses were undefined. */
    private static void failures(StringBuilder h, Run run) {
        List<PowerRow> all = run.points().stream().flatMap(p -> p.rows().stream()).toList();
        String note = PowerTable.failureNote(all);
        if (!note.isEmpty()) {
            h.append("<div class=\"warn\"><p>").append(SvgChart.escape(note.trim()).replace("\n", "<br>\n"))
                    .append(" The table's <em>failed</em> column has the count for every row.</p></div>\n");
        }
    }

    /** The size reaching the target, per point. */
    private static void targets(StringBuilder h, Run run) {
        if (run.targetPower() == null) {
            return;
        }
        h.append("<ul class=\"targets\">\n");
        for (int k = 0; k < run.points().size(); k++) {
            h.append("<li><strong>").append(run.sweepField() == null ? "" : SvgChart.escape(run.pointLabel(k)) + ": ")
                    .append(SvgChart.escape(run.search(k).describe())).append("</strong></li>\n");
        }
        h.append("</ul>\n");
    }

    /** Mean trajectories by arm and the estimate distribution at the largest size of the last point. */
    private static void details(StringBuilder h, Run run) {
        PowerAccumulator details = run.details();
        if (details == null || !details.hasArmMeans()) {
            return;
        }
        Scenario s = run.scenario();
        String at = run.points().size() > 1 ? ", " + SvgChart.escape(run.pointLabel(run.points().size() - 1)) : "";
        h.append(String.format(Locale.ROOT, "<h2>Mean trajectories by arm (%d per arm%s; band: 95%% of single-trial arm means)</h2>%n",
                details.detailsPerArm(), at));
        h.append("<div class=\"charts\">\n");
        List<Visit> visits = s.protocol().visits().scanned();
        double[] days = visits.stream().mapToDouble(run.timeline()::visitDay).toArray();
        for (Endpoint e : Endpoint.values()) {
            SvgChart chart = new SvgChart(e.label(), "days after the baseline retrieval", "arm mean", 370, 250);
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
            h.append("<figure>").append(chart.render()).append("<figcaption>y: ").append(SvgChart.escape(e.doc()))
                    .append(", mean of each arm</figcaption></figure>\n");
        }
        h.append("</div>\n");
        String analysis = s.analysis().methods().get(0).label();
        h.append(String.format(Locale.ROOT, "<h2>Estimated effect on %s at %s (%s, %d per arm%s, %d trials with a defined estimate)</h2>%n",
                s.analysis().primaryEndpoint().label(), s.analysis().primaryVisit().label(), analysis, details.detailsPerArm(), at,
                details.primaryEstimates().size()));
        h.append("<p>").append(SvgChart.escape(s.analysis().primaryEndpoint().doc())).append(", treatment minus control; red: 0.</p>\n");
        h.append(histogram(details.primaryEstimates()));
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

    /** Whether one of the plan's analyses is a Bayesian decision rule rather than a test. */
    private static boolean hasRule(Run run) {
        var plan = run.scenario().analysis();
        return plan.methods().stream().anyMatch(m -> DecisionRules.isRule(m, plan));
    }

    /** Every row of every point, with its sweep value and failed count. */
    private static void table(StringBuilder h, Run run) {
        boolean swept = run.sweepField() != null;
        h.append("<h2>Table</h2>\n<table><tr>").append(swept ? "<th>" + SvgChart.escape(run.sweepField()) + "</th>" : "")
                .append("<th>n per arm</th><th>endpoint</th><th>visit</th><th>analysis</th><th>trials</th><th>failed</th><th>")
                .append(run.quantity())
                .append(hasRule(run) ? " (Bayesian: " + DecisionRules.RULE_POWER + ")" : "")
                .append("</th><th>95% CI (Wilson)</th><th>power, hypothesized direction</th><th>mean estimate</th>"
                        + "<th>SD estimate</th><th>mean z</th><th>true d</th><th>type S</th><th>exaggeration</th></tr>\n");
        for (PowerTable.SweepPoint point : run.points()) {
            for (PowerRow r : point.rows()) {
                h.append("<tr>").append(swept ? "<td>" + SvgChart.escape(point.label()) + "</td>" : "");
                h.append(String.format(Locale.ROOT, "<td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%.3f</td>"
                        + "<td>%.3f-%.3f</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n",
                        r.nPerArm(), r.endpoint(), r.visit(), r.analysis(), r.replicates(), failedCell(r), r.power(), r.ciLow(),
                        r.ciHigh(), cell(r.powerDirectional(), "%.3f"), cell(r.meanEstimate(), "%.4g"), cell(r.sdEstimate(), "%.4g"),
                        cell(r.meanZ(), "%.2f"), cell(r.effectD(), "%.3f"), cell(r.typeS(), "%.3f"), cell(r.exaggeration(), "%.2f")));
            }
        }
        h.append("</table>\n<p>").append(run.isAssurance() ? "Assurance" : "Power")
                .append(" is the share of <em>all</em> virtual trials with p &lt; alpha: a trial whose analysis could not be carried out "
                        + "(<em>failed</em>: too few patients with the values it needs, a singular design, a mixed model whose REML "
                        + "criterion is flat in the variance ratio; replicates.csv has the reason per trial) counts as not significant, "
                        + "as an unanalysable real trial would. Judged against the true effect, the average over the same virtual "
                        + "patients of their outcome in the treatment arm minus in the control arm (under assurance each trial's own): "
                        + "type S is the share of significant trials whose estimate has the other sign, exaggeration the mean "
                        + "|estimate| over the mean |true effect| of those trials (Gelman &amp; Carlin 2014); both are NA when the true "
                        + "effect is 0. True d: the true effect over the pooled within-arm SD. Mean z: the mean of estimate / standard "
                        + "error.</p>\n");
    }

    private static String failedCell(PowerRow r) {
        if (r.failed() == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%d (%.1f%%)", r.failed(), 100 * r.failureRate());
    }

    /** Hours as written in a scenario: whole hours without a decimal point. */
    private static String hours(double h) {
        return h == Math.rint(h) ? Long.toString((long) h) : Double.toString(h);
    }

    private static String capitalized(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** NA for an undefined number (as power.csv writes it), else formatted. */
    private static String cell(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "NA";
    }
}
