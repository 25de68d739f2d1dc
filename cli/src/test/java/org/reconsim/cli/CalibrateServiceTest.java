package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.ScenarioLoader;

/**
 * reconsim calibrate through its service: the run folder's files (a valid calibrated scenario,
 * assurance options power accepts, byte-identical on 1 and 2 threads), and bad input refused one
 * line each before any simulation, with no output folder.
 */
class CalibrateServiceTest {

    private static final Path SCENARIO = Path.of("../scenarios/duek-2021.yaml");
    private static final Path TARGETS = Path.of("../scenarios/targets/duek-2021.yaml");
    private static final String KI = "pharmacology.occupancy.ki_micromolar";

    private static CalibrateRequest request(Path out, List<String> free, List<String> hypotheses, int threads) {
        return new CalibrateRequest(SCENARIO, TARGETS, free, hypotheses, 12, 2, 0.1, 400, 8, 0, threads, 5L, out, true, false, List.of("calibrate"), InferenceExecution.LOCAL);
    }

    private static Path run(CalibrateRequest r) {
        return new CalibrateService(new PrintWriter(new StringWriter())).run(r);
    }

    @Test
    void aSmallCalibrationWritesItsFilesIdenticallyOnOneAndTwoThreads(@TempDir Path dir) throws Exception {
        List<String> free = List.of(KI + "=loguniform(0.03,10)", "measurement.pcl5.slope=uniform(0,60)");
        List<String> hypotheses = List.of("null", "restabilization-blockade");
        Path one = run(request(dir.resolve("one"), free, hypotheses, 1));
        Path two = run(request(dir.resolve("two"), free, hypotheses, 2));
        for (String f : CalibrateService.FILES) {
            assertThat(Files.readString(two.resolve(f))).as(f).isEqualTo(Files.readString(one.resolve(f)));
        }
        List<String> posterior = Files.readAllLines(one.resolve("posterior.csv"));
        assertThat(posterior.get(0)).isEqualTo("generation,particle,hypothesis,weight,distance," + KI + ",measurement.pcl5.slope");
        assertThat(posterior).hasSize(1 + 2 * 12);
        assertThat(Files.readAllLines(one.resolve("summary.csv")).get(0))
                .isEqualTo("hypothesis,posterior_probability,parameter,median,q05,q95,ess,particles");

        // calibrated.yaml is a scenario the loader accepts, with the free fields at the summary's medians
        LoadedScenario calibrated = ScenarioLoader.load(one.resolve("calibrated.yaml"));
        assertThat(calibrated.scenario().name()).isEqualTo("duek-2021");
        String yaml = Files.readString(one.resolve("calibrated.yaml"));
        assertThat(yaml).contains("#   " + KI + " = ");

        // assurance.txt holds options power parses into a joint prior
        List<String> assurance = new ArrayList<>();
        List<String> correlations = new ArrayList<>();
        for (String line : Files.readAllLines(one.resolve("assurance.txt"))) {
            if (line.startsWith("--assurance ")) {
                assurance.add(line.substring("--assurance ".length()));
            } else if (line.startsWith("--assurance-correlation ")) {
                correlations.add(line.substring("--assurance-correlation ".length()));
            }
        }
        assertThat(assurance).hasSize(2);
        assertThat(AssuranceSpec.of(assurance, correlations).prior().fields()).hasSize(2);
        assertThat(Files.readString(one.resolve("report.html"))).contains("<svg").contains("Posterior predictive check");
    }

    /**
     * The calibration says how well its statistics recover the hypotheses: recovery.csv is the
     * confusion matrix of pilots simulated under each hypothesis and classified from the same
     * z values (rows sum to 1), the same on 1 and 2 threads, and listed in the manifest.
     */
    @Test
    void modelRecoveryOnTheSameStatisticsIsReported(@TempDir Path dir) throws Exception {
        List<String> free = List.of(KI + "=loguniform(0.03,10)");
        List<String> hypotheses = List.of("null", "restabilization-blockade");
        Path[] runs = new Path[2];
        for (int t = 1; t <= 2; t++) {
            CalibrateRequest r = new CalibrateRequest(SCENARIO, TARGETS, free, hypotheses, 12, 2, 0.1, 400, 8, 20, t, 5L,
                    dir.resolve("t" + t), true, false, List.of("calibrate"), InferenceExecution.LOCAL);
            runs[t - 1] = run(r);
        }
        List<String> rows = Files.readAllLines(runs[0].resolve("recovery.csv"));
        assertThat(rows.get(0)).isEqualTo("true_hypothesis,inferred_hypothesis,proportion,ci_low,ci_high");
        assertThat(rows).hasSize(1 + 4);
        for (int truth = 0; truth < 2; truth++) {
            double sum = 0;
            for (int inferred = 0; inferred < 2; inferred++) {
                String[] c = rows.get(1 + 2 * truth + inferred).split(",");
                double p = Double.parseDouble(c[2]);
                assertThat(Double.parseDouble(c[3])).isLessThanOrEqualTo(p);
                assertThat(Double.parseDouble(c[4])).isGreaterThanOrEqualTo(p);
                sum += p;
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(Files.readString(runs[1].resolve("recovery.csv"))).isEqualTo(Files.readString(runs[0].resolve("recovery.csv")));
        assertThat(Files.readString(runs[0].resolve("manifest.json"))).contains("recovery.csv");
        assertThat(CalibrateService.trainingTrials(20)).isEqualTo(100);
        assertThat(CalibrateService.trainingTrials(5)).isEqualTo(50);
        assertThat(CalibrateService.trainingTrials(400)).isEqualTo(1000);
    }

    private static List<String> refused(Path dir, List<String> free, List<String> hypotheses) {
        Path out = dir.resolve("out");
        InvalidInputException e = catchThrowableOfType(() -> run(request(out, free, hypotheses, 1)), InvalidInputException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(out).doesNotExist();
        return e.lines();
    }

    @Test
    void invertedAndEmptyPriorRangesAreRefused(@TempDir Path dir) {
        assertThat(refused(dir, List.of(KI + "=uniform(5,1)", KI + "=loguniform(1,1)"), List.of())).containsExactly(
                "reconsim: --free " + KI + "=uniform(5,1): uniform needs lo < hi",
                "reconsim: --free " + KI + "=loguniform(1,1): loguniform needs 0 < lo < hi");
    }

    @Test
    void nonPositiveScalesAreRefused(@TempDir Path dir) {
        assertThat(refused(dir, List.of(KI + "=normal(1,0,0,5)", KI + "=lognormal(0,-1)"), List.of())).containsExactly(
                "reconsim: --free " + KI + "=normal(1,0,0,5): normal needs sd > 0",
                "reconsim: --free " + KI + "=lognormal(0,-1): lognormal needs sdlog > 0");
    }

    @Test
    void unknownNonNumericAndFixedFieldsAreRefused(@TempDir Path dir) {
        List<String> lines = refused(dir, List.of("pharmacology.occupancy.nope=uniform(0,1)", "name=uniform(0,1)",
                "design.n_per_arm=uniform(10,20)", "simulation.seed=uniform(1,5)", "simulation.replicates=uniform(1,5)"), List.of());
        assertThat(lines).containsExactly(
                "reconsim: free field pharmacology.occupancy.nope=0.0: cannot set: no field 'nope' here",
                "reconsim: free field name=0.0: cannot set: only numeric fields can vary",
                "reconsim: free field design.n_per_arm: cannot vary: the arm sizes are the published trial's; they are not parameters",
                "reconsim: free field simulation.seed: cannot vary: the seed and the replicate count address the simulated trials; "
                        + "they are not parameters",
                "reconsim: free field simulation.replicates: cannot vary: the seed and the replicate count address the simulated "
                        + "trials; they are not parameters");
    }

    @Test
    void badSettingsAreRefusedTogether(@TempDir Path dir) {
        Path out = dir.resolve("out");
        CalibrateRequest r = new CalibrateRequest(SCENARIO, TARGETS, List.of(), List.of(), 1, 0, -1, 0, 0, -1, 1, 5L, out, true, false,
                List.of("calibrate"), InferenceExecution.LOCAL);
        InvalidInputException e = catchThrowableOfType(() -> run(r), InvalidInputException.class);
        assertThat(e.lines()).containsExactly("reconsim: --particles must be at least 2, got 1",
                "reconsim: --generations must be at least 1, got 0", "reconsim: --min-tolerance must be a finite number >= 0, got -1.0",
                "reconsim: --budget must be at least --particles (1), got 0", "reconsim: --predictive-draws must be at least 1, got 0",
                "reconsim: --recovery must be 0 (none) or at least 1, got -1");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownHypothesisIsRefused(@TempDir Path dir) {
        List<String> lines = refused(dir, List.of(KI + "=loguniform(0.03,10)"), List.of("null", "telepathy"));
        assertThat(lines).containsExactly("reconsim: hypothesis 'telepathy': expected one of restabilization-blockade, "
                + "plasticity-window, destabilization-interference, learning-blockade, structure-learning, got 'telepathy'");
    }
}
