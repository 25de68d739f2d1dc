package org.reconsim.results.evaluation;

import java.util.List;

/**
 * An {@link Evaluation} opened on an {@link EvaluationEngine}: it evaluates batches of inputs and
 * returns the outputs in input order, whatever order they were computed in. Callers ask in
 * batches (a generation's proposals, a few hundred pilots) so that a distributed engine has work
 * to spread and a journal has records to keep.
 */
public interface Evaluator extends AutoCloseable {

    /** The outputs of {@code inputs}, in their order. */
    List<double[]> evaluate(List<double[]> inputs);

    /** Releases what the engine holds for this evaluation (a broadcast variable); the engine stays open. */
    @Override
    void close();
}
