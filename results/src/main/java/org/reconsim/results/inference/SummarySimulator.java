package org.reconsim.results.inference;

import java.io.Serializable;
import java.util.List;

/**
 * A simulator of summary statistics: the seam between the inference methods (predictive checks,
 * ABC-SMC calibration and model choice, design discrimination) and what they simulate. For a
 * trial model, one call is one simulated trial at the published sizes and its statistics are the
 * z values (estimate / standard error) of the target findings; for a test, any closed-form toy.
 *
 * <p>Contract: {@link #simulate} is a pure function of its arguments (the same hypothesis,
 * parameters and draw give the same statistics on any thread, in any order), so the methods can
 * evaluate draws in parallel and stay byte-identical on any thread count. It is
 * {@link Serializable} so that an {@link org.reconsim.results.evaluation.EvaluationEngine} can
 * ship it to where draws run ({@link Simulations#of}); a trial model travels as the description
 * it was built from and compiles itself again on arrival.
 */
public interface SummarySimulator extends Serializable {

    /** Names of the statistics, in the order {@link #simulate} returns them. */
    List<String> statistics();

    /** Labels of the hypotheses (models) it can simulate, e.g. {@code null}, {@code restabilization-blockade}. */
    List<String> hypotheses();

    /** Names of the free parameters, in the order of {@code theta} (empty when nothing is free). */
    List<String> parameters();

    /**
     * One simulated data set's statistics.
     *
     * @param hypothesis index into {@link #hypotheses()}
     * @param theta      values of {@link #parameters()}
     * @param draw       which simulated data set (addresses the random streams; any non-negative number)
     * @return the statistics, {@link #statistics()} order; NaN where a statistic is undefined
     */
    double[] simulate(int hypothesis, double[] theta, long draw);
}
