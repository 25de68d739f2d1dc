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

/** Chooses and creates a run's output folder. */
final class OutputFolder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private OutputFolder() {
    }

    /** {@code requested}, or {@code runs/<scenario>-<command>-<time>/} (with a suffix if taken); created. */
    static Path create(Path requested, String scenario, String command) {
        Path dir = requested;
        if (dir == null) {
            String base = scenario + "-" + command + "-" + LocalDateTime.now().format(STAMP);
            dir = Path.of("runs", base);
            for (int i = 2; Files.exists(dir); i++) {
                dir = Path.of("runs", base + "-" + i);
            }
        }
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new InvalidInputException("reconsim: --out " + dir + " exists and is not a folder");
            }
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new InvalidInputException("reconsim: cannot create output folder " + dir + ": " + e.getMessage());
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
            throw new InvalidInputException("reconsim: cannot lock output folder " + dir + ": " + e.getMessage());
        }
    }
}
