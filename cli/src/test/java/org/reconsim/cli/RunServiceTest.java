package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reconsim.cli.CommandLineTest.DUEK;
import static org.reconsim.cli.CommandLineTest.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.cli.CommandLineTest.Result;

/** The run service without picocli: what {@code reconsim run} does, called as code. */
class RunServiceTest {

    @Test
    void aRequestGivesTheBytesOfTheSameCommandLine(@TempDir Path dir) throws Exception {
        Path viaCli = dir.resolve("cli");
        Result cli = run("run", DUEK, "--replicates", "3", "--n-per-arm", "8", "--seed", "7", "--threads", "2", "--out",
                viaCli.toString());
        assertThat(cli.code()).as(cli.err()).isZero();

        Path viaService = dir.resolve("service");
        StringWriter console = new StringWriter();
        Path out = new RunService(new PrintWriter(console)).run(new RunRequest(Path.of(DUEK), 7L, 8, 3, 2, viaService, false,
                List.of("run", "(from a test)")));

        assertThat(out).isEqualTo(viaService);
        SameOutputs.assertSameFiles(viaCli, viaService);
        assertThat(console.toString()).isEqualTo(cli.out().replace(viaCli.toString(), viaService.toString()))
                .isEqualTo("Simulated 3 trial(s) of 8 patients per arm; wrote " + viaService + "\n");
        assertThat(Files.readString(viaService.resolve("manifest.json"))).contains("(from a test)");
    }

    @Test
    void badThreadsAreRefusedBeforeTheOutputFolderIsMade(@TempDir Path dir) {
        Path out = dir.resolve("x");
        assertThatThrownBy(() -> new RunService(new PrintWriter(new StringWriter()))
                .run(new RunRequest(Path.of(DUEK), null, null, 1, 0, out, true, List.of())))
                .isInstanceOf(InvalidInputException.class).hasMessage("reconsim: --threads must be within 1..4096, got 0");
        assertThat(out).doesNotExist();
    }
}
