package org.reconsim.results.power;

import java.util.function.Consumer;

import org.reconsim.engine.run.ReplicateRunner;

/** Runs replicates on a local thread pool ({@link ReplicateRunner}: a bounded window, results in replicate order). */
public final class LocalReplicateExecutor implements ReplicateExecutor {

    private final ReplicateRunner runner;

    public LocalReplicateExecutor(int threads) {
        this.runner = new ReplicateRunner(threads);
    }

    @Override
    public void run(PowerJob job, int from, int to, Consumer<ReplicateResult> sink) {
        runner.run(from, to, job::simulate, sink);
    }

    @Override
    public String describe() {
        return runner.describe();
    }

    @Override
    public void close() {
        runner.close();
    }
}
