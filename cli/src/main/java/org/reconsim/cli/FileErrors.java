package org.reconsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * File-system failures in the words of the operating system: a full disk, a read-only file system
 * or a folder the user may not write are problems the user fixes, so they are reported as
 * {@code reconsim: cannot write PATH: Permission denied} with exit code 2, never as an internal
 * error. java.nio reports most of them as a {@link FileSystemException} whose reason is the C
 * library's {@code strerror} text (or, for a few errno values, as a subclass without a reason);
 * a failing {@code write(2)} (ENOSPC) arrives as a plain {@link IOException} whose message is
 * that text.
 */
final class FileErrors {

    private FileErrors() {
    }

    /** The operating system's reason for {@code e}, e.g. "Permission denied" or "No space left on device". */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        // the subclasses java.nio throws for these errno values carry the file but no reason
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof FileSystemException) {
            return "input/output error";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** {@code reconsim: cannot VERB PATH: REASON}, naming the file the failure names when it is a more precise one. */
    static InvalidInputException cannot(String verb, Path path, IOException e) {
        return new InvalidInputException("reconsim: cannot " + verb + " " + named(path, e) + ": " + reason(e));
    }

    private static String named(Path path, IOException e) {
        return e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : String.valueOf(path);
    }

    /**
     * The one line for a file-system failure somewhere in {@code failure}'s causes, or null when
     * there is none: the safety net for writers that throw {@link UncheckedIOException} (results/)
     * below the commands. {@code out} is the run's output folder when known: the file a failure
     * names is said to be written when it lies in that folder (or in runs/), else accessed.
     */
    static String line(Throwable failure, Path out) {
        IOException io = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException e) {
                io = e;
                if (e instanceof FileSystemException) {
                    break;
                }
            }
        }
        if (io == null) {
            return null;
        }
        if (io instanceof FileSystemException fs && fs.getFile() != null) {
            Path file = Path.of(fs.getFile());
            boolean output = file.startsWith(Path.of("runs")) || out != null
                    && file.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize());
            return "reconsim: cannot " + (output ? "write " : "access ") + fs.getFile() + ": " + reason(io);
        }
        return "reconsim: cannot write the run's outputs" + (out == null ? "" : " in " + out) + ": " + reason(io);
    }
}
