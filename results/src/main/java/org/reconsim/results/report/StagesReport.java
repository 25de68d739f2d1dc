package org.reconsim.results.report;

import java.util.List;
import java.util.Locale;

import org.reconsim.engine.scenario.Interims;
import org.reconsim.results.power.SequentialPlan;
import org.reconsim.results.power.SequentialSummary;
import org.reconsim.results.power.StageRow;
import org.reconsim.results.power.StageShare;

/**
 * The group-sequential section of {@code report.html}: the design, a table of its looks (bounds,
 * simulated stopping shares with Wilson 95% intervals, the design's probabilities) and a table of
 * its operating characteristics under the scenario and under the null.
 */
public final class StagesReport {

    private StagesReport() {
    }

    /** The section of a job's monitor, or null for a fixed design. */
    public static String html(org.reconsim.results.power.SequentialMonitor monitor) {
        return monitor == null ? null : html(monitor.plan(), monitor.stages(), monitor.summaries());
    }

    /**
     * The section of every sweep point (each under its {@code field = value} heading when swept),
     * or null for a fixed design (no points).
     */
    public static String html(List<org.reconsim.results.power.SequentialMonitor> monitors, String sweepField, List<Double> values) {
        if (monitors.isEmpty()) {
            return null;
        }
        StringBuilder h = new StringBuilder();
        for (int k = 0; k < monitors.size(); k++) {
            if (sweepField != null) {
                h.append("<h3>").append(SvgChart.escape(sweepField + " = " + org.reconsim.results.power.SweepValues.label(values.get(k))))
                        .append("</h3>\n");
            }
            h.append(html(monitors.get(k)));
        }
        return h.toString();
    }

    /** The section's HTML, for {@link PowerReport#write}. */
    public static String html(SequentialPlan plan, List<StageRow> stages, List<SequentialSummary> summaries) {
        Interims in = plan.interims();
        StringBuilder h = new StringBuilder();
        h.append(String.format(Locale.ROOT, "<h2>Group-sequential design (%s, %s at %s, %s)</h2>%n", plan.method().label(),
                plan.endpoint().label(), plan.visit().label(), SvgChart.escape(describe(in))));
        h.append("<p>Look k analyses the first m<sub>k</sub> patients of every arm in allocation order (m<sub>k</sub> = "
                + "ceil(t<sub>k</sub> n) for a fraction t<sub>k</sub>), the last look all n; bounds on the "
                + "z scale in the hypothesized direction, computed at the fractions reached. Shares: simulated trials with "
                + "Wilson 95% intervals; in brackets the design's probabilities at the drift (the mean final z). "
                + "<em>null</em>: the same trials with every arm given the control arm's treatment. Futility is non-binding: "
                + "the rejection with futility ignored is the type I error under the null.</p>\n");
        h.append("<table><tr><th>n per arm</th><th>contrast</th><th>hypothesis</th><th>look</th><th>fraction</th><th>n at look</th>"
                + "<th>efficacy z</th><th>futility z</th><th>alpha spent</th><th>P(stop for efficacy)</th>"
                + "<th>P(stop for futility)</th><th>P(rejected by look), futility ignored</th><th>undefined</th></tr>\n");
        for (StageRow r : stages) {
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%s</td><td>%d</td><td>%.3f</td><td>%d</td>"
                    + "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td></tr>%n", r.nPerArm(),
                    SvgChart.escape(r.contrast()), r.hypothesis(), r.look(), r.informationFraction(), r.nPerArmAtLook(),
                    cell(r.efficacyZ(), "%.3f"), cell(r.futilityZ(), "%.3f"), cell(r.alphaSpent(), "%.4f"),
                    share(r.stopEfficacy()), share(r.stopFutility()), share(r.rejectedByLook()), r.undefined()));
        }
        h.append("</table>\n<table><tr><th>n per arm</th><th>contrast</th><th>hypothesis</th><th>drift</th>"
                + "<th>power (any look)</th><th>hypothesized direction</th><th>rejection, futility ignored</th>"
                + "<th>P(futility)</th><th>P(early stop)</th><th>expected n per arm</th></tr>\n");
        for (SequentialSummary r : summaries) {
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
                    + "<td>%s</td><td>%s</td><td>%s</td><td>%.2f (%.2f-%.2f) [%s]</td></tr>%n", r.nPerArm(),
                    SvgChart.escape(r.contrast()), r.hypothesis(), cell(r.drift(), "%.3f"), share(r.power()),
                    share(r.powerDirectional()), share(r.rejectionIgnoringFutility()), share(r.futility()), share(r.earlyStop()),
                    r.expectedNPerArm(), r.expectedLow(), r.expectedHigh(), cell(r.analyticExpectedNPerArm(), "%.2f")));
        }
        return h.append("</table>\n").toString();
    }

    /** E.g. {@code looks at 0.5, 1; two-sided O'Brien-Fleming spending; no futility stop}. */
    static String describe(Interims in) {
        StringBuilder s = new StringBuilder("interim looks at ");
        s.append(in.nPerArmAtLooks().isEmpty()
                ? String.join(", ", in.informationFractions().stream().map(StagesReport::fraction).toList())
                : String.join(", ", in.nPerArmAtLooks().stream().map(String::valueOf).toList()) + " per arm");
        s.append("; ").append(in.sides().label()).append(' ').append(in.efficacySpending().label());
        if (!Double.isNaN(in.hsdGamma())) {
            s.append(" (gamma ").append(fraction(in.hsdGamma())).append(')');
        }
        s.append(" spending; ");
        s.append(switch (in.futility()) {
            case NONE -> "no futility stop";
            case BETA_SPENDING -> "beta-spending futility (beta " + fraction(in.futilityBeta()) + ", "
                    + in.futilitySpending().label() + ")";
            case CONDITIONAL_POWER -> "futility when conditional power < " + fraction(in.futilityThreshold())
                    + (Double.isNaN(in.futilityDrift()) ? " (current trend)" : " (drift " + fraction(in.futilityDrift()) + ")");
            case PREDICTIVE_PROBABILITY -> "futility when the predictive probability < " + fraction(in.futilityThreshold());
        });
        return s.toString();
    }

    private static String fraction(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    private static String share(StageShare s) {
        return String.format(Locale.ROOT, "%.3f (%.3f-%.3f) [%s]", s.share(), s.low(), s.high(), cell(s.analytic(), "%.3f"));
    }

    private static String cell(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "NA";
    }
}
