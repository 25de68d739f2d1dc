package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.reconsim.cli.CommandLineTest.DUEK;
import static org.reconsim.cli.CommandLineTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.cli.CommandLineTest.Result;

/**
 * The output folder as a user meets it: a run writes only into an empty or new folder, --force
 * replaces an earlier run's files and nothing else, and a folder that cannot be created or
 * written is one line in the operating system's words with exit code 2, in every command that
 * writes.
 */
class OutputFolderTest {

    private static final String TARGETS = Path.of("..", "scenarios", "targets", "duek-2021.yaml").toString();
    private static final String TIMING = Path.of("..", "scenarios", "timing-3arm.yaml").toString();
    private static final String ANOTHER = "choose another folder (or leave out --out for a new one under runs/)";

    /** Every command that writes a folder, with options that make it quick. */
    private static final List<List<String>> WRITING = List.of(
            List.of("power", DUEK, "--replicates", "3"),
            List.of("run", DUEK),
            List.of("generate", DUEK, "--n-per-arm", "2"),
            List.of("pk", DUEK, "--subjects", "10"),
            List.of("phenomena", "--dir", Path.of("..", "scenarios", "phenomena").toString(), "--model", "two-trace", "--mechanisms",
                    "null"),
            List.of("check", DUEK, "--targets", TARGETS, "--replicates", "2"),
            List.of("calibrate", DUEK, "--targets", TARGETS, "--free", "pharmacology.occupancy.ki_micromolar=loguniform(0.3,5)",
                    "--particles", "4", "--generations", "1", "--budget", "8"),
            List.of("discriminate", DUEK, "--design", TIMING, "--hypotheses", "null,restabilization-blockade", "--n-per-arm", "6",
                    "--replicates", "2", "--training", "2"),
            List.of("sensitivity", DUEK, "--vary", "mechanisms.restabilization_blockade.k_block=uniform(0,1)", "--samples", "2",
                    "--replicates", "2", "--bootstrap", "2"));

    private static String[] args(List<String> command, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        all.add("--quiet");
        return all.toArray(String[]::new);
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void everyWritingCommandRefusesAFolderThatCannotBeCreatedInOneLine(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        for (List<String> command : WRITING) {
            Result r = run(args(command, "--out", file.resolve("out").toString()));
            assertThat(r.code()).as(command.get(0) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(command.get(0)).isEqualTo("reconsim: cannot create output folder " + file.resolve("out")
                    + ": Not a directory\n");
        }
        assertThat(files(tmp)).containsExactly("a-file");
    }

    @Test
    void everyWritingCommandRefusesAFolderWithSomeoneElsesFilesAndLeavesItAlone(@TempDir Path tmp) throws Exception {
        Path mine = tmp.resolve("mine");
        Files.createDirectories(mine.resolve("notes"));
        Files.writeString(mine.resolve("notes/ideas.txt"), "keep me");
        Files.writeString(mine.resolve("power.csv"), "my own table, not reconsim's");
        for (List<String> command : WRITING) {
            Result r = run(args(command, "--out", mine.toString()));
            assertThat(r.code()).as(command.get(0) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(command.get(0)).isEqualTo("reconsim: --out " + mine + " is not empty (it holds "
                    + Path.of("notes", "ideas.txt") + ", power.csv); " + ANOTHER + "\n");
            Result forced = run(args(command, "--out", mine.toString(), "--force"));
            assertThat(forced.code()).as(command.get(0) + ": " + forced.err()).isEqualTo(2);
            assertThat(forced.err()).as(command.get(0)).isEqualTo("reconsim: --force: --out " + mine + " holds files no reconsim run "
                    + "wrote (" + Path.of("notes", "ideas.txt") + ", power.csv); --force replaces only an earlier run's own files: "
                    + "move those, or " + ANOTHER + "\n");
        }
        assertThat(files(mine)).containsExactly(Path.of("notes", "ideas.txt").toString(), "power.csv");
        assertThat(Files.readString(mine.resolve("power.csv"))).isEqualTo("my own table, not reconsim's");
    }

    @Test
    void anEarlierRunIsRefusedAndWithForceReplacedWhole(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        Result first = run("power", DUEK, "--replicates", "3", "--seed", "1", "--replicate-table", "--out", dir.toString(), "--quiet");
        assertThat(first.code()).as(first.err()).isZero();
        String firstManifest = Files.readString(dir.resolve("manifest.json"));

        Result again = run("power", DUEK, "--replicates", "3", "--seed", "2", "--out", dir.toString(), "--quiet");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("reconsim: --out " + dir + " holds an earlier power run; " + ANOTHER
                + ", or pass --force to replace it\n");
        assertThat(Files.readString(dir.resolve("manifest.json"))).isEqualTo(firstManifest);

        // another command replaces it too, and no file of the earlier run stays to be mistaken for the new one's
        Result forced = run("pk", DUEK, "--subjects", "10", "--out", dir.toString(), "--force", "--quiet");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(files(dir)).containsExactly("manifest.json", "pk.csv", "pk.svg");
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"command\" : \"pk\"");

        // a BIDS dataset's folders go with its files
        Result bids = run("generate", DUEK, "--n-per-arm", "2", "--format", "bids", "--out", dir.toString(), "--force", "--quiet");
        assertThat(bids.code()).as(bids.err()).isZero();
        Result csv = run("generate", DUEK, "--n-per-arm", "2", "--out", dir.toString(), "--force", "--quiet");
        assertThat(csv.code()).as(csv.err()).isZero();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(Files::isDirectory).toList()).as("the BIDS subject folders").isEmpty();
        }
        Path alone = tmp.resolve("alone");
        assertThat(run("generate", DUEK, "--n-per-arm", "2", "--out", alone.toString(), "--quiet").code()).isZero();
        assertThat(files(dir)).isEqualTo(files(alone));
    }

    @Test
    void forceDoesNotTouchAFolderALiveRunHolds(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        assertThat(run("pk", DUEK, "--subjects", "10", "--out", dir.toString(), "--quiet").code()).isZero();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir.resolve("run.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = ch.lock()) {
            Result r = run("pk", DUEK, "--subjects", "10", "--out", dir.toString(), "--force", "--quiet");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("reconsim: " + dir + " is in use by another reconsim pk run\n");
            assertThat(files(dir)).containsExactly("manifest.json", "pk.csv", "pk.svg", "run.lock");
        }
    }

    /**
     * Root may write anywhere; without the capability to override file permissions
     * (setpriv, util-linux) it meets them as any user does.
     */
    @Test
    void aFolderTheUserMayNotWriteIsAUserErrorInTheSystemsWords(@TempDir Path tmp) throws Exception {
        List<String> unprivileged = List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search");
        ChildRun probe = ChildRun.start(tmp, tmp.resolve("probe"), unprivileged, "--version");
        assumeThat(probe.waitFor(120)).as("setpriv is available").isZero();

        Path locked = tmp.resolve("locked");
        Files.createDirectories(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            for (String[] command : List.of(new String[] {"pk", DUEK, "--subjects", "10"},
                    new String[] {"power", DUEK, "--replicates", "3"})) {
                ChildRun inside = ChildRun.start(Path.of("").toAbsolutePath(), tmp.resolve(command[0] + "-inside"), unprivileged,
                        with(command, "--out", locked.toString()));
                assertThat(inside.waitFor(300)).as(inside.err()).isEqualTo(2);
                assertThat(inside.err()).isEqualTo("reconsim: cannot write to output folder " + locked + ": Permission denied\n");

                ChildRun below = ChildRun.start(Path.of("").toAbsolutePath(), tmp.resolve(command[0] + "-below"), unprivileged,
                        with(command, "--out", locked.resolve("sub").toString()));
                assertThat(below.waitFor(300)).as(below.err()).isEqualTo(2);
                assertThat(below.err()).isEqualTo("reconsim: cannot create output folder " + locked.resolve("sub")
                        + ": Permission denied\n");
            }
            assertThat(files(locked)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        all.add("--quiet");
        return all.toArray(String[]::new);
    }
}
