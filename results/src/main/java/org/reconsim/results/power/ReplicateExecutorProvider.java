package org.reconsim.results.power;

/**
 * A named kind of {@link ReplicateExecutor} found with {@link java.util.ServiceLoader}, so that
 * the command line can offer {@code --engine spark} without depending on Spark: the provider
 * lives in the {@code spark} module and is on the class path only when that module is.
 */
public interface ReplicateExecutorProvider {

    /** The engine name users select, e.g. {@code spark}. */
    String name();

    /**
     * Opens an executor.
     *
     * @param threads     local parallelism (a local Spark master uses this many cores)
     * @param partitions  partitions per job, 0 for the engine's default
     */
    ReplicateExecutor open(int threads, int partitions);
}
