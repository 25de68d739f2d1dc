package org.reconsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
