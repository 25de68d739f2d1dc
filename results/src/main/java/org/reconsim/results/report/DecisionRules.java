package org.reconsim.results.report;

import java.util.List;
import java.util.Locale;

import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.results.analysis.AnalysisRegistry;
import org.reconsim.results.analysis.BayesianDecisionRule;
import org.reconsim.results.power.PowerRow;

/**
 * What the power report says about the plan's Bayesian analyses: a Bayesian analysis has no
 * test, so its "power" is the probability, under the scenario, that its decision rule says there
 * is an effect, which is the rule's frequentist type I error where the true effect is 0.
 */
final class DecisionRules {

    /** The y axis and power column of a Bayesian rule's rows. */
    static final String RULE_POWER = "P(rule says effect)";

    private DecisionRules() {
    }

    /** Whether {@code method}, configured by {@code plan}, decides by a Bayesian rule. */
    static boolean isRule(AnalysisMethod method, Analysis plan) {
        return AnalysisRegistry.configure(method, plan) instanceof BayesianDecisionRule;
    }

    /**
     * The report's section on the plan's Bayesian rules, each with its {@link #RULE_POWER} at the
     * primary endpoint and visit per sample size (from {@code rows}); empty when it has none.
     */
    static String html(Analysis plan, List<PowerRow> rows) {
        StringBuilder items = new StringBuilder();
        boolean severalContrasts = rows.stream().map(PowerRow::contrast).distinct().count() > 1;
        for (AnalysisMethod m : plan.methods()) {
            if (AnalysisRegistry.configure(m, plan) instanceof BayesianDecisionRule rule) {
                items.append("<li>").append(SvgChart.escape(rule.decisionRule(plan.alpha()))).append(". ")
                        .append(RULE_POWER).append(" at ").append(plan.primaryEndpoint().label()).append(" ")
                        .append(plan.primaryVisit().label()).append(':');
                String sep = " ";
                for (PowerRow r : rows) {
                    if (r.analysis().equals(m.label()) && r.endpoint().equals(plan.primaryEndpoint().label())
                            && r.visit().equals(plan.primaryVisit().label())) {
                        items.append(String.format(Locale.ROOT, "%s%s%d per arm %.3f (%.3f-%.3f)", sep,
                                severalContrasts ? SvgChart.escape(r.contrast()) + ", " : "", r.nPerArm(), r.power(),
                                r.ciLow(), r.ciHigh()));
                        sep = "; ";
                    }
                }
                items.append("</li>\n");
            }
        }
        if (items.isEmpty()) {
            return "";
        }
        return "<h2>Bayesian decision rules</h2>\n<p>The power row of a Bayesian analysis is " + RULE_POWER + " under this "
                + "scenario: the share of its virtual trials in which the rule says there is an effect (and, in the "
                + "hypothesized-direction column, an effect in that direction). Where the true effect is 0 (true d 0) this is the "
                + "rule's frequentist type I error, elsewhere its frequentist power (Wilson 95% intervals).</p>\n<ul>\n" + items
                + "</ul>\n";
    }
}
