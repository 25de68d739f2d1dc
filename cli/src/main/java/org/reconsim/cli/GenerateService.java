package org.reconsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.run.ReplicateRunner;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.dataset.DatasetFormatRegistry;
import org.reconsim.results.dataset.DatasetFormatType;
import org.reconsim.results.report.RunManifest;

/**
 * One synthetic trial dataset with its ground truth, without the command line: simulates the
 * trial a {@link GenerateRequest} describes, writes it in the requested format with manifest.json,
 * and says so. GenerateCommand only turns options into a request; tests call this class directly.
 */
final class GenerateService {

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
        Instant started = Instant.now();
        Path out = OutputFolder.create(request.out(), loaded.scenario().name(), "generate",
                OutputFolder.Reuse.of(request.force(), false));
        boolean series = request.timeSeries() || format.format().needsTimeSeries();
        TrialPlan plan = TrialPlan.compile(loaded.scenario()).withRecording(series, request.physio());
        TrialOutcome trial;
        try (ReplicateRunner runner = new ReplicateRunner(threads)) {
            trial = VirtualTrial.run(plan, new RandomStreams(seed), 0, n, runner);
        }
        List<String> files = format.format().write(plan, trial, out);
        new RunManifest("generate", request.commandLine(), loaded, seed, threads, started, Instant.now(), files).write(out);
        if (!request.quiet()) {
            console.println("Generated " + trial.patients().size() + " virtual patients; wrote " + out);
        }
        console.flush();
        return out;
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
