package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The check every service test makes: a service called as code writes what the command line
 * writes. manifest.json is left out because it holds the wall-clock time and the command line.
 */
final class SameOutputs {

    private SameOutputs() {
    }

    /** Every file under {@code cli} (but the manifest) exists under {@code service} with the same bytes, and no other. */
    static void assertSameFiles(Path cli, Path service) throws IOException {
        List<Path> expected = files(cli);
        assertThat(expected).as("files written by the command line").isNotEmpty();
        assertThat(files(service)).isEqualTo(expected);
        for (Path file : expected) {
            assertThat(Files.readAllBytes(service.resolve(file))).as(file.toString()).isEqualTo(Files.readAllBytes(cli.resolve(file)));
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).filter(p -> !p.toString().equals("manifest.json")).sorted()
                    .toList();
        }
    }
}
