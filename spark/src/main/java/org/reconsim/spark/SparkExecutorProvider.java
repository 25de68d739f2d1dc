package org.reconsim.spark;

import org.reconsim.results.power.ReplicateExecutor;
import org.reconsim.results.power.ReplicateExecutorProvider;

/** {@code power --engine spark}: replicates on the context of {@link SparkContexts}. */
public final class SparkExecutorProvider implements ReplicateExecutorProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ReplicateExecutor open(int threads, int partitions) {
        SparkContexts.Acquired c = SparkContexts.acquire(threads);
        return new SparkReplicateExecutor(c.context(), partitions, c.owned());
    }
}
