package org.reconsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Chooses, checks and creates a run's output folder. A new run writes into a folder of its own:
 * a fresh {@code runs/<scenario>-<command>-<time>/}, or the {@code --out} the user names, which
 * must be empty (or not exist). A folder that holds an earlier run is refused, so that two runs'
 * files never mix; {@code --force} replaces the earlier run (deleting exactly the files it wrote,
 * {@link PreviousRun}), but never a folder with files reconsim did not write, nor one a live run
 * holds. Only {@code --resume} continues in a folder that holds something: the unfinished run's.
 */
final class OutputFolder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** What a run may find in its --out. */
    enum Reuse {
        /** A new run: the folder must be empty or new. */
        NEW,
        /** A new run with --force: an earlier run's files go first. */
        FORCE,
        /** --resume: the folder holds the unfinished run this one continues. */
        RESUME;

        static Reuse of(boolean force, boolean resumed) {
            return resumed ? RESUME : force ? FORCE : NEW;
        }
    }

    private OutputFolder() {
    }

    /** A new run's folder: {@link #create(Path, String, String, Reuse)} with {@link Reuse#NEW}. */
    static Path create(Path requested, String scenario, String command) {
        return create(requested, scenario, command, Reuse.NEW);
    }

    /**
     * {@code requested}, or {@code runs/<scenario>-<command>-<time>/} (with a suffix if taken);
     * created, checked to be writable, and refused (exit 2) when it holds what {@code reuse} does
     * not allow.
     */
    static Path create(Path requested, String scenario, String command, Reuse reuse) {
        Path dir = requested;
        if (dir == null) {
            String base = scenario + "-" + command + "-" + LocalDateTime.now().format(STAMP);
            dir = Path.of("runs", base);
            for (int i = 2; Files.exists(dir); i++) {
                dir = Path.of("runs", base + "-" + i);
            }
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidInputException("reconsim: --out " + dir + " exists and is not a folder");
        }
        if (Files.isDirectory(dir) && reuse != Reuse.RESUME) {
            claim(dir, command, reuse == Reuse.FORCE);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidInputException("reconsim: cannot create output folder " + dir + ": " + FileErrors.reason(e));
        }
        try {
            // a folder the user may not write fails here, with the system's reason, not at the first table
            Files.delete(Files.createTempFile(dir, ".reconsim-", ".probe"));
        } catch (IOException e) {
            throw new InvalidInputException("reconsim: cannot write to output folder " + dir + ": " + FileErrors.reason(e));
        }
        return dir;
    }

    /** Makes the existing folder {@code dir} the new run's, or says why it cannot be. */
    private static void claim(Path dir, String command, boolean force) {
        PreviousRun previous;
        try {
            previous = PreviousRun.of(dir);
        } catch (IOException e) {
            throw new InvalidInputException("reconsim: cannot read output folder " + dir + ": " + FileErrors.reason(e));
        }
        if (previous.empty()) {
            return;
        }
        String another = "choose another folder (or leave out --out for a new one under runs/)";
        if (!force) {
            if (previous.unfinished()) {
                String continued = previous.command() == null ? ""
                        : "continue it with " + Interrupts.resumeCommand(previous.command(), dir) + ", ";
                throw new InvalidInputException("reconsim: --out " + dir + " holds an unfinished "
                        + (previous.command() == null ? "reconsim" : previous.command()) + " run; " + continued + another
                        + ", or pass --force to discard it");
            }
            if (previous.isRun()) {
                throw new InvalidInputException("reconsim: --out " + dir + " holds an earlier " + previous.command() + " run; "
                        + another + ", or pass --force to replace it");
            }
            throw new InvalidInputException("reconsim: --out " + dir + " is not empty (it holds " + PreviousRun.some(previous.files())
                    + "); " + another);
        }
        List<Path> foreign = previous.foreign();
        if (!foreign.isEmpty()) {
            throw new InvalidInputException("reconsim: --force: --out " + dir + " holds files no reconsim run wrote ("
                    + PreviousRun.some(foreign) + "); --force replaces only an earlier run's own files: move those, or " + another);
        }
        // a live run's files are not an earlier run's: its lock says so
        try (Lock held = lock(dir, previous.command() == null ? command : previous.command())) {
            previous.delete();
        } catch (IOException e) {
            throw new InvalidInputException("reconsim: --force: cannot remove the earlier run in " + dir + ": " + FileErrors.reason(e));
        }
    }

    /** An exclusive hold on an output folder for one running command; closing (or the process dying) releases it. */
    static final class Lock implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release " + file, e);
            }
        }
    }

    /**
     * Takes {@code dir/run.lock}, an operating-system file lock, so that a second run or resume
     * in the same folder is refused while this one lives; the lock dies with its process, so a
     * killed run can be resumed.
     */
    static Lock lock(Path dir, String command) {
        Path file = dir.resolve("run.lock");
        try {
            FileChannel channel = FileChannel.open(file,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new InvalidInputException("reconsim: " + dir + " is in use by another reconsim " + command + " run");
            }
            return new Lock(file, channel, lock);
        } catch (IOException e) {
            throw new InvalidInputException("reconsim: cannot lock output folder " + dir + ": " + FileErrors.reason(e));
        }
    }
}
