package org.reconsim.results.inference;

import java.util.List;

/**
 * The outcome of an ABC-SMC run.
 *
 * @param hypotheses   labels of the hypotheses
 * @param parameters   names of the free parameters
 * @param generations  completed generations, the last one the posterior
 * @param simulations  simulations run in all, including a generation the budget cut short
 * @param stopReason   why it stopped, in words
 */
public record AbcResult(List<String> hypotheses, List<String> parameters, List<AbcGeneration> generations,
                        long simulations, String stopReason) {

    public AbcResult {
        hypotheses = List.copyOf(hypotheses);
        parameters = List.copyOf(parameters);
        generations = List.copyOf(generations);
    }

    /** The last completed generation: the ABC posterior. */
    public AbcGeneration posterior() {
        return generations.get(generations.size() - 1);
    }

    /** Posterior probability of each hypothesis. */
    public double[] modelProbabilities() {
        return posterior().modelProbabilities(hypotheses.size());
    }

    /** The final tolerance. */
    public double tolerance() {
        return posterior().tolerance();
    }
}
