package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.reconsim.cli.CommandLineTest.DUEK;
import static org.reconsim.cli.CommandLineTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.cli.CommandLineTest.Result;

/**
 * Ctrl-C (SIGINT) and SIGTERM in a real child JVM: a power run leaves a checkpoint, even when
 * interrupted in its first moments, says how to continue, exits 128 + the signal's number, and
 * its --resume ends byte-identical to an uninterrupted run; an inference run says how to
 * continue too.
 */
class InterruptTest {

    private static final String[] POWER = {"power", DUEK, "--n-per-arm", "10,30", "--replicates", "1500", "--seed", "11",
        "--replicate-table", "--quiet"};
    private static final List<String> FILES = List.of("power.csv", "report.html", "replicates.csv");

    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static Path here() {
        return Path.of("").toAbsolutePath();
    }

    private static void awaitFile(ChildRun child, Path file) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.exists(file) && child.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(child.process().isAlive()).as("the run must still be going when it is interrupted: make it longer").isTrue();
    }

    private static void assertSameOutputs(Path whole, Path cut) throws Exception {
        for (String file : FILES) {
            assertThat(Files.readAllBytes(cut.resolve(file))).as(file).isEqualTo(Files.readAllBytes(whole.resolve(file)));
        }
        assertThat(cut.resolve(Checkpoint.FILE)).doesNotExist();
        assertThat(cut.resolve("replicates.csv.partial")).doesNotExist();
    }

    @Test
    void ctrlCInThePowerRunsFirstMomentLeavesACheckpointAndTheResumeCommand(@TempDir Path tmp) throws Exception {
        assumeThat(ChildRun.defaultSignalWorks()).as("env --default-signal (a child started from a background job ignores SIGINT)")
                .isTrue();
        Path cut = tmp.resolve("cut");
        ChildRun child = ChildRun.start(here(), tmp.resolve("child"), List.of(), with(POWER, "--out", cut.toString(), "--threads", "2"));
        // the first checkpoint is written before the first replicate: interrupt the moment it appears
        awaitFile(child, cut.resolve(Checkpoint.FILE));
        child.signal("INT");
        assertThat(child.waitFor(120)).as(child.err()).isEqualTo(130);
        assertThat(child.err()).isEqualTo("reconsim: interrupted; continue with: ./reconsim power --resume " + cut + "\n");
        assertThat(cut.resolve(Checkpoint.FILE)).exists();
        assertThat(cut.resolve("power.csv")).as("nothing that looks finished").doesNotExist();
        assertThat(cut.resolve("manifest.json")).doesNotExist();
        assertThat(cut.resolve("replicates.csv")).doesNotExist();

        Result resumed = run("power", "--resume", cut.toString(), "--threads", "1", "--quiet");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        Path whole = tmp.resolve("whole");
        Result straight = run(with(POWER, "--out", whole.toString()));
        assertThat(straight.code()).as(straight.err()).isZero();
        assertSameOutputs(whole, cut);
        assertThat(resumed.out()).isEqualTo(straight.out());
    }

    /**
     * SIGTERM (Process.destroy) midway; the interrupted run's folder then becomes read-only, and
     * the resume that cannot write its checkpoint is a user error naming the file, not an internal
     * error; writable again, it completes.
     */
    @Test
    void sigtermMidwayIsResumedByteIdenticalAndAReadOnlyFolderIsAUserError(@TempDir Path tmp) throws Exception {
        Path cut = tmp.resolve("cut");
        ChildRun child = ChildRun.start(here(), tmp.resolve("child"), List.of(),
                with(POWER, "--out", cut.toString(), "--threads", "2", "--checkpoint-seconds", "0.05"));
        Path checkpoint = cut.resolve(Checkpoint.FILE);
        awaitFile(child, checkpoint);
        FileTime first = Files.getLastModifiedTime(checkpoint);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (Files.getLastModifiedTime(checkpoint).equals(first) && child.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(child.process().isAlive()).as("the run must still be going when it is stopped: make it longer").isTrue();
        child.process().destroy();
        assertThat(child.waitFor(120)).as(child.err()).isEqualTo(143);
        assertThat(child.err()).isEqualTo("reconsim: interrupted; continue with: ./reconsim power --resume " + cut + "\n");
        assertThat(checkpoint).exists();

        List<String> unprivileged = List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search");
        ChildRun probe = ChildRun.start(here(), tmp.resolve("probe"), unprivileged, "--version");
        if (probe.waitFor(120) == 0) {
            Files.setPosixFilePermissions(cut, PosixFilePermissions.fromString("r-xr-xr-x"));
            try {
                ChildRun readOnly = ChildRun.start(here(), tmp.resolve("read-only"), unprivileged,
                        "power", "--resume", cut.toString(), "--quiet");
                assertThat(readOnly.waitFor(300)).as(readOnly.err()).isEqualTo(2);
                assertThat(readOnly.err()).isEqualTo("reconsim: cannot write " + cut.resolve(Checkpoint.FILE + ".tmp")
                        + ": Permission denied\n");
            } finally {
                Files.setPosixFilePermissions(cut, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }

        Result resumed = run("power", "--resume", cut.toString(), "--threads", "2", "--quiet");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        Path whole = tmp.resolve("whole");
        assertThat(run(with(POWER, "--out", whole.toString())).code()).isZero();
        assertSameOutputs(whole, cut);
    }

    @Test
    void ctrlCInAnInferenceRunSaysHowToContinue(@TempDir Path tmp) throws Exception {
        assumeThat(ChildRun.defaultSignalWorks()).as("env --default-signal").isTrue();
        String[] sensitivity = {"sensitivity", DUEK, "--vary", "pharmacology.occupancy.ki_micromolar=loguniform(0.3,5)",
            "--vary", "mechanisms.restabilization_blockade.k_block=uniform(0,1)", "--samples", "16", "--replicates", "8",
            "--bootstrap", "50", "--seed", "3", "--quiet"};
        Path cut = tmp.resolve("cut");
        ChildRun child = ChildRun.start(here(), tmp.resolve("child"), List.of(), with(sensitivity, "--out", cut.toString(),
                "--threads", "2"));
        awaitFile(child, cut.resolve(InferenceRun.FILE));
        child.signal("INT");
        assertThat(child.waitFor(120)).as(child.err()).isEqualTo(130);
        assertThat(child.err()).isEqualTo("reconsim: interrupted; continue with: ./reconsim sensitivity --resume " + cut + "\n");

        Result resumed = run("sensitivity", "--resume", cut.toString(), "--quiet");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        Path whole = tmp.resolve("whole");
        assertThat(run(with(sensitivity, "--out", whole.toString())).code()).isZero();
        assertThat(Files.readAllBytes(cut.resolve("sensitivity.csv"))).isEqualTo(Files.readAllBytes(whole.resolve("sensitivity.csv")));
    }
}
