package org.reconsim.results.evaluation;

/**
 * Where the evaluations of the inference methods run (check, calibrate, discriminate,
 * sensitivity): on local threads ({@link LocalEvaluationEngine}) or on a Spark cluster (the
 * {@code spark} module, found through {@link EvaluationEngineProvider}). Every engine returns the
 * same outputs in the same order, so every output file is the same on each of them.
 */
public interface EvaluationEngine extends AutoCloseable {

    /** Opens {@code evaluation} on this engine (a distributed engine ships it to its workers once). */
    Evaluator open(Evaluation evaluation);

    /** A short description for manifests and messages, e.g. {@code local (2 threads)}. */
    String describe();

    @Override
    void close();
}
