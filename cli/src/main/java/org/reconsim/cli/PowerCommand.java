package org.reconsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.run.ReplicateRunner;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.dataset.PowerTable;
import org.reconsim.results.power.PowerAnalysis;
import org.reconsim.results.power.PowerRow;
import org.reconsim.results.power.SampleSizeSearch;
import org.reconsim.results.power.SampleSizes;
import org.reconsim.results.report.PowerReport;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.results.report.RunManifest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reconsim power SCENARIO}: power by simulation over one or more sample sizes. */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = "Estimate power: simulate and analyse (ANCOVA) many virtual trials per sample size; write power.csv.")
final class PowerCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (.yaml, .yml or .json).")
    Path file;

    @Option(names = "--replicates", description = "Virtual trials per sample size (default: the scenario's simulation.replicates).")
    Integer replicates;

    @Option(names = "--n-per-arm", paramLabel = "SIZES",
            description = "Patients per arm: from:to:step (10:60:10) or a list (12,24,48). Default: the scenario's design.n_per_arm.")
    String sizes;

    @Option(names = "--target-power", paramLabel = "P",
            description = "Report the smallest simulated size reaching power P on the primary endpoint and visit.")
    Double targetPower;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadedScenario loaded = ScenarioInput.load(file);
        List<Integer> ns;
        try {
            ns = sizes == null ? List.of(loaded.scenario().design().nPerArm()) : SampleSizes.parse(sizes);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reconsim: --n-per-arm: " + e.getMessage());
        }
        int reps = replicates == null ? loaded.scenario().simulation().replicates() : replicates;
        if (reps < 1) {
            throw new InvalidInputException("reconsim: --replicates must be at least 1, got " + reps);
        }
        if (targetPower != null && !(targetPower > 0 && targetPower < 1)) {
            throw new InvalidInputException("reconsim: --target-power must be between 0 and 1, got " + targetPower);
        }
        int threads = common.threadCount();
        long seed = common.seed == null ? loaded.scenario().simulation().seed() : common.seed;
        Instant started = Instant.now();
        Path out = OutputFolder.create(common.out, loaded.scenario().name(), "power");
        TrialPlan plan = TrialPlan.compile(loaded.scenario());
        List<PowerRow> rows;
        try (ReplicateRunner runner = new ReplicateRunner(threads);
             Progress progress = common.progress("virtual trials", (long) reps * ns.size())) {
            rows = new PowerAnalysis(plan, new RandomStreams(seed)).run(ns, reps, runner, progress::at);
        }
        PowerTable.write(out.resolve("power.csv"), rows);
        Scenario.Analysis plan0 = loaded.scenario().analysis();
        SampleSizeSearch search = targetPower == null ? null : SampleSizeSearch.of(rows, plan0.primaryEndpoint().label(),
                plan0.primaryVisit().label(), plan0.methods().get(0).label(), targetPower);
        PowerReport.write(out.resolve("report.html"), loaded, rows, seed, reps, search);
        new RunManifest("power", List.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)), loaded, seed,
                threads, started, Instant.now(), List.of("power.csv", "report.html")).write(out);
        PrintWriter o = spec.commandLine().getOut();
        if (!common.quiet) {
            o.println("Power of " + plan.treatmentArm().name() + " vs " + plan.controlArm().name() + " ("
                    + loaded.scenario().name() + ", " + reps + " virtual trials per sample size, alpha "
                    + loaded.scenario().analysis().alpha() + ", seed " + seed + ")");
        }
        o.print(PowerTable.format(rows));
        if (search != null) {
            o.println(search.describe());
        }
        if (!common.quiet) {
            o.println("Wrote " + out.resolve("power.csv") + ", report.html and manifest.json");
        }
        o.flush();
        return ReconsimCommand.OK;
    }
}
