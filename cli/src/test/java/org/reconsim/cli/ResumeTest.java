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
 * {@code power --resume}: a run killed (SIGKILL, no chance to clean up) at some moment and
 * continued gives the same bytes as a run never interrupted.
 */
class ResumeTest {

    private static final String[] RUN = {"power", DUEK, "--n-per-arm", "10,30", "--replicates", "2500", "--sweep",
        "mechanisms.restabilization_blockade.k_block=0.5,1", "--seed", "11", "--replicate-table", "--quiet"};

    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Starts the command in its own JVM, waits until it has checkpointed past {@code minBytes}, and kills it. */
    static void startAndKill(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ReconsimCommand.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "../child.log"))
                .start();
        Path checkpoint = dir.resolve(Checkpoint.FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(checkpoint) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(150);
        assertThat(p.isAlive()).as("the run must still be going when it is killed: make it longer").isTrue();
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aKilledRunResumedTwiceEndsByteIdenticalToAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        Path whole = tmp.resolve("whole");
        Result straight = run(with(RUN, "--out", whole.toString()));
        assertThat(straight.code()).as(straight.err()).isZero();
        assertThat(whole.resolve(Checkpoint.FILE)).doesNotExist();

        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        startAndKill(cut, with(RUN, "--out", cut.toString(), "--threads", "2", "--checkpoint-seconds", "0.05"));
        // nothing that looks finished was left behind
        assertThat(cut.resolve("power.csv")).doesNotExist();
        assertThat(cut.resolve("manifest.json")).doesNotExist();
        assertThat(cut.resolve(Checkpoint.FILE)).exists();
        // killed again while resuming, on another thread count
        startAndKill(cut, "power", "--resume", cut.toString(), "--threads", "1", "--checkpoint-seconds", "0.05", "--quiet");
        Result resumed = run("power", "--resume", cut.toString(), "--threads", "2", "--quiet");
        assertThat(resumed.code()).as(resumed.err()).isZero();

        assertThat(Files.readAllBytes(cut.resolve("power.csv"))).isEqualTo(Files.readAllBytes(whole.resolve("power.csv")));
        assertThat(Files.readAllBytes(cut.resolve("report.html"))).isEqualTo(Files.readAllBytes(whole.resolve("report.html")));
        assertThat(Files.readAllBytes(cut.resolve("replicates.csv"))).isEqualTo(Files.readAllBytes(whole.resolve("replicates.csv")));
        assertThat(cut.resolve("replicates.csv.partial")).doesNotExist();
        assertThat(resumed.out()).isEqualTo(straight.out());
        assertThat(cut.resolve(Checkpoint.FILE)).doesNotExist();
        // the manifest records the command as first typed
        assertThat(Files.readString(cut.resolve("manifest.json"))).contains("\"--checkpoint-seconds\", \"0.05\"")
                .contains("\"k_block=0.5,1\"".replace("k_block", "mechanisms.restabilization_blockade.k_block"));
    }

    /** With a joint prior (continuous and discrete, correlated) each trial's draws and truth survive the kill too. */
    @Test
    void aKilledAssuranceRunResumedEndsByteIdenticalToAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        String[] assurance = {"power", DUEK, "--n-per-arm", "6", "--replicates", "150", "--assurance",
            "mechanisms.restabilization_blockade.k_block=loguniform(0.01,1)", "--assurance",
            "mechanisms.active=discrete(restabilization-blockade:0.5,plasticity-window:0.25,null:0.25)", "--assurance-correlation",
            "mechanisms.restabilization_blockade.k_block,mechanisms.active=-0.3", "--seed", "5", "--replicate-table", "--quiet"};
        Path whole = tmp.resolve("whole");
        Result straight = run(with(assurance, "--out", whole.toString(), "--threads", "1"));
        assertThat(straight.code()).as(straight.err()).isZero();
        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        startAndKill(cut, with(assurance, "--out", cut.toString(), "--threads", "2", "--checkpoint-seconds", "0.05"));
        Result resumed = run("power", "--resume", cut.toString(), "--threads", "2", "--quiet");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        for (String file : List.of("power.csv", "report.html", "replicates.csv")) {
            assertThat(Files.readAllBytes(cut.resolve(file))).as(file).isEqualTo(Files.readAllBytes(whole.resolve(file)));
        }
    }

    /**
     * Under a posterior each trial's particle and truth survive the kill too; the checkpoint pins
     * the posterior's content, so a file edited since is refused rather than mixed in.
     */
    @Test
    void aKilledPosteriorRunResumedEndsByteIdenticalAndAnEditedPosteriorIsRefused(@TempDir Path tmp) throws Exception {
        Path posterior = tmp.resolve("posterior.csv");
        StringBuilder csv = new StringBuilder("generation,particle,hypothesis,weight,distance,pharmacology.occupancy.ki_micromolar,"
                + "mechanisms.restabilization_blockade.k_block\n");
        String[] hypotheses = {"null", "restabilization-blockade", "plasticity-window"};
        for (int i = 0; i < 30; i++) {
            csv.append("1,").append(i).append(',').append(hypotheses[i % 3]).append(',').append(i % 7 + 1).append(",0.5,")
                    .append(0.1 + 0.3 * i).append(',').append(0.05 + i % 10 / 10.0).append('\n');
        }
        Files.writeString(posterior, csv);
        String[] run = {"power", DUEK, "--n-per-arm", "6", "--replicates", "1500", "--posterior", posterior.toString(), "--seed",
            "5", "--replicate-table", "--quiet"};
        Path whole = tmp.resolve("whole");
        Result straight = run(with(run, "--out", whole.toString(), "--threads", "1"));
        assertThat(straight.code()).as(straight.err()).isZero();
        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        startAndKill(cut, with(run, "--out", cut.toString(), "--threads", "2", "--checkpoint-seconds", "0.05"));
        Result resumed = run("power", "--resume", cut.toString(), "--threads", "2", "--quiet");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        for (String file : List.of("power.csv", "report.html", "replicates.csv")) {
            assertThat(Files.readAllBytes(cut.resolve(file))).as(file).isEqualTo(Files.readAllBytes(whole.resolve(file)));
        }

        Path edited = tmp.resolve("edited");
        Files.createDirectories(edited);
        startAndKill(edited, with(run, "--out", edited.toString(), "--checkpoint-seconds", "0.05"));
        String before = PosteriorInput.sha256(Files.readAllBytes(posterior));
        Files.writeString(posterior, csv.toString().replace("\n1,0,null,1,", "\n1,0,null,2,"));
        Result refused = run("power", "--resume", edited.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("reconsim: --posterior " + posterior.toAbsolutePath() + ": the file has changed since "
                + "the run's checkpoint was written (sha256 " + before + " then, " + PosteriorInput.sha256(Files.readAllBytes(posterior))
                + " now)\n");
    }

    @Test
    void resumeExplainsWhatItCannotContinue(@TempDir Path tmp) throws Exception {
        Result none = run("power", "--resume", tmp.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("reconsim: --resume " + tmp + ": no checkpoint.bin there (a power run writes one into "
                + "its output folder every few seconds and removes it when done)\n");

        Path done = tmp.resolve("done");
        assertThat(run("power", DUEK, "--replicates", "5", "--out", done.toString(), "--quiet").code()).isZero();
        Result finished = run("power", "--resume", done.toString());
        assertThat(finished.code()).isEqualTo(2);
        assertThat(finished.err()).isEqualTo("reconsim: --resume " + done + ": that run has finished (its manifest.json is there); "
                + "nothing to resume\n");

        Result mixed = run("power", DUEK, "--resume", done.toString());
        assertThat(mixed.code()).isEqualTo(2);
        assertThat(mixed.err()).isEqualTo("reconsim: --resume continues a run with the options it started with; only --threads, "
                + "--engine, --partitions, --quiet and --progress may be given with it\n");

        Path junk = tmp.resolve("junk");
        Files.createDirectories(junk);
        Files.writeString(junk.resolve(Checkpoint.FILE), "not a checkpoint");
        Result bad = run("power", "--resume", junk.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("reconsim: --resume " + junk + ": " + junk.resolve(Checkpoint.FILE)
                + " cannot be used: not a reconsim power checkpoint\n");

        Result occupied = run("power", DUEK, "--out", junk.toString());
        assertThat(occupied.code()).isEqualTo(2);
        assertThat(occupied.err()).isEqualTo("reconsim: --out " + junk + " holds an unfinished power run; continue it with "
                + "./reconsim power --resume " + junk + ", choose another folder (or leave out --out for a new one under runs/), "
                + "or pass --force to discard it\n");
    }

    @Test
    void aFolderInUseByARunningPowerRunIsRefused(@TempDir Path tmp) throws Exception {
        Path busy = tmp.resolve("busy");
        Files.createDirectories(busy);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(busy.resolve("run.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = ch.lock()) {
            Result r = run("power", DUEK, "--replicates", "5", "--out", busy.toString(), "--quiet");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("reconsim: " + busy + " is in use by another reconsim power run\n");
            assertThat(busy.resolve("power.csv")).doesNotExist();
        }
        Result free = run("power", DUEK, "--replicates", "5", "--out", busy.toString(), "--quiet");
        assertThat(free.code()).as(free.err()).isZero();
        assertThat(busy.resolve("run.lock")).doesNotExist();
    }

    @Test
    void resumeRefusesAScenarioEditedSinceTheCheckpoint(@TempDir Path tmp) throws Exception {
        Path scenario = tmp.resolve("s.yaml");
        Files.copy(Path.of(DUEK), scenario);
        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        startAndKill(cut, "power", scenario.toString(), "--n-per-arm", "40", "--replicates", "20000", "--out", cut.toString(),
                "--checkpoint-seconds", "0.05", "--quiet");
        Files.writeString(scenario, Files.readString(scenario).replace("seed: 20210601", "seed: 20210602"));
        Result r = run("power", "--resume", cut.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("reconsim: --resume " + cut + ": the scenario has changed since the checkpoint was written\n");
    }
}
