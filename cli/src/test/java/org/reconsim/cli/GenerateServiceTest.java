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

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.cli.CommandLineTest.Result;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.dataset.DatasetFormat;
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

    @Test
    void theDatasetWrittenPatientByPatientIsTheWholeTrialsDataset(@TempDir Path dir) throws Exception {
        // generate simulates and writes one patient at a time; the same format handed the trial simulated at once
        // (VirtualTrial.run, as generate did before it streamed) must write the same bytes, csv with scans and bids
        for (DatasetFormatType format : List.of(CSV, BIDS)) {
            Path streamed = dir.resolve(format.label() + "-streamed");
            new GenerateService(new PrintWriter(new StringWriter())).generate(new GenerateRequest(Path.of(DUEK), 3L, 3, format, true,
                    format == BIDS, streamed, true, List.of()));
            TrialPlan plan = TrialPlan.compile(ScenarioLoader.load(Path.of(DUEK)).scenario()).withRecording(true, format == BIDS);
            TrialOutcome whole = VirtualTrial.run(plan, new RandomStreams(3), 0, 3);
            Path atOnce = Files.createDirectories(dir.resolve(format.label() + "-at-once"));
            List<String> files = format.format().write(plan, whole, atOnce);
            assertThat(files).contains(format == BIDS ? "sub-001/ses-pre/func/sub-001_ses-pre_task-memory_physio.tsv.gz" : "timeseries.csv");
            SameOutputs.assertSameFiles(atOnce, streamed);
        }
    }

    @Test
    void aDatasetLargerThanTheFreeSpaceIsRefusedWithWhatFits() {
        // 200 patients of 2.5 MB each against 100 MB free: refused before anything is simulated, naming a size that fits
        DatasetFormat.Footprint footprint = new DatasetFormat.Footprint(200 * (5L << 19), 8L << 20);
        assertThatThrownBy(() -> GenerateService.checkFits(footprint, 200, 100, 100L << 20, 4L << 30, Path.of("out")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("reconsim: generate: the dataset (200 patients) needs about 500 MB but the file system of out has 100 MB "
                        + "free; ask for fewer patients (--n-per-arm 7 fits) or write elsewhere (--out)");
        // (100 MB - 64 MB margin) / 2.5 MB = 14.4 patients = 7 per arm; with room to spare it passes
        GenerateService.checkFits(footprint, 200, 100, 1L << 40, 4L << 30, Path.of("out"));
        // free space unknown (-1) or a format without an estimate: no check
        GenerateService.checkFits(footprint, 200, 100, -1, 4L << 30, Path.of("out"));
        GenerateService.checkFits(DatasetFormat.Footprint.UNKNOWN, 200, 100, 0, 1, Path.of("out"));
    }

    @Test
    void aPatientTooLargeForTheHeapIsRefusedWithAHeapThatFits() {
        DatasetFormat.Footprint footprint = new DatasetFormat.Footprint(1, 300L << 20);
        assertThatThrownBy(() -> GenerateService.checkFits(footprint, 2, 1, 1L << 40, 512L << 20, Path.of("out")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("reconsim: generate: writing one patient needs about 300 MB of memory, more than half of the Java heap "
                        + "(512 MB); give Java a larger heap, e.g. JAVA_TOOL_OPTIONS=-Xmx1200m");
        GenerateService.checkFits(footprint, 2, 1, 1L << 40, 600L << 20, Path.of("out"));
    }

    @Test
    void aRequestBeyondTheDiskIsAnsweredWithExitTwoAndNoFolder(@TempDir Path dir) {
        // 100,000 per arm with physiology is about 0.6 TB of BIDS files
        Path out = dir.resolve("huge");
        DatasetFormat.Footprint footprint = BIDS.format().footprint(TrialPlan.compile(load()).withRecording(true, true), 200_000);
        Assumptions.assumeTrue(GenerateService.usableBytes(dir) < footprint.diskBytes(), "this file system holds 0.6 TB");
        Result r = run("generate", DUEK, "--format", "bids", "--physio", "--n-per-arm", "100000", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("reconsim: generate: the dataset (200000 patients) needs about ").contains("--n-per-arm ")
                .endsWith("or write elsewhere (--out)\n");
        assertThat(out).doesNotExist();
    }

    private static org.reconsim.engine.scenario.Scenario load() {
        try {
            return ScenarioLoader.load(Path.of(DUEK)).scenario();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
