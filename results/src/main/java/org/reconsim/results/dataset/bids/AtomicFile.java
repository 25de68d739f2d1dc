package org.reconsim.results.dataset.bids;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.reconsim.results.dataset.PartialFile;

/**
 * Writes a file to {@code <name>.partial} and renames it into place, as {@code CsvTable} and
 * {@code RunManifest} do: an interrupted export never leaves a truncated file under a BIDS name,
 * where a validator or pipeline would take it for data.
 */
final class AtomicFile {

    /** The body of a file write, which may throw IOException. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    static void write(Path file, Body body) {
        Path tmp = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    static void writeText(Path file, String text) {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A text file written row by row to {@code <name>.partial} and renamed into place on commit
     * ({@link PartialFile}), its folder created first. For the tables a dataset appends to subject
     * by subject (participants.tsv, the derivatives).
     */
    static PartialFile appending(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PartialFile(file);
    }
}
