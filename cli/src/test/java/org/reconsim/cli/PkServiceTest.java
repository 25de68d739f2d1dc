package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
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

/** The pk service without picocli: what {@code reconsim pk} does, called as code. */
class PkServiceTest {

    @Test
    void aRequestGivesTheBytesOfTheSameCommandLine(@TempDir Path dir) throws Exception {
        Path viaCli = dir.resolve("cli");
        Result cli = run("pk", DUEK, "--subjects", "40", "--seed", "4", "--out", viaCli.toString());
        assertThat(cli.code()).as(cli.err()).isZero();

        Path viaService = dir.resolve("service");
        StringWriter console = new StringWriter();
        Path out = new PkService(new PrintWriter(console)).run(new PkRequest(Path.of(DUEK), 4L, 40, 48, viaService, false,
                List.of("pk", "(from a test)")));

        assertThat(out).isEqualTo(viaService);
        SameOutputs.assertSameFiles(viaCli, viaService);
        assertThat(console.toString()).isEqualTo(cli.out().replace(viaCli.toString(), viaService.toString()))
                .endsWith("Wrote " + viaService.resolve("pk.csv") + " and pk.svg\n");
        assertThat(Files.readString(viaService.resolve("manifest.json"))).contains("(from a test)");
    }

    @Test
    void aLongSpanGivesTheBytesOfTheSameCommandLine(@TempDir Path dir) throws Exception {
        // past 48 hours the samples are coarser: that branch too must match
        Path viaCli = dir.resolve("cli");
        Result cli = run("pk", DUEK, "--subjects", "20", "--hours", "96", "--out", viaCli.toString(), "--quiet");
        assertThat(cli.code()).as(cli.err()).isZero();

        Path viaService = dir.resolve("service");
        StringWriter console = new StringWriter();
        new PkService(new PrintWriter(console)).run(new PkRequest(Path.of(DUEK), null, 20, 96, viaService, true, List.of()));

        SameOutputs.assertSameFiles(viaCli, viaService);
        assertThat(console.toString()).isEqualTo(cli.out()).isNotEmpty();
    }
}
