package org.reconsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.reconsim.results.power.PowerSweep;

/**
 * The checkpoint a power run keeps in its output folder until it has finished, so that a killed
 * run can be continued ({@code power --resume DIR}) to the bytes of an uninterrupted one. The
 * file holds PowerSweep's state after a header with what is needed to rebuild the run: the start
 * time, the run's options in full (absolute scenario path, resolved seed, replicates and sizes,
 * output folder, a posterior's absolute path and the SHA-256 of its content; written as options
 * so that the format stays readable and stable), then the
 * command line as typed (for the manifest).
 */
final class Checkpoint {

    static final String FILE = "checkpoint.bin";

    private final Path dir;
    private final Instant started;
    private final List<String> header;

    private Checkpoint(Path dir, Instant started, List<String> header) {
        this.dir = dir;
        this.started = started;
        this.header = List.copyOf(header);
    }

    /** The checkpoint of a new run in {@code dir}; {@code run} has every default filled in (PowerRequest.resolved). */
    static Checkpoint start(Path dir, Instant started, PowerRequest run) {
        List<String> options = options(run);
        List<String> header = new ArrayList<>();
        header.add(Long.toString(started.toEpochMilli()));
        header.add(Integer.toString(options.size()));
        header.addAll(options);
        header.addAll(run.commandLine());
        return new Checkpoint(dir, started, header);
    }

    /** The checkpoint of the interrupted run in {@code dir}; says why when there is none to continue. */
    static Checkpoint open(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            if (Files.exists(dir.resolve("manifest.json"))) {
                throw new InvalidInputException("reconsim: --resume " + dir + ": that run has finished (its manifest.json is "
                        + "there); nothing to resume");
            }
            throw new InvalidInputException("reconsim: --resume " + dir + ": no " + FILE + " there (a power run writes "
                    + "one into its output folder every few seconds and removes it when done)");
        }
        try {
            List<String> header = PowerSweep.readHeader(file);
            Checkpoint checkpoint = new Checkpoint(dir, Instant.ofEpochMilli(Long.parseLong(header.get(0))), header);
            checkpoint.options();
            return checkpoint;
        } catch (IOException | RuntimeException e) {
            throw unusable(dir, e);
        }
    }

    private static InvalidInputException unusable(Path dir, Exception e) {
        return new InvalidInputException("reconsim: --resume " + dir + ": " + dir.resolve(FILE) + " cannot be used: "
                + e.getMessage());
    }

    Path dir() {
        return dir;
    }

    Instant started() {
        return started;
    }

    /** The command line the run was started with. */
    List<String> commandLine() {
        return header.subList(2 + Integer.parseInt(header.get(1)), header.size());
    }

    private List<String> options() {
        return header.subList(2, 2 + Integer.parseInt(header.get(1)));
    }

    /** The options of a run with every default filled in, as {@link #request} reads them back. */
    private static List<String> options(PowerRequest run) {
        List<String> args = new ArrayList<>(List.of(run.scenario().toAbsolutePath().toString(), "--seed", run.seed().toString(),
                "--replicates", run.replicates().toString(), "--n-per-arm", new SampleSizeList(run.sizes()).toString(),
                "--out", run.out().toAbsolutePath().toString()));
        if (run.targetPower() != null) {
            args.addAll(List.of("--target-power", run.targetPower().toString()));
            SizeFor f = run.sizeFor();
            for (String[] given : new String[][] {{"--contrast", f.contrast()}, {"--endpoint", f.endpoint()}, {"--visit", f.visit()},
                    {"--analysis", f.analysis()}}) {
                if (given[1] != null) {
                    args.addAll(List.of(given[0], given[1]));
                }
            }
        }
        if (run.assurance() != null) {
            for (String text : run.assurance().texts()) {
                args.addAll(List.of("--assurance", text));
            }
            for (String text : run.assurance().correlations()) {
                args.addAll(List.of("--assurance-correlation", text));
            }
        }
        if (run.posterior() != null) {
            // the file's content is the run's as much as the scenario's: a resumed run refuses a changed file
            args.addAll(List.of("--posterior", run.posterior().file().toAbsolutePath().toString(), "--posterior-sha256",
                    java.util.Objects.requireNonNull(run.posterior().sha256(), "a started run has read its posterior")));
        }
        if (run.precision() != null) {
            args.addAll(List.of("--precision", run.precision().toString()));
        }
        if (run.sweep() != null) {
            args.addAll(List.of("--sweep", run.sweep().text()));
        }
        if (run.replicateTable()) {
            args.add("--replicate-table");
        }
        return args;
    }

    /** The run this checkpoint continues, executed as {@code execution} says. */
    PowerRequest request(PowerExecution execution) {
        try {
            List<String> a = options();
            Path scenario = Path.of(a.get(0));
            Long seed = null;
            List<Integer> sizes = null;
            Integer replicates = null;
            Path out = null;
            Double targetPower = null;
            Double precision = null;
            SweepSpec sweep = null;
            List<String> assurance = new ArrayList<>();
            List<String> correlations = new ArrayList<>();
            boolean replicateTable = false;
            Path posterior = null;
            String posteriorSha256 = null;
            String[] sizeFor = new String[4];
            for (int i = 1; i < a.size(); i++) {
                String option = a.get(i);
                if (option.equals("--replicate-table")) {
                    replicateTable = true;
                    continue;
                }
                String value = a.get(++i);
                switch (option) {
                    case "--seed" -> seed = Long.valueOf(value);
                    case "--replicates" -> replicates = Integer.valueOf(value);
                    case "--n-per-arm" -> sizes = SampleSizeList.parse(value).sizes();
                    case "--out" -> out = Path.of(value);
                    case "--target-power" -> targetPower = Double.valueOf(value);
                    case "--precision" -> precision = Double.valueOf(value);
                    case "--sweep" -> sweep = SweepSpec.parse(value);
                    case "--assurance" -> assurance.add(value);
                    case "--assurance-correlation" -> correlations.add(value);
                    case "--posterior" -> posterior = Path.of(value);
                    case "--posterior-sha256" -> posteriorSha256 = value;
                    case "--contrast" -> sizeFor[0] = value;
                    case "--endpoint" -> sizeFor[1] = value;
                    case "--visit" -> sizeFor[2] = value;
                    case "--analysis" -> sizeFor[3] = value;
                    default -> throw new IllegalArgumentException("unknown option '" + option + "'");
                }
            }
            return new PowerRequest(scenario, seed, sizes, replicates, sweep,
                    assurance.isEmpty() ? null : AssuranceSpec.of(assurance, correlations), precision, targetPower, out,
                    replicateTable, execution, commandLine(), posterior == null ? null : new PosteriorInput.Source(posterior,
                    java.util.Objects.requireNonNull(posteriorSha256, "--posterior without its --posterior-sha256")),
                    new SizeFor(sizeFor[0], sizeFor[1], sizeFor[2], sizeFor[3]));
        } catch (RuntimeException e) {
            throw unusable(dir, e);
        }
    }

    /** Brings {@code sweep} to the state this checkpoint holds; refuses when the scenario has changed since. */
    void restore(PowerSweep sweep) {
        try {
            sweep.restore(dir.resolve(FILE));
        } catch (IOException e) {
            throw new InvalidInputException("reconsim: --resume " + dir + ": " + e.getMessage());
        }
    }

    void save(PowerSweep sweep) {
        Path file = dir.resolve(FILE);
        try {
            sweep.writeCheckpoint(file, header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A finished run has no checkpoint: its manifest is what says it is complete. */
    void remove() {
        Path file = dir.resolve(FILE);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }
}
