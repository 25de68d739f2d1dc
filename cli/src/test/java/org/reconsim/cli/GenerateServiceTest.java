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
import org.reconsim.results.dataset.DatasetFormatRegistry;
import org.reconsim.results.dataset.DatasetFormatType;

/** The generate service without picocli: what {@code reconsim generate} does, called as code. */
class GenerateServiceTest {

    private static final DatasetFormatType CSV = DatasetFormatRegistry.byLabel("csv").orElseThrow();
    private static final DatasetFormatType BIDS = DatasetFormatRegistry.byLabel("bids").orElseThrow();

    @Test
    void aCsvRequestGivesTheBytesOfTheSameCommandLine(@TempDir Path dir) throws Exception {
        Path viaCli = dir.resolve("cli");
        Result cli = run("generate", DUEK, "--timeseries", "--n-per-arm", "5", "--seed", "9", "--out", viaCli.toString());
        assertThat(cli.code()).as(cli.err()).isZero();

        Path viaService = dir.resolve("service");
        StringWriter console = new StringWriter();
        Path out = new GenerateService(new PrintWriter(console)).generate(new GenerateRequest(Path.of(DUEK), 9L, 5, CSV, true, false,
                viaService, false, List.of("generate", "(from a test)")));

        assertThat(out).isEqualTo(viaService);
        SameOutputs.assertSameFiles(viaCli, viaService);
        assertThat(console.toString()).isEqualTo(cli.out().replace(viaCli.toString(), viaService.toString()))
                .isEqualTo("Generated 10 virtual patients; wrote " + viaService + "\n");
        assertThat(Files.readString(viaService.resolve("manifest.json"))).contains("(from a test)");
    }

    @Test
    void aBidsRequestWithPhysiologyGivesTheBytesOfTheSameCommandLine(@TempDir Path dir) throws Exception {
        Path viaCli = dir.resolve("cli");
        Result cli = run("generate", DUEK, "--format", "bids", "--physio", "--n-per-arm", "2", "--out", viaCli.toString(), "--quiet");
        assertThat(cli.code()).as(cli.err()).isZero();

        Path viaService = dir.resolve("service");
        StringWriter console = new StringWriter();
        new GenerateService(new PrintWriter(console)).generate(new GenerateRequest(Path.of(DUEK), null, 2, BIDS, false, true,
                viaService, true, List.of()));

        SameOutputs.assertSameFiles(viaCli, viaService);
        assertThat(console.toString()).isEqualTo(cli.out()).isEmpty();
    }

    @Test
    void physiologyWithAFormatThatCannotHoldItIsRefusedBeforeTheOutputFolderIsMade(@TempDir Path dir) {
        Path out = dir.resolve("x");
        assertThatThrownBy(() -> new GenerateService(new PrintWriter(new StringWriter()))
                .generate(new GenerateRequest(Path.of(DUEK), null, null, CSV, false, true, out, true, List.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("reconsim: --physio needs --format bids (EDA traces are written as BIDS physio files)");
        assertThat(out).doesNotExist();
    }
}
