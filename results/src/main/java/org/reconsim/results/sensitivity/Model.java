package org.reconsim.results.sensitivity;

import java.io.Serializable;

/**
 * The output whose sensitivity is analysed, as a function of a point of the unit cube: one
 * coordinate per uncertain input, which the model maps to the input's value through that
 * input's quantile function (so a uniform coordinate gives a draw from the input's
 * distribution, and independent coordinates give independent inputs, as the Sobol
 * decomposition assumes).
 *
 * <p>Contract: {@link #evaluate} is a pure function of {@code u} (the same point gives the same
 * value on any thread, in any order), so that {@link SobolAnalysis} can evaluate points in
 * parallel and stay byte-identical on any thread count. It is {@link Serializable} so that an
 * {@link org.reconsim.results.evaluation.EvaluationEngine} can ship it to where points are
 * evaluated (Spark executors).
 */
@FunctionalInterface
public interface Model extends Serializable {

    /** The output at {@code u}, each coordinate in [0, 1); NaN where undefined. Must not modify {@code u}. */
    double evaluate(double[] u);
}
