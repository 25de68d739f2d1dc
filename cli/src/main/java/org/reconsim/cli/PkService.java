package org.reconsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.run.ReplicateRunner;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.sim.PkSummary;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.report.PkReport;
import org.reconsim.results.report.RunManifest;

/**
 * Drug exposure of the virtual population, without the command line: simulates each arm's
 * concentration and occupancy for a {@link PkRequest}, writes pk.csv, pk.svg and manifest.json,
 * and prints the summary table. PkCommand only turns options into a request; tests call this
 * class directly.
 */
final class PkService {

    private final PrintWriter console;

    /** {@code console} receives the exposure table (and, unless quiet, the files written). */
    PkService(PrintWriter console) {
        this.console = console;
    }

    /** Simulates the requested exposure; returns the output folder. */
    Path run(PkRequest request) {
        LoadedScenario loaded = ScenarioInput.load(request.scenario());
        long seed = request.seed(loaded.scenario());
        int threads = ExecutionOptions.threadCount(request.threads());
        Instant started = Instant.now();
        Path out = OutputFolder.create(request.out(), loaded.scenario().name(), "pk",
                OutputFolder.Reuse.of(request.force(), false));
        TrialPlan plan = TrialPlan.compile(loaded.scenario());
        double hours = request.hours();
        // minutes between samples: 5 over up to two days, 30 beyond, so that long spans do not multiply pk.csv's rows
        double step = hours <= 48 ? 5 : 30;
        List<PkSummary.ArmExposure> arms;
        try (ReplicateRunner runner = new ReplicateRunner(threads)) {
            arms = PkSummary.simulate(plan, new RandomStreams(seed), request.subjects(), hours, step, runner);
        }
        PkReport.writeCsv(out.resolve("pk.csv"), arms);
        PkReport.writeSvg(out.resolve("pk.svg"), arms, Math.min(hours, 24));
        new RunManifest("pk", request.commandLine(), loaded, seed, threads, started, Instant.now(), List.of("pk.csv", "pk.svg")).write(out);
        console.print(PkReport.format(arms, plan.memory().labileWindowHours()));
        if (!request.quiet()) {
            console.println("Wrote " + out.resolve("pk.csv") + " and pk.svg");
        }
        console.flush();
        return out;
    }
}
