package org.reconsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.run.ReplicateRunner;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.dataset.TrialTables;
import org.reconsim.results.power.TrialAnalysis;
import org.reconsim.results.report.RunManifest;
import org.reconsim.results.stats.TestResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reconsim run SCENARIO}: simulates virtual trials and writes their data and analyses. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulate virtual trials; write observations.csv, subjects.csv, ground_truth.csv, sessions.csv, estimates.csv "
                + "and manifest.json.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ScenarioInput scenario;

    @Option(names = "--replicates", converter = Bounds.Replicates.class, description = "Virtual trials to simulate (default: 1).")
    int replicates = 1;

    @Mixin
    PatientsPerArm nPerArm;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadedScenario loaded = scenario.load();
        int n = nPerArm.resolve(loaded);
        int threads = common.threadCount();
        long seed = common.seed(loaded);
        Instant started = Instant.now();
        Path out = OutputFolder.create(common.out, loaded.scenario().name(), "run");
        TrialPlan plan = TrialPlan.compile(loaded.scenario());
        RandomStreams streams = new RandomStreams(seed);
        TrialAnalysis analysis = new TrialAnalysis(loaded.scenario().analysis(), plan.controlArm().index());
        try (ReplicateRunner runner = new ReplicateRunner(threads); TrialTables tables = new TrialTables(plan, out)) {
            runner.run(0, replicates, r -> {
                TrialOutcome trial = VirtualTrial.run(plan, streams, r, n);
                return new Analysed(trial, analysis.run(trial));
            }, a -> tables.add(a.trial(), a.results(), analysis.methods()));
            tables.commit();
        }
        new RunManifest("run", List.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)), loaded, seed,
                threads, started, Instant.now(), List.of("observations.csv", "subjects.csv", "ground_truth.csv", "sessions.csv",
                "estimates.csv")).write(out);
        PrintWriter o = spec.commandLine().getOut();
        if (!common.quiet) {
            o.println("Simulated " + replicates + " trial(s) of " + n + " patients per arm; wrote " + out);
        }
        return ReconsimCommand.OK;
    }

    private record Analysed(TrialOutcome trial, TestResult[][][] results) {
    }
}
