package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reconsim.cli.CommandLineTest.DUEK;
import static org.reconsim.cli.CommandLineTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.cli.CommandLineTest.Result;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code power --posterior}: assurance under a calibration's posterior, drawing whole particles of
 * its last generation. End to end from a small calibration (the joint draws in replicates.csv are
 * rows of posterior.csv; byte-identical on 1 and 2 threads; labelled in power.csv, report.html and
 * the manifest), and every bad input refused before any simulation, one line each, exit 2, no
 * output folder.
 */
class PosteriorPowerTest {

    private static final String KI = "pharmacology.occupancy.ki_micromolar";
    private static final String K_BLOCK = "mechanisms.restabilization_blockade.k_block";
    private static final String HEADER = "generation,particle,hypothesis,weight,distance," + KI + "," + K_BLOCK;

    private static Path write(Path dir, String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
        return file;
    }

    /** The lines power prints for {@code posterior}, after checking it exits 2 and writes no folder. */
    private static String refused(Path dir, Path posterior, String... more) {
        Path out = dir.resolve("out");
        List<String> args = new java.util.ArrayList<>(List.of("power", DUEK, "--posterior", posterior.toString(), "--replicates",
                "2", "--out", out.toString()));
        args.addAll(List.of(more));
        Result r = run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(out).doesNotExist();
        return r.err();
    }

    @Test
    void anUnreadableFileSaysWhyInTheSystemsWords(@TempDir Path dir) throws Exception {
        Path none = dir.resolve("none.csv");
        assertThat(refused(dir, none)).isEqualTo("reconsim: --posterior " + none + ": cannot read: No such file or directory\n");
        Path folder = Files.createDirectories(dir.resolve("folder.csv"));
        assertThat(refused(dir, folder)).isEqualTo("reconsim: --posterior " + folder + ": cannot read: Is a directory\n");
    }

    @Test
    void aFileThatIsNotAPosteriorIsRefused(@TempDir Path dir) throws Exception {
        Path empty = write(dir, "empty.csv");
        assertThat(refused(dir, empty)).isEqualTo("reconsim: --posterior " + empty
                + ": empty; expected the posterior.csv of reconsim calibrate\n");
        Path header = write(dir, "header.csv", "gen,particle,weight", "0,0,1");
        assertThat(refused(dir, header)).isEqualTo("reconsim: --posterior " + header + ":1: expected the header "
                + "generation,particle,hypothesis,weight,distance then one column per free field (the posterior.csv of reconsim "
                + "calibrate), got 'gen,particle,weight'\n");
        Path twice = write(dir, "twice.csv", HEADER + "," + KI, "0,0,null,1,1,1,1,1");
        assertThat(refused(dir, twice)).isEqualTo("reconsim: --posterior " + twice + ":1: column " + KI + " is given twice\n");
        Path only = write(dir, "only.csv", HEADER);
        assertThat(refused(dir, only)).isEqualTo("reconsim: --posterior " + only + ": no particles (only a header)\n");
    }

    @Test
    void everyMalformedCellIsNamedByLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = write(dir, "cells.csv", HEADER, "x,0,null,0.5,1.0,0.5,0.5", "0,1,null,abc,1.0,0.5,0.5", "0,2,null,-0.5,1.0,0.5,0.5",
                "0,3,null,0.5,1.0,oops,0.5", "0,4,null,0.5,1.0,0.5", "0,5,,0.5,1.0,0.5,0.5", "0,6,null,0.5,far,0.5,0.5",
                "0,7,null,0.5,1.0,0.5,Infinity", "0,-8,null,0.5,1.0,0.5,0.5");
        String at = "reconsim: --posterior " + f;
        assertThat(refused(dir, f)).isEqualTo(String.join("\n",
                at + ":2: generation: expected a whole number >= 0, got 'x'",
                at + ":3: weight: expected a finite number >= 0, got 'abc'",
                at + ":4: weight: expected a finite number >= 0, got '-0.5'",
                at + ":5: " + KI + ": expected a finite number, got 'oops'",
                at + ":6: expected 7 cells as in the header, got 6",
                at + ":7: hypothesis: expected null or mechanism labels joined by '+', got ''",
                at + ":8: distance: expected a number, got 'far'",
                at + ":9: " + K_BLOCK + ": expected a finite number, got 'Infinity'",
                at + ":10: particle: expected a whole number >= 0, got '-8'") + "\n");
    }

    @Test
    void aLastGenerationWithNoWeightHasNothingToDraw(@TempDir Path dir) throws Exception {
        Path f = write(dir, "zero.csv", HEADER, "0,0,null,1,1,0.5,0.5", "1,0,null,0,1,0.5,0.5", "1,1,null,0,1,0.6,0.5");
        assertThat(refused(dir, f)).isEqualTo("reconsim: --posterior " + f
                + ": the weights of generation 1 (the last) are all 0: there is nothing to draw\n");
    }

    @Test
    void fieldsTheScenarioCannotVaryAreRefusedAsCalibrateRefusesThem(@TempDir Path dir) throws Exception {
        Path f = write(dir, "fixed.csv", "generation,particle,hypothesis,weight,distance,design.n_per_arm,simulation.seed,"
                + "mechanisms.active", "0,0,null,1,1,12,3,0");
        String at = "reconsim: --posterior " + f + ":1: column ";
        assertThat(refused(dir, f)).isEqualTo(String.join("\n",
                at + "design.n_per_arm: cannot vary: the arm sizes are the published trial's; they are not parameters",
                at + "simulation.seed: cannot vary: the seed and the replicate count address the simulated trials; they are not "
                        + "parameters",
                at + "mechanisms.active: cannot vary: the mechanisms are the hypotheses, not a parameter") + "\n");
    }

    /** Only the last generation is checked against the scenario (and drawn): generation 0's bad values do not count. */
    @Test
    void hypothesesAndValuesTheScenarioRefusesAreNamedByTheirLine(@TempDir Path dir) throws Exception {
        Path columns = write(dir, "columns.csv", "generation,particle,hypothesis,weight,distance,pharmacology.occupancy.nope,name,"
                + K_BLOCK, "0,0,null,1,1,1,1,0.5");
        assertThat(refused(dir, columns)).isEqualTo(String.join("\n",
                "reconsim: --posterior " + columns + ":1: column pharmacology.occupancy.nope: cannot set: no field 'nope' here",
                "reconsim: --posterior " + columns + ":1: column name: cannot set: only numeric fields can vary") + "\n");
        Path f = write(dir, "scenario.csv", HEADER, "0,0,telepathy,1,1,1,3", "1,0,null,1,1,1,0.5", "1,1,telepathy,1,1,1,0.5",
                "1,2,null+restabilization-blockade,1,1,1,0.5", "1,3,restabilization-blockade,1,1,1,-2",
                "1,4,restabilization-blockade,1,1,1,1.5");
        String at = "reconsim: --posterior " + f;
        assertThat(refused(dir, f)).isEqualTo(String.join("\n",
                at + ":4: hypothesis 'telepathy': expected one of restabilization-blockade, plasticity-window, "
                        + "destabilization-interference, learning-blockade, structure-learning, got 'telepathy'",
                at + ":5: hypothesis 'null+restabilization-blockade': expected null or mechanism labels joined by '+', e.g. "
                        + "restabilization-blockade+plasticity-window",
                at + ":6: " + K_BLOCK + ": out of range: allowed 0 <= x <= 1, got -2",
                at + ":7: " + K_BLOCK + ": out of range: allowed 0 <= x <= 1, got 1.5") + "\n");
    }

    @Test
    void aThousandBadRowsShowTheFirstTwentyAndACount(@TempDir Path dir) throws Exception {
        String[] lines = new String[1001];
        lines[0] = HEADER;
        for (int i = 1; i <= 1000; i++) {
            lines[i] = "0," + i + ",null,-1,1,0.5,0.5";
        }
        String err = refused(dir, write(dir, "many.csv", lines));
        assertThat(err.split("\n")).hasSize(PosteriorInput.SHOWN + 1);
        assertThat(err).endsWith("many.csv: 980 more problems not shown\n");
    }

    @Test
    void thePosteriorIsThePriorSoItGoesWithNoOtherPriorAndNoSweep(@TempDir Path dir) throws Exception {
        Path f = write(dir, "ok.csv", HEADER, "0,0,null,1,1,0.5,0.5");
        assertThat(refused(dir, f, "--assurance", K_BLOCK + "=uniform(0,1)")).isEqualTo("reconsim: --posterior and --assurance "
                + "cannot be combined: the posterior's particles set every free field and the mechanisms themselves\n");
        assertThat(refused(dir, f, "--sweep", K_BLOCK + "=0,1")).isEqualTo("reconsim: --posterior and --sweep cannot be combined\n");
        assertThat(refused(dir, f, "--assurance-correlation", K_BLOCK + "," + KI + "=0.5"))
                .isEqualTo("reconsim: --assurance-correlation needs --assurance\n");
        assertThatThrownBy(() -> new PowerRequest(Path.of(DUEK), null, null, null, null, AssuranceSpec.parse(K_BLOCK + "=uniform(0,1)"),
                null, null, null, false, new PowerExecution("local", null, 1, 5, true, false), List.of(),
                new PosteriorInput.Source(f, null))).hasMessage(PowerRequest.POSTERIOR_OR_ASSURANCE);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static String[] power(Path posterior, Path out, String threads) {
        return new String[] {"power", DUEK, "--posterior", posterior.toString(), "--n-per-arm", "8,12", "--replicates", "40",
            "--replicate-table", "--threads", threads, "--out", out.toString(), "--quiet"};
    }

    /**
     * A small calibration (12 particles, 2 generations: the configuration of CalibrateServiceTest),
     * then power under its posterior: each trial's draw is one whole row of the last generation.
     */
    @Test
    void powerUnderACalibrationsPosteriorDrawsItsLastGenerationsParticlesWhole(@TempDir Path dir) throws Exception {
        Path calibration = dir.resolve("calibration");
        Result calibrated = run("calibrate", DUEK, "--targets", Path.of("..", "scenarios", "targets", "duek-2021.yaml").toString(),
                "--free", KI + "=loguniform(0.03,10)", "--free", "measurement.pcl5.slope=uniform(0,60)", "--hypotheses",
                "null,restabilization-blockade", "--particles", "12", "--generations", "2", "--min-tolerance", "0.1", "--budget", "400",
                "--predictive-draws", "8", "--recovery", "0", "--threads", "2", "--seed", "5", "--out", calibration.toString(),
                "--quiet");
        assertThat(calibrated.code()).as(calibrated.err()).isZero();
        Path posterior = calibration.resolve("posterior.csv");
        Result one = run(power(posterior, dir.resolve("one"), "1"));
        assertThat(one.code()).as(one.err()).isZero();
        Result two = run(power(posterior, dir.resolve("two"), "2"));
        assertThat(two.code()).as(two.err()).isZero();
        for (String file : List.of("power.csv", "replicates.csv", "report.html")) {
            assertThat(Files.readAllBytes(dir.resolve("two").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("one").resolve(file)));
        }

        // the last generation's rows, by particle number
        List<String> rows = Files.readAllLines(posterior);
        int last = rows.stream().skip(1).mapToInt(l -> Integer.parseInt(l.split(",")[0])).max().orElseThrow();
        Map<String, String[]> particles = new HashMap<>();
        rows.stream().skip(1).map(l -> l.split(",")).filter(c -> Integer.parseInt(c[0]) == last).forEach(c -> particles.put(c[1], c));
        assertThat(particles).hasSize(12);

        String label = "assurance:posterior(posterior.csv,generation=" + last + ",particles=12,sha256=" + sha256(posterior) + ")";
        List<String> table = Files.readAllLines(dir.resolve("one/replicates.csv"));
        assertThat(table.get(0)).endsWith(",particle,mechanisms.active," + KI + ",measurement.pcl5.slope");
        int drawnParticles = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String line : table.subList(1, table.size())) {
            assertThat(line).contains("\"" + label + "\"");
            String[] c = line.split(",");
            int n = c.length;
            String[] p = particles.get(c[n - 4]);
            assertThat(p).as("particle %s is one of the last generation's", c[n - 4]).isNotNull();
            assertThat(c[n - 3]).isEqualTo(p[2]);
            // replicates.csv writes 10 significant digits
            for (int j = 0; j < 2; j++) {
                double written = Double.parseDouble(c[n - 2 + j]);
                double value = Double.parseDouble(p[5 + j]);
                assertThat(written).isCloseTo(value, org.assertj.core.api.Assertions.within(1e-9 * Math.abs(value)));
            }
            if (seen.add(c[n - 4])) {
                drawnParticles++;
            }
        }
        assertThat(drawnParticles).as("40 trials draw several of the 12 particles").isGreaterThan(3);

        assertThat(Files.readAllLines(dir.resolve("one/power.csv")).get(1)).contains("\"" + label + "\",NA");
        assertThat(Files.readString(dir.resolve("one/report.html"))).contains("<strong>Assurance run.</strong> Each virtual trial drew one particle of "
                + "generation " + last + " of posterior.csv (12 particles, sha256 " + sha256(posterior) + ")")
                .contains("mechanisms true for the virtual patients: drawn for each trial");
        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("one/manifest.json")));
        assertThat(manifest.get("inputs").toString()).isEqualTo("[{\"role\":\"posterior\",\"file\":\"" + posterior
                + "\",\"sha256\":\"" + sha256(posterior) + "\"}]");
    }

    @Test
    void aCheckpointPinsThePosteriorsContent(@TempDir Path dir) throws Exception {
        Path f = write(dir, "posterior.csv", HEADER, "0,0,null,1,1,0.5,0.5");
        PowerExecution how = new PowerExecution("local", null, 1, 5, true, false);
        PowerRequest run = new PowerRequest(Path.of(DUEK).toAbsolutePath(), 11L, List.of(10), 50, null, null, null, null,
                dir.toAbsolutePath(), false, how, List.of("power"), new PosteriorInput.Source(f.toAbsolutePath(), sha256(f)));
        Checkpoint checkpoint = Checkpoint.start(dir, java.time.Instant.ofEpochMilli(1), run);
        assertThat(checkpoint.request(how)).isEqualTo(run);
    }
}
