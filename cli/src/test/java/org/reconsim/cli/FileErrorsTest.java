package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The operating system's reasons as java.nio delivers them: a {@link FileSystemException} with
 * the strerror text as its reason (EROFS, ENOSPC on open, ENOTDIR), a reason-less subclass for
 * EACCES and ENOENT, and a plain IOException whose message is the text for a failing write(2).
 */
class FileErrorsTest {

    @Test
    void theReasonIsTheSystemsText() {
        assertThat(FileErrors.reason(new AccessDeniedException("/data/run"))).isEqualTo("Permission denied");
        assertThat(FileErrors.reason(new NoSuchFileException("/data/run"))).isEqualTo("No such file or directory");
        assertThat(FileErrors.reason(new FileSystemException("/mnt/cd/run", null, "Read-only file system")))
                .isEqualTo("Read-only file system");
        assertThat(FileErrors.reason(new IOException("No space left on device"))).isEqualTo("No space left on device");
    }

    @Test
    void cannotNamesTheFileTheFailureNames() {
        assertThat(FileErrors.cannot("write", Path.of("out"), new AccessDeniedException("out/power.csv")).getMessage())
                .isEqualTo("reconsim: cannot write out/power.csv: Permission denied");
        assertThat(FileErrors.cannot("write", Path.of("out/power.csv"), new IOException("No space left on device")).getMessage())
                .isEqualTo("reconsim: cannot write out/power.csv: No space left on device");
    }

    @Test
    void theSafetyNetFindsTheFileSystemFailureBehindAWritersException() {
        Path out = Path.of("/data/run");
        RuntimeException writer = new UncheckedIOException(new FileSystemException("/data/run/power.csv.partial", null,
                "No space left on device"));
        assertThat(FileErrors.line(writer, out)).isEqualTo("reconsim: cannot write /data/run/power.csv.partial: No space left on device");
        assertThat(FileErrors.line(new IllegalStateException("wrapped", writer), out))
                .isEqualTo("reconsim: cannot write /data/run/power.csv.partial: No space left on device");
        assertThat(FileErrors.line(new UncheckedIOException(new AccessDeniedException("/etc/reconsim.conf")), out))
                .isEqualTo("reconsim: cannot access /etc/reconsim.conf: Permission denied");
        assertThat(FileErrors.line(new UncheckedIOException(new IOException("No space left on device")), out))
                .isEqualTo("reconsim: cannot write the run's outputs in /data/run: No space left on device");
        assertThat(FileErrors.line(new IllegalStateException("a bug"), out)).isNull();
    }
}
