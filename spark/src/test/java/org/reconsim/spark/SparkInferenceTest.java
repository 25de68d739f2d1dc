package org.reconsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inference commands on Spark (3 partitions of a local[2] context) against local threads:
 * every output file but the manifest byte-identical. Small runs: the point is that each
 * command's evaluations travel (the trial model serialized as its description and rebuilt) and
 * come back in order, not the science.
 */
class SparkInferenceTest {

    private static final String SCENARIO = "../scenarios/duek-2021.yaml";
    private static final String TARGETS = "../scenarios/targets/duek-2021.yaml";

    private static SparkContext sc;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startSpark() {
        sc = SparkContext.getOrCreate(new SparkConf().setAppName("reconsim-test").setMaster("local[2]")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stopSpark() {
        if (sc != null) {
            sc.stop();
        }
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("check", List.of("check", SCENARIO, "--targets", TARGETS, "--hypotheses", "null,restabilization-blockade",
                        "--replicates", "30"), List.of("check.csv", "report.html")),
                Arguments.of("calibrate", List.of("calibrate", SCENARIO, "--targets", TARGETS, "--free",
                        "pharmacology.occupancy.ki_micromolar=loguniform(0.3,5)", "--hypotheses", "null,restabilization-blockade",
                        "--particles", "20", "--generations", "2", "--budget", "600", "--predictive-draws", "10", "--recovery", "10"),
                        List.of("posterior.csv", "summary.csv", "report.html", "calibrated.yaml", "assurance.txt", "recovery.csv")),
                Arguments.of("discriminate", List.of("discriminate", SCENARIO, "--hypotheses", "null,restabilization-blockade",
                        "--replicates", "10", "--training", "20", "--n-per-arm", "12"), List.of("confusion.csv", "accuracy.csv", "report.html")),
                Arguments.of("sensitivity", List.of("sensitivity", SCENARIO, "--vary", "pharmacology.occupancy.ki_micromolar=loguniform(0.3,5)",
                        "--samples", "4", "--replicates", "5", "--bootstrap", "20"), List.of("sensitivity.csv", "evaluations.csv", "report.html")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void sparkOutputsAreByteIdenticalToLocal(String name, List<String> args, List<String> files) throws Exception {
        Path local = tmp.resolve(name + "-local");
        Path spark = tmp.resolve(name + "-spark");
        assertThat(cli(args, "--threads", "2", "--out", local.toString())).isZero();
        assertThat(cli(args, "--threads", "2", "--engine", "spark", "--partitions", "3", "--out", spark.toString())).isZero();
        for (String file : files) {
            assertThat(Files.size(local.resolve(file))).as(file).isPositive();
            assertThat(Files.mismatch(local.resolve(file), spark.resolve(file))).as(file + " differs from the local run at byte")
                    .isEqualTo(-1L);
        }
        assertThat(Files.readString(spark.resolve("manifest.json"))).contains("spark local[2], 3 partitions");
        assertThat(spark.resolve("checkpoint.journal")).doesNotExist();
        assertThat(sc.isStopped()).as("a context the provider did not create stays running").isFalse();
    }

    /** {@code ReconsimCommand.execute} by reflection (reconsim-cli is a runtime dependency of this module). */
    private static int cli(List<String> base, String... more) throws Exception {
        List<String> args = new ArrayList<>(base);
        args.addAll(List.of(more));
        args.add("--quiet");
        Method execute = Class.forName("org.reconsim.cli.ReconsimCommand")
                .getMethod("execute", String[].class, PrintWriter.class, PrintWriter.class);
        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        int code = (int) execute.invoke(null, args.toArray(String[]::new), new PrintWriter(text, true), new PrintWriter(err, true));
        assertThat(err.toString()).as("stderr of %s", args).doesNotContain("internal error");
        return code;
    }
}
