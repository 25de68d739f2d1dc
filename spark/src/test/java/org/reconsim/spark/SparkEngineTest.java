package org.reconsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reconsim.results.power.ReplicateExecutor;
import org.reconsim.results.power.ReplicateExecutorProvider;

/**
 * The same power sweep through the command line, once on local threads and once on Spark with
 * 1, 3 and 7 partitions: power.csv, report.html and replicates.csv must be byte-identical.
 * One local[2] context serves the whole class (the provider uses a running context and leaves it running).
 */
class SparkEngineTest {

    private static final List<String> SWEEP = List.of("power", "../scenarios/duek-2021.yaml", "--n-per-arm", "6,12",
            "--replicates", "200", "--sweep", "mechanisms.restabilization_blockade.k_block=0.5,1",
            "--replicate-table", "--quiet", "--threads", "2");

    private static final List<String> COMPARED = List.of("power.csv", "report.html", "replicates.csv");

    private static SparkContext sc;

    @TempDir
    static Path tmp;

    private static Path local;

    @BeforeAll
    static void startSparkAndRunLocally() throws Exception {
        sc = SparkContext.getOrCreate(new SparkConf().setAppName("reconsim-test").setMaster("local[2]")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
        local = tmp.resolve("local");
        assertThat(cli(local, "--engine", "local")).isZero();
    }

    @AfterAll
    static void stopSpark() {
        if (sc != null) {
            sc.stop();
        }
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 3, 7})
    void sparkOutputsAreByteIdenticalToLocal(int partitions) throws Exception {
        Path out = tmp.resolve("spark-" + partitions);
        assertThat(cli(out, "--engine", "spark", "--partitions", Integer.toString(partitions))).isZero();
        for (String file : COMPARED) {
            assertThat(Files.size(out.resolve(file))).as(file).isPositive();
            assertThat(Files.mismatch(local.resolve(file), out.resolve(file))).as(file + " differs from the local run at byte").isEqualTo(-1L);
        }
        assertThat(sc.isStopped()).as("a context the provider did not create stays running").isFalse();
    }

    @Test
    void theProviderIsFoundByNameAndDescribesItsPartitioning() {
        List<ReplicateExecutorProvider> spark = new ArrayList<>();
        ServiceLoader.load(ReplicateExecutorProvider.class).forEach(p -> {
            if (p.name().equals("spark")) {
                spark.add(p);
            }
        });
        assertThat(spark).hasSize(1);
        try (ReplicateExecutor e = spark.get(0).open(2, 3)) {
            assertThat(e.describe()).isEqualTo("spark local[2], 3 partitions");
        }
        try (ReplicateExecutor e = spark.get(0).open(2, 0)) {
            assertThat(e.describe()).isEqualTo("spark local[2], " + sc.defaultParallelism() + " partitions");
        }
        assertThat(sc.isStopped()).isFalse();
    }

    /**
     * A group-sequential design (design.interims): every replicate's look statistics travel in
     * its encoded result, so stages.csv and sequential.csv match the local run's bytes too.
     */
    @Test
    void aGroupSequentialRunOnSparkWritesTheLocalStages() throws Exception {
        Path scenario = tmp.resolve("gs.yaml");
        Files.writeString(scenario, Files.readString(Path.of("../scenarios/duek-2021.yaml")).replace("  sites: 1\n",
                "  sites: 1\n  interims:\n    information_fractions: [0.5]\n    sides: one-sided\n    futility: beta-spending\n"));
        List<String> run = List.of("power", scenario.toString(), "--n-per-arm", "8,12", "--replicates", "150", "--quiet",
                "--threads", "2");
        Path localRun = tmp.resolve("gs-local");
        Path sparkRun = tmp.resolve("gs-spark");
        assertThat(execute(run, "--engine", "local", "--out", localRun.toString())).isZero();
        assertThat(execute(run, "--engine", "spark", "--partitions", "3", "--out", sparkRun.toString())).isZero();
        for (String file : List.of("power.csv", "report.html", "stages.csv", "sequential.csv")) {
            assertThat(Files.size(sparkRun.resolve(file))).as(file).isPositive();
            assertThat(Files.mismatch(localRun.resolve(file), sparkRun.resolve(file))).as(file + " differs from the local run at byte")
                    .isEqualTo(-1L);
        }
    }

    /** The sweep to {@code out} on an engine. */
    private static int cli(Path out, String... engine) throws Exception {
        List<String> more = new ArrayList<>(List.of(engine));
        more.addAll(List.of("--out", out.toString()));
        return execute(SWEEP, more.toArray(String[]::new));
    }

    /**
     * Runs {@code base} and {@code more} through {@code org.reconsim.cli.ReconsimCommand.execute}. Reflection, because reconsim-cli is a runtime
     * dependency of this module (for the shaded jar) and nothing may compile against it.
     */
    private static int execute(List<String> base, String... more) throws Exception {
        List<String> args = new ArrayList<>(base);
        args.addAll(List.of(more));
        Method execute = Class.forName("org.reconsim.cli.ReconsimCommand")
                .getMethod("execute", String[].class, PrintWriter.class, PrintWriter.class);
        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        int code = (int) execute.invoke(null, args.toArray(String[]::new), new PrintWriter(text, true), new PrintWriter(err, true));
        assertThat(err.toString()).as("stderr of %s", args).doesNotContain("internal error");
        return code;
    }
}
