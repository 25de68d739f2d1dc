package org.reconsim.results.power;

import java.util.function.Consumer;

/**
 * Where replicates run: on local threads ({@link LocalReplicateExecutor}) or on a Spark
 * cluster (the {@code spark} module, found through {@link ReplicateExecutorProvider}).
 * Whatever runs them, results reach the sink in replicate order on the calling thread, so the
 * aggregates, and every output, are the same.
 */
public interface ReplicateExecutor extends AutoCloseable {

    /**
     * Runs replicates {@code from} .. {@code to - 1} of {@code job} and hands each result to
     * {@code sink} in replicate order.
     */
    void run(PowerJob job, int from, int to, Consumer<ReplicateResult> sink);

    /** A short description for manifests and messages, e.g. {@code local (2 threads)}. */
    String describe();

    @Override
    void close();
}
