package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reconsim.cli.PhenomenaCommandTest.DIR;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.models.memory.MemoryModelRegistry;
import org.reconsim.results.phenomena.MechanismHypothesis;

/** The phenomena service without picocli: what {@code reconsim phenomena} does, called as code. */
class PhenomenaServiceTest {

    @Test
    void aRequestGivesTheBytesOfTheSameCommandLine(@TempDir Path dir) throws Exception {
        Path viaCli = dir.resolve("cli");
        StringWriter cliOut = new StringWriter();
        StringWriter cliErr = new StringWriter();
        int code = PhenomenaCommandTest.run(cliOut, cliErr, "phenomena", "--dir", DIR, "--model", "two-trace", "--mechanisms",
                "null,M1", "--threads", "2", "--out", viaCli.toString());
        assertThat(code).as(cliErr.toString()).isZero();

        Path viaService = dir.resolve("service");
        StringWriter console = new StringWriter();
        Path out = new PhenomenaService(new PrintWriter(console)).run(new PhenomenaRequest(
                List.of(MemoryModelRegistry.byLabel("two-trace").orElseThrow()), MechanismHypothesis.parse("null,M1"), Path.of(DIR), 2,
                viaService, false, List.of("phenomena", "(from a test)")));

        assertThat(out).isEqualTo(viaService);
        SameOutputs.assertSameFiles(viaCli, viaService);
        assertThat(console.toString()).isEqualTo(cliOut.toString().replace(viaCli.toString(), viaService.toString()))
                .endsWith("Wrote " + viaService.resolve("phenomena.csv") + " and report.html\n");
        assertThat(Files.readString(viaService.resolve("manifest.json"))).contains("(from a test)");
    }

    @Test
    void aFolderWithoutExperimentsSaysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> new PhenomenaService(new PrintWriter(new StringWriter())).run(new PhenomenaRequest(List.of(),
                List.of(), dir, 1, dir.resolve("out"), true, List.of())))
                .isInstanceOf(InvalidInputException.class).hasMessage("reconsim: no experiment files (*.yaml) in " + dir);
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
