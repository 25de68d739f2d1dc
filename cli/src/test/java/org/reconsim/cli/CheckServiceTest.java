package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.targets.LoadedTargets;
import org.reconsim.engine.targets.TargetsLoader;
import org.reconsim.results.inference.FreeField;
import org.reconsim.results.inference.ScenarioSummarySimulator;
import org.reconsim.results.power.PriorDistribution;

/** {@code reconsim check} (docs/INFERENCE.md, Predictive check): the numbers, determinism on any thread count, bad input. */
class CheckServiceTest {

    private static final String DUEK = Path.of("..", "scenarios", "duek-2021.yaml").toString();
    private static final String TARGETS = Path.of("..", "scenarios", "targets", "duek-2021.yaml").toString();
    private static final String TARGETS_2023 = Path.of("..", "scenarios", "targets", "duek-2023.yaml").toString();

    private static List<String[]> csv(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void byteIdenticalOnOneAndTwoThreads(@TempDir Path dir) throws Exception {
        String[] common = {"check", DUEK, "--targets", TARGETS, "--hypotheses", "null,restabilization-blockade", "--replicates",
            "24", "--quiet"};
        CommandLineTest.Result one = CommandLineTest.run(concat(common, "--threads", "1", "--out", dir.resolve("one").toString()));
        CommandLineTest.Result two = CommandLineTest.run(concat(common, "--threads", "2", "--out", dir.resolve("two").toString()));
        assertThat(one.err()).isEmpty();
        assertThat(one.code()).isZero();
        assertThat(two.out()).isEqualTo(one.out());
        SameOutputs.assertSameFiles(dir.resolve("one"), dir.resolve("two"));
        assertThat(Files.readString(dir.resolve("one/manifest.json"))).contains("\"command\" : \"check\"");
    }

    /**
     * Every number of check.csv against an independent computation from the simulator: the
     * simulated z of draws 0..R-1, their median and 2.5%/97.5% quantiles (type 7), the predictive
     * p-value with its (k + 1) / (R + 1) tails, the share of lower-and-significant trials.
     */
    @Test
    void theTableIsTheSimulatedDistributionOfEachFinding(@TempDir Path dir) throws Exception {
        int r = 40;
        CommandLineTest.Result res = CommandLineTest.run("check", DUEK, "--targets", TARGETS, "--hypotheses",
                "null,restabilization-blockade", "--replicates", String.valueOf(r), "--out", dir.toString(), "--quiet");
        assertThat(res.code()).isZero();
        List<String[]> rows = csv(dir.resolve("check.csv"));
        assertThat(rows.get(0)).containsExactly("hypothesis", "target", "claim", "observed_z", "sim_median_z", "sim_low_z",
                "sim_high_z", "p_predictive", "p_claim", "p_claim_low", "p_claim_high", "trials", "undefined_z");
        assertThat(rows).hasSize(1 + 2 * 6);
        LoadedTargets targets = TargetsLoader.load(Path.of(TARGETS));
        ScenarioSummarySimulator sim = ScenarioSummarySimulator.of(ScenarioLoader.load(Path.of(DUEK)), targets,
                List.of("null", "restabilization-blockade"), List.of());
        for (int h = 0; h < 2; h++) {
            double[][] z = new double[r][];
            for (int d = 0; d < r; d++) {
                z[d] = sim.simulate(h, new double[0], d);
            }
            int pattern = 0;
            for (int d = 0; d < r; d++) {
                boolean all = true;
                for (double v : z[d]) {
                    all &= v < -1.959963984540054;
                }
                pattern += all ? 1 : 0;
            }
            for (int i = 0; i < 5; i++) {
                String[] row = rows.get(1 + h * 6 + i);
                int finding = i;
                double[] sorted = Arrays.stream(z).mapToDouble(t -> t[finding]).sorted().toArray();
                assertThat(row[0]).isEqualTo(h == 0 ? "null" : "restabilization-blockade");
                assertThat(row[1]).isEqualTo(sim.statistics().get(i));
                assertThat(Double.parseDouble(row[4])).isCloseTo((sorted[19] + sorted[20]) / 2, within());
                assertThat(Double.parseDouble(row[5])).isCloseTo(sorted[0] + 0.975 * (sorted[1] - sorted[0]), within());
                assertThat(Double.parseDouble(row[6])).isCloseTo(sorted[38] + 0.025 * (sorted[39] - sorted[38]), within());
                long lower = Arrays.stream(sorted).filter(v -> v < -1.959963984540054).count();
                assertThat(Double.parseDouble(row[8])).isCloseTo(lower / (double) r, within());
                if (targets.targets().findings().get(i).hasEstimate()) {
                    double obs = targets.targets().findings().get(i).z().getAsDouble();
                    assertThat(Double.parseDouble(row[3])).isCloseTo(obs, within());
                    long below = Arrays.stream(sorted).filter(v -> v <= obs).count();
                    long above = Arrays.stream(sorted).filter(v -> v >= obs).count();
                    double p = Math.min(1, 2 * (Math.min(below, above) + 1.0) / (r + 1));
                    assertThat(Double.parseDouble(row[7])).isCloseTo(p, within());
                } else {
                    assertThat(row[3]).isEqualTo("NA");
                    assertThat(row[7]).isEqualTo("NA");
                }
            }
            String[] patternRow = rows.get(1 + h * 6 + 5);
            assertThat(patternRow[1]).isEqualTo("pattern");
            assertThat(Double.parseDouble(patternRow[8])).isCloseTo(pattern / (double) r, within());
            // the Clopper-Pearson interval of 0 successes is [0, 1 - 0.025^(1/R)]
            if (pattern == 0) {
                assertThat(Double.parseDouble(patternRow[9])).isZero();
                assertThat(Double.parseDouble(patternRow[10])).isCloseTo(1 - Math.pow(0.025, 1.0 / r), within());
            }
        }
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<svg").contains("published z").contains("amygdala-post");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-8);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void refused(Path out, String expected, String... args) {
        CommandLineTest.Result r = CommandLineTest.run(concat(args, "--out", out.toString()));
        assertThat(r.err()).isEqualTo(expected + "\n");
        assertThat(r.code()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    @Test
    void badInputIsOneLineEachWithExitTwoAndNoOutputFolder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        refused(out, dir.resolve("none.yaml") + ": cannot read: No such file or directory", "check", DUEK, "--targets",
                dir.resolve("none.yaml").toString());
        refused(out, "reconsim: hypothesis 'magic': expected one of restabilization-blockade, plasticity-window, "
                + "destabilization-interference, learning-blockade, structure-learning, got 'magic'", "check", DUEK, "--targets", TARGETS,
                "--hypotheses", "null,magic");
        refused(out, "reconsim: --replicates must be at least 1, got 0", "check", DUEK, "--targets", TARGETS, "--replicates", "0");
        CommandLineTest.Result sizes = CommandLineTest.run("check", DUEK, "--targets", TARGETS_2023, "--out", out.toString());
        assertThat(sizes.code()).isEqualTo(2);
        assertThat(sizes.err().split("\n")).hasSize(5).allMatch(l -> l.startsWith("reconsim: " + TARGETS_2023 + ": finding "));
        assertThat(sizes.err()).startsWith("reconsim: " + TARGETS_2023 + ": finding amygdala-post: published with 14 ketamine and 13 "
                + "midazolam patients, but the scenario duek-2021 has 12 and 12 (design.n_per_arm x allocation); the trial is "
                + "simulated at its published sizes\n");
        assertThat(out).doesNotExist();
        // a scenario given as the target file: the target loader's own messages
        CommandLineTest.Result notTargets = CommandLineTest.run("check", DUEK, "--targets", DUEK, "--out", out.toString());
        assertThat(notTargets.code()).isEqualTo(2);
        assertThat(notTargets.err()).startsWith(DUEK + ":");
        assertThat(out).doesNotExist();
    }

    @Test
    void targetsNamingAnotherScenarioAreCheckedWithAWarning(@TempDir Path dir) throws Exception {
        Path variant = Files.writeString(dir.resolve("variant.yaml"), Files.readString(Path.of(DUEK))
                .replace("name: duek-2021", "name: duek-2021-variant"));
        StringWriter text = new StringWriter();
        new CheckService(new PrintWriter(text)).run(new CheckRequest(variant, Path.of(TARGETS), null, 2, null, 1,
                dir.resolve("out"), true, false, List.of(), InferenceExecution.LOCAL));
        assertThat(text.toString()).startsWith("reconsim: warning: " + TARGETS + " names scenario duek-2021, checking "
                + "duek-2021-variant (" + variant + ") against its findings\n");
        assertThat(csv(dir.resolve("out/check.csv"))).hasSize(1 + 6);
    }

    @Test
    void freeFieldsParseLikeAssurancePriors() {
        assertThat(AssuranceSpec.free(List.of("pharmacology.occupancy.ki_micromolar=loguniform(0.1,10)")))
                .containsExactly(new FreeField("pharmacology.occupancy.ki_micromolar", "loguniform(0.1,10)",
                        new PriorDistribution.LogUniform(0.1, 10)));
        try {
            AssuranceSpec.free(List.of("x=gamma(1)", "y=uniform(2,1)"));
            throw new AssertionError("accepted");
        } catch (InvalidInputException e) {
            assertThat(e.lines()).containsExactly(
                    "reconsim: --free: expected FIELD=PRIOR with PRIOR " + AssuranceSpec.PRIORS + ", got 'x=gamma(1)'",
                    "reconsim: --free y=uniform(2,1): uniform needs lo < hi");
        }
    }
}
