package org.reconsim.results.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A UTF-8 text file written to {@code <name>.partial} and renamed into place by
 * {@link #commit()}; closed without a commit, the partial file is removed. So an interrupted run
 * never leaves a truncated file under a name that looks finished. The tables (CsvTable) and the
 * BIDS files appended to subject by subject write through it.
 */
public final class PartialFile implements AutoCloseable {

    private final Path target;
    private final Path partial;
    private final BufferedWriter out;
    private boolean committed;

    /** Opens {@code target}'s partial file; its folder must exist. */
    public PartialFile(Path target) {
        this.target = target;
        this.partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            this.out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The writer the content goes to. */
    public Writer writer() {
        return out;
    }

    public void append(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the file and renames it into place. */
    public void commit() {
        try {
            out.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Without a commit, removes the partial file. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            out.close();
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
