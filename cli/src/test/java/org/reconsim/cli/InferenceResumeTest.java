package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconsim.cli.CommandLineTest.DUEK;
import static org.reconsim.cli.CommandLineTest.run;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.cli.CommandLineTest.Result;

/**
 * {@code --resume} of the inference commands: a run killed (SIGKILL, no chance to clean up) once
 * its journal holds some batches, and continued, gives the bytes of a run never interrupted;
 * and what cannot be continued is refused with one line.
 */
class InferenceResumeTest {

    private static final String TARGETS = Path.of("..", "scenarios", "targets", "duek-2021.yaml").toString();

    private static final String[] CALIBRATE = {"calibrate", DUEK, "--targets", TARGETS, "--free",
        "pharmacology.occupancy.ki_micromolar=loguniform(0.3,5)", "--hypotheses", "null,restabilization-blockade", "--particles", "30",
        "--generations", "3", "--budget", "4000", "--predictive-draws", "20", "--recovery", "20", "--seed", "9", "--quiet"};

    private static final String[] SENSITIVITY = {"sensitivity", DUEK, "--vary", "pharmacology.occupancy.ki_micromolar=loguniform(0.3,5)",
        "--vary", "mechanisms.restabilization_blockade.k_block=uniform(0,1)", "--samples", "16", "--replicates", "8",
        "--bootstrap", "50", "--seed", "3", "--quiet"};

    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Starts the command in its own JVM, waits until its journal holds a first batch, and kills it. */
    private static void startAndKill(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ReconsimCommand.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "../child.log")).start();
        Path journal = dir.resolve(InferenceRun.FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long header = -1;
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(journal)) {
                long size = Files.size(journal);
                if (header < 0 && size > 0) {
                    header = size;
                } else if (header > 0 && size > header) {
                    break;
                }
            }
            Thread.sleep(10);
        }
        assertThat(p.isAlive()).as("the run must still be going when it is killed: make it longer").isTrue();
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static void killedAndResumedIsByteIdentical(Path tmp, String[] args, List<String> files) throws Exception {
        Path whole = tmp.resolve("whole");
        Result straight = run(with(args, "--out", whole.toString(), "--threads", "2"));
        assertThat(straight.code()).as(straight.err()).isZero();
        assertThat(whole.resolve(InferenceRun.FILE)).doesNotExist();

        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        startAndKill(cut, with(args, "--out", cut.toString(), "--threads", "2"));
        assertThat(cut.resolve("manifest.json")).as("nothing that looks finished is left behind").doesNotExist();
        assertThat(cut.resolve(InferenceRun.FILE)).exists();
        // from another working directory's point of view the journal's paths are absolute; on another thread count
        Result resumed = run(args[0], "--resume", cut.toString(), "--threads", "1", "--quiet");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        for (String file : files) {
            assertThat(Files.mismatch(cut.resolve(file), whole.resolve(file))).as(file + " differs at byte").isEqualTo(-1L);
        }
        assertThat(resumed.out()).isEqualTo(straight.out());
        assertThat(cut.resolve(InferenceRun.FILE)).doesNotExist();
        assertThat(Files.readString(cut.resolve("manifest.json"))).contains("\"" + args[0] + "\"");
    }

    @Test
    void aKilledCalibrationResumedEndsByteIdenticalToAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        killedAndResumedIsByteIdentical(tmp, CALIBRATE,
                List.of("posterior.csv", "summary.csv", "report.html", "calibrated.yaml", "assurance.txt", "recovery.csv"));
    }

    @Test
    void aKilledSensitivityAnalysisResumedEndsByteIdenticalToAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        killedAndResumedIsByteIdentical(tmp, SENSITIVITY, List.of("sensitivity.csv", "evaluations.csv", "report.html"));
    }

    @Test
    void resumeExplainsWhatItCannotContinue(@TempDir Path tmp) throws Exception {
        Result none = run("calibrate", "--resume", tmp.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("reconsim: --resume " + tmp + ": no checkpoint.journal there (a calibrate run keeps one "
                + "in its output folder until it has finished)\n");

        Path done = tmp.resolve("done");
        Result check = run("check", DUEK, "--targets", TARGETS, "--replicates", "3", "--out", done.toString(), "--quiet");
        assertThat(check.code()).as(check.err()).isZero();
        Result finished = run("check", "--resume", done.toString());
        assertThat(finished.code()).isEqualTo(2);
        assertThat(finished.err()).isEqualTo("reconsim: --resume " + done + ": that run has finished (its manifest.json is there); "
                + "nothing to resume\n");

        Result mixed = run("check", "--resume", done.toString(), "--replicates", "5");
        assertThat(mixed.code()).isEqualTo(2);
        assertThat(mixed.err()).isEqualTo(InferenceOptions.RESUME_ALONE + "\n");

        Path junk = tmp.resolve("junk");
        Files.createDirectories(junk);
        Files.writeString(junk.resolve(InferenceRun.FILE), "not a journal");
        Result bad = run("discriminate", "--resume", junk.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("reconsim: --resume " + junk + ": " + junk.resolve(InferenceRun.FILE) + " cannot be used: "
                + junk.resolve(InferenceRun.FILE) + " ends inside its header\n");

        Result occupied = run("check", DUEK, "--targets", TARGETS, "--out", junk.toString());
        assertThat(occupied.code()).isEqualTo(2);
        assertThat(occupied.err()).isEqualTo("reconsim: --out " + junk + " holds an unfinished reconsim run; choose another folder "
                + "(or leave out --out for a new one under runs/), or pass --force to discard it\n");

        Result missing = run("check", DUEK);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("reconsim: Missing required option: '--targets=FILE'\n");
    }

    @Test
    void aRunOfAnotherCommandOrWithChangedInputsIsNotContinued(@TempDir Path tmp) throws Exception {
        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        Path scenario = tmp.resolve("s.yaml");
        Files.copy(Path.of(DUEK), scenario);
        String[] args = SENSITIVITY.clone();
        args[1] = scenario.toString();
        startAndKill(cut, with(args, "--out", cut.toString(), "--threads", "2"));
        Result other = run("calibrate", "--resume", cut.toString());
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).isEqualTo("reconsim: --resume " + cut + ": that is a sensitivity run; continue it with "
                + "./reconsim sensitivity --resume " + cut + "\n");

        Files.writeString(scenario, Files.readString(scenario).replace("seed: 20210601", "seed: 20210602"));
        Result changed = run("sensitivity", "--resume", cut.toString(), "--quiet");
        assertThat(changed.code()).isEqualTo(2);
        assertThat(changed.err()).isEqualTo("reconsim: --resume " + cut + ": the files the run read have changed since it started "
                + "(scenario, targets or designs); its simulations cannot be continued. Start a new run\n");
        assertThat(cut.resolve(InferenceRun.FILE)).as("the checkpoint is kept").exists();
    }
}
