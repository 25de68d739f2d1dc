package org.reconsim.results.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.reconsim.engine.scenario.Visit;
import org.reconsim.results.power.PowerRow;
import org.reconsim.results.power.TrialAnalysis;

/**
 * The power report's figures, from the rows of every sweep point. Without a sweep, one figure:
 * a panel per endpoint, one series per visit (and contrast). With a sweep, one figure per visit
 * (the primary first) and contrast, one series per sweep point, coloured along an ordered ramp
 * and named {@code field = value} in the figure's legend. Several sample sizes give curves
 * ({@link PowerPlots#curvePanel}); a single one gives points with their intervals
 * ({@link PowerPlots#dotPlot}), since a curve needs two sizes. The first analysis method is
 * drawn; the table has the others.
 */
final class PowerFigures {

    private PowerFigures() {
    }

    /** The sample sizes of the run, ascending. */
    static List<Integer> sizes(PowerReport.Run run) {
        return run.points().stream().flatMap(p -> p.rows().stream()).map(PowerRow::nPerArm).distinct().sorted().toList();
    }

    /** Which rows a series draws: one point, contrast and visit, with its legend label, tag and colour. */
    private record SeriesSpec(String label, String tag, String colour, int point, String contrast, String visit) {
    }

    /** A figure: its heading (empty for the only one) and its series. */
    private record Figure(String heading, List<SeriesSpec> series) {
    }

    static void append(StringBuilder h, PowerReport.Run run) {
        var plan = run.scenario().analysis();
        String method = plan.methods().get(0).label();
        List<PowerRow> first = run.points().get(0).rows().stream().filter(r -> r.analysis().equals(method)).toList();
        List<String> contrasts = first.stream().map(PowerRow::contrast).distinct().toList();
        String primary = plan.primaryVisit().label();
        List<String> visits = new ArrayList<>();
        for (Visit v : TrialAnalysis.VISITS) {
            if (first.stream().anyMatch(r -> r.visit().equals(v.label()))) {
                visits.add(v.label());
            }
        }
        visits.sort(Comparator.comparing(v -> !v.equals(primary))); // the primary visit first, the others in time order
        List<Figure> figures = new ArrayList<>();
        if (run.sweepField() == null) {
            List<SeriesSpec> series = new ArrayList<>();
            for (String c : contrasts) {
                for (String v : visits) {
                    String label = (contrasts.size() > 1 ? c + ", " : "") + v + (v.equals(primary) ? " (primary visit)" : "");
                    series.add(new SeriesSpec(label, v, PowerPlots.categorical(series.size()), 0, c, v));
                }
            }
            figures.add(new Figure("", series));
        } else {
            int count = run.points().size();
            for (String v : visits) {
                for (String c : contrasts) {
                    List<SeriesSpec> series = new ArrayList<>();
                    for (int k = 0; k < count; k++) {
                        series.add(new SeriesSpec(run.pointLabel(k), "= " + run.points().get(k).label(), PowerPlots.ordered(k, count), k,
                                c, v));
                    }
                    figures.add(new Figure("At " + v + (v.equals(primary) ? " (primary visit)" : "")
                            + (contrasts.size() > 1 ? ", " + c : ""), series));
                }
            }
        }
        List<Integer> sizes = sizes(run);
        String quantity = run.quantity();
        // a Bayesian analysis has no test: its "power" is how often its decision rule says there is an effect
        String yLabel = DecisionRules.isRule(plan.methods().get(0), plan) ? DecisionRules.RULE_POWER : quantity;
        PowerPlots.Frame frame = new PowerPlots.Frame(yLabel + " (probability, 0-1)", plan.alpha(), run.targetPower());
        h.append(String.format(Locale.ROOT, "<h2>%s%s (%s; %s; dotted: alpha, the rate of significant results without a true effect%s)</h2>%n",
                Character.toUpperCase(quantity.charAt(0)) + quantity.substring(1), sizes.size() > 1 ? " curves" : " at one sample size",
                method, sizes.size() > 1 ? "bands: Wilson 95% intervals" : "bars: Wilson 95% intervals",
                run.targetPower() == null ? "" : "; dashed: the target " + PowerPlots.number(run.targetPower())
                        + (sizes.size() > 1 ? ", n = the first simulated size reaching it" : "")));
        if (sizes.size() == 1) {
            h.append("<p>One sample size was run, so each ").append(quantity)
                    .append(" is a point with its interval rather than a curve; give <code>--n-per-arm</code> several sizes "
                            + "(e.g. 12,24,48 or 10:60:10) to draw curves.</p>\n");
        }
        List<String> endpoints = TrialAnalysis.ENDPOINTS.stream().map(e -> e.label())
                .filter(e -> first.stream().anyMatch(r -> r.endpoint().equals(e))).toList();
        String primaryEndpoint = plan.primaryEndpoint().label();
        for (Figure f : figures) {
            if (!f.heading().isEmpty()) {
                h.append("<h3>").append(SvgChart.escape(f.heading())).append("</h3>\n");
            }
            List<List<PowerPlots.Series>> byEndpoint = new ArrayList<>();
            for (String e : endpoints) {
                List<PowerPlots.Series> series = new ArrayList<>();
                for (SeriesSpec spec : f.series()) {
                    List<PowerRow> rows = run.points().get(spec.point()).rows().stream()
                            .filter(r -> r.analysis().equals(method) && r.endpoint().equals(e) && r.contrast().equals(spec.contrast())
                                    && r.visit().equals(spec.visit()))
                            .sorted(Comparator.comparingInt(PowerRow::nPerArm)).toList();
                    if (!rows.isEmpty()) {
                        series.add(new PowerPlots.Series(spec.label(), spec.tag(), spec.colour(), rows.stream().mapToInt(PowerRow::nPerArm)
                                .toArray(), rows.stream().mapToDouble(PowerRow::power).toArray(),
                                rows.stream().mapToDouble(PowerRow::ciLow).toArray(), rows.stream().mapToDouble(PowerRow::ciHigh).toArray()));
                    }
                }
                byEndpoint.add(series);
            }
            h.append(PowerPlots.legend(f.series().stream().map(spec -> new PowerPlots.Series(spec.label(), spec.tag(), spec.colour(),
                    new int[0], new double[0], new double[0], new double[0])).toList()));
            if (sizes.size() == 1) {
                List<String> names = endpoints.stream().map(e -> e.equals(primaryEndpoint) ? e + " (primary)" : e).toList();
                h.append(PowerPlots.dotPlot(names, byEndpoint, frame, 1120));
            } else {
                h.append("<div class=\"panels\">\n");
                for (int i = 0; i < endpoints.size(); i++) {
                    String e = endpoints.get(i);
                    h.append(PowerPlots.curvePanel(e.equals(primaryEndpoint) ? e + " (primary)" : e, byEndpoint.get(i), sizes, frame,
                            370, 250));
                }
                h.append("</div>\n");
            }
        }
    }
}
