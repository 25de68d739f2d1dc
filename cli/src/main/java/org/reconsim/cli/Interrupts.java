package org.reconsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * What a resumable run does when it is interrupted (Ctrl-C, SIGINT, or SIGTERM): before the JVM
 * exits (with 128 + the signal's number: 130 or 143) it makes its checkpoint as fresh as it can
 * and says on stderr how to continue: {@code reconsim: interrupted; continue with: ./reconsim
 * power --resume DIR}.
 *
 * <p>A JVM shutdown hook runs on its own thread while the run's threads go on, so it must not
 * touch the run's state itself. A power sweep's state is consistent only between replicates, on
 * the thread that receives the results; so the hook asks for a stop and waits (at most
 * {@value #WAIT_SECONDS} s) until that thread reaches its next replicate boundary
 * ({@link #boundary}), where it writes the checkpoint and then stops for good. If no boundary
 * comes in time (a long Spark job), the last checkpoint on disk stands: it is written atomically
 * and the partial replicate table is cut back to its recorded length on resume, so it is always
 * a consistent point to continue from. An inference run's journal is consistent at every moment
 * (each batch is flushed as it is recorded), so its hook does not wait. The hook tells what
 * happened from the files: a checkpoint (continue it), a manifest (the run had just finished:
 * nothing to say), or neither (stopped before its first checkpoint: nothing to resume).
 */
final class Interrupts implements AutoCloseable {

    /** How long the hook waits for a replicate boundary: well inside the 10 s a container's stop grants before SIGKILL. */
    static final int WAIT_SECONDS = 5;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private final String command;
    private final Path dir;
    private final Path checkpoint;
    private final boolean waits;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    private Interrupts(String command, Path dir, Path checkpoint, boolean waits) {
        this.command = command;
        this.dir = dir;
        this.checkpoint = checkpoint;
        this.waits = waits;
        this.hook = new Thread(this::interrupted, "reconsim-interrupt");
    }

    /**
     * Watches a run of {@code command} in {@code dir} until {@link #close}. With
     * {@code waitsForBoundary} the hook waits for the run's next {@link #boundary}.
     */
    static Interrupts watch(String command, Path dir, Path checkpoint, boolean waitsForBoundary) {
        Interrupts watch = new Interrupts(command, dir, checkpoint, waitsForBoundary);
        Runtime.getRuntime().addShutdownHook(watch.hook);
        return watch;
    }

    /** The command that continues the run of {@code command} in {@code dir}, quoted for a POSIX shell where needed. */
    static String resumeCommand(String command, Path dir) {
        String path = dir.toString();
        String quoted = PLAIN.matcher(path).matches() ? path : "'" + path.replace("'", "'\\''") + "'";
        return "./reconsim " + command + " --resume " + quoted;
    }

    /**
     * Called by the run's thread where its state is consistent (between replicates). When an
     * interrupt has asked for a stop, runs {@code save} (close the progress bar, write the
     * checkpoint) and never returns: the JVM is exiting, and nothing after the checkpoint may be
     * written.
     */
    void boundary(Runnable save) {
        if (!requested) {
            return;
        }
        try {
            save.run();
        } finally {
            stopHere();
        }
    }

    /** Tells the hook that this thread is done, and waits for the JVM to halt. */
    private void stopHere() {
        stopped.countDown();
        while (true) {
            LockSupport.park(this);
        }
    }

    private void interrupted() {
        requested = true;
        if (waits) {
            try {
                stopped.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // on a terminal the line starts after the echoed ^C or the progress bar
        String start = Progress.stderrIsTerminal() ? System.lineSeparator() : "";
        if (Files.exists(checkpoint)) {
            System.err.println(start + "reconsim: interrupted; continue with: " + resumeCommand(command, dir));
        } else if (!Files.exists(dir.resolve(PreviousRun.MANIFEST))) {
            // stopped before its first checkpoint: nothing can continue, so nothing that looks like a run stays
            try {
                Files.deleteIfExists(dir.resolve("replicates.csv.partial"));
            } catch (IOException e) {
                // the message below is what matters now
            }
            System.err.println(start + "reconsim: interrupted before the run's first checkpoint; nothing to resume in "
                    + dir);
        }
        System.err.flush();
    }

    /**
     * The run has ended, or is unwinding. During an interrupt it stops here instead: whatever
     * made it unwind then (Spark's own shutdown hook stops its context under a running job) is
     * the interrupt's doing, and the hook's line is what the user needs, not that failure's.
     */
    @Override
    public void close() {
        if (requested) {
            stopHere();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM began shutting down since the check above: the hook runs, and finds the run's files as they are
        }
    }
}
