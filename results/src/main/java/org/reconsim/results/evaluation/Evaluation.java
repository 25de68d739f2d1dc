package org.reconsim.results.evaluation;

import java.io.Serializable;

/**
 * One of the many independent computations an inference method asks for (a simulated pilot's
 * summary statistics, a sensitivity model's output at a point), as a pure function from numbers
 * to numbers: the same input gives the same output on any thread, in any JVM, in any order.
 * That contract is what lets an {@link EvaluationEngine} run evaluations wherever it likes
 * (local threads, Spark executors) and a {@link Journal} replay recorded outputs on resume, with
 * byte-identical results either way.
 *
 * <p>It is {@link Serializable} because a distributed engine ships it, once per run, to every
 * worker: implementations hold a description of what they compute (a scenario's canonical
 * JSON, say) and rebuild their compiled state on arrival.
 */
@FunctionalInterface
public interface Evaluation extends Serializable {

    /** The output at {@code input}; must not modify {@code input}. */
    double[] evaluate(double[] input);
}
