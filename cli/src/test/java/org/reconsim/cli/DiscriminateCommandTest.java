package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** reconsim discriminate end to end: its outputs, their determinism, and its refusals. */
class DiscriminateCommandTest {

    private static final String DUEK = CommandLineTest.DUEK;
    private static final String TIMING = Path.of("..", "scenarios", "timing-3arm.yaml").toString();
    private static final String MECHANISMS = "(restabilization-blockade, plasticity-window, destabilization-interference, "
            + "learning-blockade, structure-learning)";

    private static CommandLineTest.Result small(Path out, String threads) {
        return CommandLineTest.run("discriminate", DUEK, "--design", TIMING, "--hypotheses", "null,restabilization-blockade",
                "--n-per-arm", "6,10", "--replicates", "12", "--training", "10", "--threads", threads, "--seed", "5", "--out",
                out.toString());
    }

    @Test
    void outputsAreByteIdenticalOnOneAndTwoThreads(@TempDir Path dir) throws Exception {
        CommandLineTest.Result one = small(dir.resolve("t1"), "1");
        CommandLineTest.Result two = small(dir.resolve("t2"), "2");
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(two.code()).as(two.err()).isZero();
        for (String f : List.of("confusion.csv", "accuracy.csv", "report.html")) {
            assertThat(Files.readAllBytes(dir.resolve("t2").resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve("t1").resolve(f)));
        }
        assertThat(two.out()).isEqualTo(one.out().replace(dir.resolve("t1").toString(), dir.resolve("t2").toString()));
        List<String> confusion = Files.readAllLines(dir.resolve("t1/confusion.csv"));
        assertThat(confusion.get(0)).isEqualTo("design,n_per_arm,true_hypothesis,inferred_hypothesis,proportion,ci_low,ci_high");
        // 2 designs x 2 sizes x 2 true x 2 inferred hypotheses, in design, size, truth, inference order
        assertThat(confusion).hasSize(1 + 2 * 2 * 2 * 2);
        assertThat(confusion.get(1)).startsWith("duek-2021,6,null,null,");
        assertThat(confusion.get(16)).startsWith("timing-3arm,10,restabilization-blockade,restabilization-blockade,");
        List<String> accuracy = Files.readAllLines(dir.resolve("t1/accuracy.csv"));
        assertThat(accuracy.get(0)).isEqualTo("design,n_per_arm,trials_per_hypothesis,statistics,p_correct,ci_low,ci_high");
        // duek-2021: 1 contrast x 9 endpoints x 3 visits; timing-3arm: 3 contrasts
        assertThat(accuracy).hasSize(5).element(1).asString().startsWith("duek-2021,6,12,27,");
        assertThat(accuracy.get(4)).startsWith("timing-3arm,10,12,81,");
        // each row of a confusion matrix sums to 1; the accuracy is the mean of the diagonal
        for (int cell = 0; cell < 4; cell++) {
            double[] p = new double[4];
            for (int k = 0; k < 4; k++) {
                p[k] = Double.parseDouble(confusion.get(1 + 4 * cell + k).split(",")[4]);
            }
            assertThat(p[0] + p[1]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(p[2] + p[3]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(Double.parseDouble(accuracy.get(1 + cell).split(",")[4]))
                    .isCloseTo((p[0] + p[3]) / 2, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(one.out()).contains("design       n_per_arm  P(correct)  95% CI").contains("timing-3arm         10");
        String report = Files.readString(dir.resolve("t1/report.html"));
        assertThat(report).contains("<h2>duek-2021</h2>").contains("<h2>timing-3arm</h2>").contains("<svg").contains("6 per arm");
        assertThat(Files.readString(dir.resolve("t1/manifest.json"))).contains("\"command\" : \"discriminate\"")
                .contains("\"design\" : \"timing-3arm\"");
        // another seed, other trials
        small(dir.resolve("t3"), "2");
        CommandLineTest.run("discriminate", DUEK, "--design", TIMING, "--hypotheses", "null,restabilization-blockade",
                "--n-per-arm", "6,10", "--replicates", "12", "--training", "10", "--seed", "6", "--out", dir.resolve("t4").toString());
        assertThat(Files.readAllBytes(dir.resolve("t4/confusion.csv"))).isNotEqualTo(Files.readAllBytes(dir.resolve("t3/confusion.csv")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "null,foo|reconsim: --hypotheses: unknown hypothesis 'foo': expected null or mechanism labels joined by '+' " + MECHANISMS,
        "null,plasticity-window+bar|reconsim: --hypotheses: unknown hypothesis 'plasticity-window+bar' ('bar' is not a mechanism): "
                + "expected null or mechanism labels joined by '+' " + MECHANISMS,
        "null|reconsim: --hypotheses: at least 2 hypotheses are needed to tell apart, got 1 (null)",
        "null,null|reconsim: --hypotheses: 'null' is listed twice",
    })
    void badHypothesesAreRefusedBeforeAnySimulation(String hypotheses, String message, @TempDir Path dir) {
        refused(message, dir, "discriminate", DUEK, "--hypotheses", hypotheses);
    }

    @Test
    void aDesignThatDoesNotExistOrIsInvalidIsReportedWithItsOwnProblems(@TempDir Path dir) throws Exception {
        refused("nope.yaml: file not found", dir, "discriminate", DUEK, "--design", "nope.yaml", "--hypotheses", "null,plasticity-window");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of(TIMING)).replace("n_per_arm: 40 ", "n_per_arm: 0 "));
        CommandLineTest.Result r = CommandLineTest.run("discriminate", DUEK, "--design", bad.toString(), "--hypotheses",
                "null,plasticity-window", "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith(bad + ":").contains("design.n_per_arm").doesNotContain("Exception").hasLineCount(1);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void fewerThanTwoTrialsPerHypothesisAreRefused(@TempDir Path dir) {
        refused("reconsim: --replicates must be within 2..1000000, got 1", dir, "discriminate", DUEK, "--hypotheses",
                "null,plasticity-window", "--replicates", "1");
        refused("reconsim: --training must be within 2..1000000, got 1", dir, "discriminate", DUEK, "--hypotheses",
                "null,plasticity-window", "--training", "1");
    }

    @Test
    void theSameDesignTwiceIsRefused(@TempDir Path dir) {
        refused("reconsim: --design " + DUEK + ": a design named 'duek-2021' is already compared (" + DUEK + ")", dir, "discriminate",
                DUEK, "--design", DUEK, "--hypotheses", "null,plasticity-window");
    }

    /** Exit 2, exactly {@code message} on stderr, no output folder. */
    private static void refused(String message, Path dir, String... args) {
        Path out = dir.resolve("out");
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--out", out.toString()))
                .toArray(String[]::new);
        CommandLineTest.Result r = CommandLineTest.run(all);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(message + "\n");
        assertThat(out).doesNotExist();
    }
}
