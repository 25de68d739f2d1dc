package org.reconsim.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.results.power.LocalReplicateExecutor;
import org.reconsim.results.power.PowerJob;
import org.reconsim.results.power.ReplicateResult;

/** The executor alone: replicate order across blocks, partitions and chunks, from any start, and failures. */
class SparkReplicateExecutorTest {

    private static JavaSparkContext sc;
    private static PowerJob job;

    @BeforeAll
    static void start() throws Exception {
        sc = JavaSparkContext.fromSparkContext(org.apache.spark.SparkContext.getOrCreate(new SparkConf()
                .setAppName("reconsim-test").setMaster("local[2]").set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")));
        job = new PowerJob(ScenarioLoader.load(Path.of("../scenarios/duek-2021.yaml")), 7, List.of(6, 10), null, true);
    }

    @AfterAll
    static void stop() {
        sc.stop();
    }

    @Test
    void resultsArriveInReplicateOrderAndEqualTheLocalOnesBitForBit() {
        List<byte[]> local = new ArrayList<>();
        try (LocalReplicateExecutor e = new LocalReplicateExecutor(2)) {
            e.run(job, 5, 47, r -> local.add(r.encode()));
        }
        // 42 replicates in chunks of 10 (5 chunks, the last one short), blocks of 8, 3 partitions
        List<ReplicateResult> spark = new ArrayList<>();
        try (SparkReplicateExecutor e = new SparkReplicateExecutor(sc, 3, false, 10)) {
            e.run(job, 5, 47, spark::add);
            e.run(job, 9, 9, r -> { throw new AssertionError("an empty range runs nothing"); });
        }
        assertThat(spark).extracting(ReplicateResult::replicate).containsExactlyElementsOf(range(5, 47));
        for (int i = 0; i < local.size(); i++) {
            assertThat(spark.get(i).encode()).as("replicate %d", 5 + i).isEqualTo(local.get(i));
        }
        assertThat(sc.sc().isStopped()).as("close() leaves a context it did not create").isFalse();
    }

    @Test
    void aFailingSinkStopsTheRunAndLeavesTheContextUsable() {
        try (SparkReplicateExecutor e = new SparkReplicateExecutor(sc, 2, false, 4)) {
            assertThatThrownBy(() -> e.run(job, 0, 40, r -> {
                if (r.replicate() == 6) {
                    throw new IllegalStateException("disk full");
                }
            })).hasMessage("disk full");
            List<Integer> seen = new ArrayList<>();
            e.run(job, 0, 3, r -> seen.add(r.replicate()));
            assertThat(seen).containsExactly(0, 1, 2);
        }
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i < to; i++) {
            r.add(i);
        }
        return r;
    }
}
