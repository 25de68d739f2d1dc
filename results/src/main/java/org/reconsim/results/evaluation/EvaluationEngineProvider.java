package org.reconsim.results.evaluation;

/**
 * A named kind of {@link EvaluationEngine} found with {@link java.util.ServiceLoader}, so that the
 * inference commands offer {@code --engine spark} without depending on Spark: the provider lives
 * in the {@code spark} module and is on the class path only when that module is (as
 * {@link org.reconsim.results.power.ReplicateExecutorProvider} is for power).
 */
public interface EvaluationEngineProvider {

    /** The engine name users select, e.g. {@code spark}. */
    String name();

    /**
     * Opens an engine.
     *
     * @param threads     local parallelism (a local Spark master uses this many cores)
     * @param partitions  partitions per batch, 0 for the engine's default
     */
    EvaluationEngine open(int threads, int partitions);
}
