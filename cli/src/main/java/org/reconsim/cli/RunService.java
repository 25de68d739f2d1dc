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
import org.reconsim.results.dataset.TrialTables;
import org.reconsim.results.power.TrialAnalysis;
import org.reconsim.results.report.RunManifest;
import org.reconsim.results.power.TrialResults;

/**
 * Virtual trials and their analyses, without the command line: simulates a {@link RunRequest}'s
 * replicates, writes observations.csv, subjects.csv, ground_truth.csv, sessions.csv, estimates.csv
 * and manifest.json, and says so. RunCommand only turns options into a request; tests call this
 * class directly.
 */
final class RunService {

    static final List<String> FILES = List.of("observations.csv", "subjects.csv", "ground_truth.csv", "sessions.csv",
            "estimates.csv");

    /** "12 patients per arm", or each arm's size when the allocations differ ("14 ketamine, 13 midazolam"). */
    static String armSizes(TrialPlan plan, int n) {
        if (plan.arms().stream().allMatch(a -> a.allocation() == 1)) {
            return n + " patients per arm";
        }
        return String.join(", ", plan.arms().stream().map(a -> n * a.allocation() + " " + a.name()).toList()) + " patients";
    }

    private final PrintWriter console;

    /** {@code console} receives, unless quiet, what was simulated and where it was written. */
    RunService(PrintWriter console) {
        this.console = console;
    }

    /** Simulates and analyses the requested trials; returns the output folder. */
    Path run(RunRequest request) {
        // in the order the user has always seen the messages: the scenario, then the threads, then the folder
        LoadedScenario loaded = ScenarioInput.load(request.scenario());
        int n = request.nPerArm(loaded.scenario());
        int threads = ExecutionOptions.threadCount(request.threads());
        long seed = request.seed(loaded.scenario());
        Instant started = Instant.now();
        Path out = OutputFolder.create(request.out(), loaded.scenario().name(), "run",
                OutputFolder.Reuse.of(request.force(), false));
        TrialPlan plan = TrialPlan.compile(loaded.scenario());
        RandomStreams streams = new RandomStreams(seed);
        TrialAnalysis analysis = new TrialAnalysis(loaded.scenario().analysis(), plan);
        try (ReplicateRunner runner = new ReplicateRunner(threads); TrialTables tables = new TrialTables(plan, out)) {
            // the runner hands results back in replicate order, so the tables are the same on any number of threads
            runner.run(0, request.replicates(), r -> {
                TrialOutcome trial = VirtualTrial.run(plan, streams, r, n);
                return new Analysed(trial, analysis.analyse(trial));
            }, a -> tables.add(a.trial(), a.results()));
            tables.commit();
        }
        new RunManifest("run", request.commandLine(), loaded, seed, threads, started, Instant.now(), FILES).write(out);
        if (!request.quiet()) {
            console.println("Simulated " + request.replicates() + " trial(s) of " + armSizes(plan, n) + "; wrote " + out);
        }
        console.flush();
        return out;
    }

    private record Analysed(TrialOutcome trial, TrialResults results) {
    }
}
