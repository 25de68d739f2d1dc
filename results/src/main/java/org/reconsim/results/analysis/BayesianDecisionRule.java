package org.reconsim.results.analysis;

/**
 * An analysis whose "significant" is a Bayesian decision rule rather than a test: its power row
 * is then the probability, under the scenario's virtual trials, that the rule says there is an
 * effect (its frequentist type I error where the true effect is 0, its power elsewhere). The
 * report states each rule in these words.
 */
public interface BayesianDecisionRule {

    /** When the rule says there is an effect, at the plan's {@code alpha}, in one sentence without a final period. */
    String decisionRule(double alpha);
}
