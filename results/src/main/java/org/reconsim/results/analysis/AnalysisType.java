package org.reconsim.results.analysis;

import java.util.Objects;
import java.util.function.Function;

import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.Scenario;

/**
 * The registration of one analysis: its name in scenario files and how the scenario's analysis
 * plan configures it. The settings an analysis reads stay fields of {@code analysis} in the
 * file (the bayes prior is {@code analysis.prior_mean}, {@code analysis.prior_sd}), so the
 * factory takes the whole plan.
 *
 * @param method   the name in {@code analysis.methods}, and what the analysis is
 * @param forPlan  the analysis configured by a scenario's analysis plan
 */
public record AnalysisType(AnalysisMethod method, Function<Analysis, ? extends EndpointAnalysis> forPlan) {

    public AnalysisType {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(forPlan, "forPlan");
    }

    /** An analysis with a label and a description and no settings. */
    public AnalysisType(String label, String doc, EndpointAnalysis analysis) {
        this(new AnalysisMethod(label, doc), plan -> analysis);
        Objects.requireNonNull(analysis, "analysis");
    }

    /** The analysis as {@code plan} configures it. */
    public EndpointAnalysis configure(Analysis plan) {
        return Objects.requireNonNull(forPlan.apply(plan), () -> method + ": no analysis for the plan");
    }
}
