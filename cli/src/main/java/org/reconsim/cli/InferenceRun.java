package org.reconsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.reconsim.results.evaluation.EvaluationEngine;
import org.reconsim.results.evaluation.Journal;

/**
 * One inference run's engine and checkpoint. The engine is the one the command names
 * ({@link Engines}); between the run and the engine sits the run's {@link Journal}, kept in its
 * output folder as {@value #FILE} until the run has written everything, so a run killed at any
 * moment continues with {@code --resume DIR} to the bytes of an uninterrupted one. A new run
 * refuses a folder that holds an unfinished one (it can still be resumed).
 */
final class InferenceRun implements AutoCloseable {

    static final String FILE = "checkpoint.journal";

    private final OutputFolder.Lock lock;
    private final Journal journal;
    private final EvaluationEngine engine;
    private final String description;
    /** Says on Ctrl-C how to continue: the journal is consistent at every moment, so there is nothing to save first. */
    private final Interrupts interrupts;
    private boolean finished;

    private InferenceRun(OutputFolder.Lock lock, Journal journal, EvaluationEngine engine, String description, Interrupts interrupts) {
        this.lock = lock;
        this.journal = journal;
        this.engine = engine;
        this.description = description;
        this.interrupts = interrupts;
    }

    /**
     * The run of {@code command} in {@code out} (created): a new journal, or, when {@code how}
     * resumes, the folder's journal, refused if it belongs to another command or if what the run
     * read has changed since ({@code identity}: digests of the scenario, targets, designs).
     */
    static InferenceRun open(Path out, String command, InferenceExecution how, int threads, List<String> identity) {
        Path file = out.resolve(FILE);
        OutputFolder.Lock lock = OutputFolder.lock(out, command);
        // watching before the journal exists, so that no interrupt goes unanswered once the folder is this run's
        Interrupts interrupts = Interrupts.watch(command, out, file, false);
        Journal journal;
        try {
            if (how.resumed()) {
                Journal.Header header = header(out, command);
                if (!header.identity().equals(identity)) {
                    throw new InvalidInputException("reconsim: --resume " + out + ": the files the run read have changed since it "
                            + "started (scenario, targets or designs); its simulations cannot be continued. Start a new run");
                }
                journal = Journal.open(file);
            } else {
                if (Files.exists(file)) {
                    throw new InvalidInputException("reconsim: --out " + out + " holds an unfinished " + command + " run; continue it "
                            + "with " + Interrupts.resumeCommand(command, out) + " or choose another folder");
                }
                List<String> args = new ArrayList<>(how.arguments());
                args.addAll(List.of("--out", out.toAbsolutePath().normalize().toString()));
                journal = Journal.create(file, new Journal.Header(command, Instant.now().toEpochMilli(), args, identity));
            }
        } catch (IOException e) {
            interrupts.close();
            lock.close();
            throw new InvalidInputException("reconsim: cannot keep the checkpoint " + file + ": " + FileErrors.reason(e));
        } catch (RuntimeException e) {
            interrupts.close();
            lock.close();
            throw e;
        }
        EvaluationEngine engine;
        try {
            engine = Engines.evaluation(how.engine(), how.partitions(), threads);
        } catch (RuntimeException e) {
            closeQuietly(journal);
            interrupts.close();
            lock.close();
            throw e;
        }
        return new InferenceRun(lock, journal, journal.over(engine), engine.describe(), interrupts);
    }

    /** The header of the journal in {@code dir}, checked to be a run of {@code command}; says why when there is none. */
    static Journal.Header header(Path dir, String command) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            if (Files.exists(dir.resolve("manifest.json"))) {
                throw new InvalidInputException("reconsim: --resume " + dir + ": that run has finished (its manifest.json is there); "
                        + "nothing to resume");
            }
            throw new InvalidInputException("reconsim: --resume " + dir + ": no " + FILE + " there (a " + command + " run keeps one "
                    + "in its output folder until it has finished)");
        }
        Journal.Header header;
        try {
            header = Journal.readHeader(file);
        } catch (IOException e) {
            throw new InvalidInputException("reconsim: --resume " + dir + ": " + file + " cannot be used: " + e.getMessage());
        }
        if (!header.command().equals(command)) {
            throw new InvalidInputException("reconsim: --resume " + dir + ": that is a " + header.command() + " run; continue it with "
                    + Interrupts.resumeCommand(header.command(), dir));
        }
        return header;
    }

    /** The sha256 of a file's bytes, for a run's identity; the file was read before, so failing to read it now is a user error. */
    static String sha256(Path file) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw new InvalidInputException("reconsim: cannot read " + file + ": " + e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Where the simulations run, behind the journal. */
    EvaluationEngine engine() {
        return engine;
    }

    /** The engine as the manifest names it, e.g. {@code local (2 threads)}. */
    String describe() {
        return description;
    }

    /** When the run first started (a resumed run: when the interrupted one did). */
    Instant started() {
        return Instant.ofEpochMilli(journal.header().started());
    }

    /** Batches answered from the journal rather than simulated (0 for a new run). */
    long replayable() {
        return journal.replayable();
    }

    /** The run has written all its outputs: its checkpoint goes (the manifest says it is complete). */
    void finish() {
        closeQuietly(journal);
        try {
            Files.deleteIfExists(journal.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + journal.file(), e);
        }
        finished = true;
    }

    @Override
    public void close() {
        interrupts.close();
        try {
            if (!finished) {
                closeQuietly(journal);
            }
            engine.close();
        } finally {
            lock.close();
        }
    }

    private static void closeQuietly(Journal journal) {
        try {
            journal.close();
        } catch (IOException e) {
            // the journal's records are flushed as they are written: nothing is lost by a failing close
        }
    }
}
