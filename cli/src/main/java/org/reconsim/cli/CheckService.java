package org.reconsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.targets.LoadedTargets;
import org.reconsim.results.inference.PredictiveCheck;
import org.reconsim.results.inference.ScenarioSummarySimulator;
import org.reconsim.results.report.CheckReport;
import org.reconsim.results.report.RunManifest;

/**
 * The predictive check of a trial's published results, without the command line
 * (docs/INFERENCE.md, Predictive check): validates a {@link CheckRequest} (scenario, targets,
 * hypotheses, replicates, threads) before anything is simulated or written, runs the simulated
 * trials, writes check.csv, report.html and manifest.json and prints the table. CheckCommand only
 * turns options into a request; tests call this class directly.
 */
final class CheckService {

    static final List<String> FILES = List.of("check.csv", "report.html");

    private final PrintWriter console;

    /** {@code console} receives the table (and, unless quiet, what was simulated and where it was written). */
    CheckService(PrintWriter console) {
        this.console = console;
    }

    /** Runs the check; returns the output folder. */
    Path run(CheckRequest request) {
        LoadedScenario loaded = ScenarioInput.load(request.scenario());
        LoadedTargets targets = TargetsInput.load(request.targets());
        int replicates = request.replicates() == null ? loaded.scenario().simulation().replicates() : request.replicates();
        if (replicates < 1) {
            throw new InvalidInputException("reconsim: --replicates must be at least 1, got " + replicates);
        }
        int threads = ExecutionOptions.threadCount(request.threads());
        long seed = request.seed() == null ? loaded.scenario().simulation().seed() : request.seed();
        ScenarioSummarySimulator sim;
        try {
            sim = ScenarioSummarySimulator.of(loaded, targets, request.hypotheses(), List.of(), seed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Arrays.stream(e.getMessage().split("\n")).map(l -> "reconsim: " + l).toList());
        }
        String named = targets.scenario().scenario().name();
        if (!named.equals(loaded.scenario().name())) {
            // a variant of the trial (e.g. other parameters) is a legitimate thing to check; its arms and sizes were checked above
            console.println("reconsim: warning: " + request.targets() + " names scenario " + named + ", checking "
                    + loaded.scenario().name() + " (" + request.scenario() + ") against its findings");
        }
        Path out = OutputFolder.create(request.out(), loaded.scenario().name(), "check", request.execution().reuse());
        PredictiveCheck.Result result;
        long total = (long) replicates * sim.hypotheses().size();
        try (InferenceRun run = InferenceRun.open(out, "check", request.execution(), threads,
                List.of(loaded.canonical().sha256(), InferenceRun.sha256(request.targets())));
             Progress bar = Progress.on(request.quiet(), request.progress(), "check", total)) {
            result = PredictiveCheck.run(sim, replicates, run.engine(), bar::at);
            CheckReport.writeCsv(out.resolve("check.csv"), result.rows());
            CheckReport.writeHtml(out.resolve("report.html"), loaded, targets, sim.hypotheses(), result, seed, replicates);
            new RunManifest("check", request.commandLine(), loaded, seed, threads, run.started(), Instant.now(), FILES, run.describe())
                    .write(out);
            run.finish();
        }
        if (!request.quiet()) {
            console.println("Predictive check of " + loaded.scenario().name() + " against " + targets.targets().name() + ": "
                    + replicates + " simulated trial(s) per hypothesis at the published sizes (seed " + seed + ")");
        }
        console.print(CheckReport.table(result.rows()));
        if (!request.quiet()) {
            console.println("Wrote " + out.resolve("check.csv") + ", report.html and manifest.json");
        }
        console.flush();
        return out;
    }
}
