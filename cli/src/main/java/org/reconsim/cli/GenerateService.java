package org.reconsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.run.ReplicateRunner;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.dataset.DatasetFormat;
import org.reconsim.results.dataset.DatasetFormatRegistry;
import org.reconsim.results.dataset.DatasetFormatType;
import org.reconsim.results.dataset.TrialPatients;
import org.reconsim.results.report.RunManifest;

/**
 * One synthetic trial dataset with its ground truth, without the command line: simulates the
 * trial a {@link GenerateRequest} describes patient by patient, hands each patient to the requested
 * format as it is simulated (the built-in formats write its files and drop it, so memory stays flat
 * whatever the trial's size), writes manifest.json, and says so. Before anything is simulated, the
 * format's estimate of the dataset is checked against the free space of the output's file system
 * and its per-patient memory against the Java heap. GenerateCommand only turns options into a
 * request; tests call this class directly.
 */
final class GenerateService {

    /** A run that would leave less than this much of the file system free is refused too. */
    static final long DISK_MARGIN_BYTES = 64L << 20;

    private final PrintWriter console;

    /** {@code console} receives, unless quiet, how many patients were generated and where. */
    GenerateService(PrintWriter console) {
        this.console = console;
    }

    /** Generates the requested dataset; returns the output folder. */
    Path generate(GenerateRequest request) {
        // the scenario's problems come before the options' conflicts, as the user has always seen them
        LoadedScenario loaded = ScenarioInput.load(request.scenario());
        int n = request.nPerArm(loaded.scenario());
        DatasetFormatType format = request.format();
        if (request.physio() && format.format().physioFiles().isEmpty()) {
            throw physioNeedsAnotherFormat();
        }
        long seed = request.seed(loaded.scenario());
        int threads = ExecutionOptions.threadCount(request.threads());
        boolean series = request.timeSeries() || format.format().needsTimeSeries();
        TrialPlan plan = TrialPlan.compile(loaded.scenario()).withRecording(series, request.physio());
        try (ReplicateRunner runner = new ReplicateRunner(threads)) {
            TrialPatients patients = TrialPatients.simulated(plan, new RandomStreams(seed), 0, n, runner);
            DatasetFormat.Footprint footprint = format.format().footprint(plan, patients.size());
            Path folder = request.out() != null ? request.out() : Path.of("runs");
            checkFits(footprint, patients.size(), n, usableBytes(folder), Runtime.getRuntime().maxMemory(), folder);

            Instant started = Instant.now();
            Path out = OutputFolder.create(request.out(), loaded.scenario().name(), "generate",
                    OutputFolder.Reuse.of(request.force(), false));
            List<String> files = format.format().write(plan, patients, out);
            new RunManifest("generate", request.commandLine(), loaded, seed, threads, started, Instant.now(), files).write(out);
            if (!request.quiet()) {
                console.println("Generated " + patients.size() + " virtual patients; wrote " + out);
            }
            console.flush();
            return out;
        }
    }

    /**
     * Refuses a dataset whose estimated size exceeds {@code usableBytes} (less a margin) or whose
     * writer holds more than half of {@code maxHeap} at once, each with what to do instead.
     * Unknown estimates (0) and unknown free space (negative) pass.
     *
     * @param patients the trial's patients, {@code nPerArm} per arm times the allocation
     */
    static void checkFits(DatasetFormat.Footprint footprint, int patients, int nPerArm, long usableBytes, long maxHeap, Path folder) {
        long disk = footprint.diskBytes();
        if (disk > 0 && usableBytes >= 0 && disk > usableBytes - DISK_MARGIN_BYTES) {
            long perArmFits = patients == 0 ? 0 : (long) ((usableBytes - DISK_MARGIN_BYTES) / ((double) disk / patients) / ((double) patients / nPerArm));
            throw new InvalidInputException(String.format(Locale.ROOT, "reconsim: generate: the dataset (%d patients) needs about %s "
                    + "but the file system of %s has %s free; ask for fewer patients (--n-per-arm %d fits) or write elsewhere (--out)",
                    patients, size(disk), folder, size(Math.max(0, usableBytes)), Math.max(0, perArmFits)));
        }
        long heap = footprint.heapBytesPerStep();
        if (heap > 0 && heap > maxHeap / 2) {
            throw new InvalidInputException(String.format(Locale.ROOT, "reconsim: generate: writing one patient needs about %s of "
                    + "memory, more than half of the Java heap (%s); give Java a larger heap, e.g. JAVA_TOOL_OPTIONS=-Xmx%dm",
                    size(heap), size(maxHeap), Math.max(512, 4 * heap >> 20)));
        }
    }

    /** Free bytes for this user on the file system {@code folder} is (or would be) on; -1 when it cannot be told. */
    static long usableBytes(Path folder) {
        Path p = folder.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        try {
            return p == null ? -1 : Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The line GenerateCommand prints when the heap ran out anyway: what was asked, the heap, and what to do. */
    static InvalidInputException outOfMemory(GenerateRequest request, long maxHeap) {
        return new InvalidInputException(String.format(Locale.ROOT, "reconsim: generate ran out of memory (Java heap %s) writing %s; "
                + "ask for fewer patients (--n-per-arm) or give Java a larger heap, e.g. JAVA_TOOL_OPTIONS=-Xmx%dm",
                size(maxHeap), request.format().label() + " with " + (request.nPerArm() == null ? "the scenario's" : request.nPerArm())
                        + " patients per arm", Math.max(1024, 2 * (maxHeap >> 20))));
    }

    private static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", Math.max(1, Math.round(bytes / (double) (1L << 20))));
    }

    /** Names the registered formats that do write EDA traces (plug-ins included), and the files they write them to. */
    private static InvalidInputException physioNeedsAnotherFormat() {
        List<DatasetFormatType> physioFormats = DatasetFormatRegistry.all().stream()
                .filter(t -> t.format().physioFiles().isPresent()).toList();
        return new InvalidInputException("reconsim: --physio needs --format "
                + String.join(" or ", physioFormats.stream().map(DatasetFormatType::label).toList())
                + " (EDA traces are written as "
                + String.join(" or ", physioFormats.stream().map(t -> t.format().physioFiles().orElseThrow()).toList()) + ")");
    }
}
