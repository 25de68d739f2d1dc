package org.reconsim.results.power;

import java.util.List;
import java.util.function.LongConsumer;

import org.reconsim.engine.scenario.CanonicalForm;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Scenario;

/**
 * Test helper (the commands run {@link PowerJob} through {@link PowerSweep}): power by simulation at one sweep point: for each sample size, {@code replicates} virtual
 * trials ({@link PowerJob#simulate}), each analysed by {@link TrialAnalysis}; rejections at the
 * scenario's alpha are counted and estimates summarized in replicate order
 * ({@link PowerAccumulator}), so results do not depend on the thread count or the executor.
 */
final class PowerAnalysis {

    private PowerAnalysis() {
    }

    /** Runs replicates 0 .. replicates - 1 of {@code job} and returns their aggregates. */
    static PowerAccumulator run(PowerJob job, int replicates, ReplicateExecutor executor, LongConsumer progress) {
        PowerAccumulator acc = job.accumulator();
        int sizes = job.sizes().size();
        executor.run(job, 0, replicates, r -> {
            acc.add(r);
            progress.accept((long) acc.replicates() * sizes);
        });
        return acc;
    }

    /** The power table of {@code scenario} on local threads. */
    static List<PowerRow> rows(Scenario scenario, long seed, List<Integer> sizes, int replicates, int threads) {
        LoadedScenario loaded = new LoadedScenario(scenario.name(), scenario, CanonicalForm.of(scenario));
        try (LocalReplicateExecutor executor = new LocalReplicateExecutor(threads)) {
            return run(new PowerJob(loaded, seed, sizes, null, false), replicates, executor, d -> { }).rows();
        }
    }
}
