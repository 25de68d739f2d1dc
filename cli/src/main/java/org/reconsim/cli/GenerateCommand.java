package org.reconsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.dataset.TrialTables;
import org.reconsim.results.report.RunManifest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reconsim generate SCENARIO}: one synthetic trial dataset with its ground truth, for testing analysis pipelines. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate one synthetic trial dataset with known ground truth: observations.csv (scans, clinical scales, "
                + "weekly PCL-5), subjects.csv, ground_truth.csv (every latent value per subject and visit), sessions.csv "
                + "(SUDS on every exposure trial).")
final class GenerateCommand implements Callable<Integer> {

    enum Format { csv }

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (.yaml, .yml or .json).")
    Path file;

    @Option(names = "--format", description = "csv (default).")
    Format format = Format.csv;

    @Option(names = "--n-per-arm", description = "Patients per arm (default: the scenario's design.n_per_arm).")
    Integer nPerArm;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadedScenario loaded = ScenarioInput.load(file);
        int n = nPerArm == null ? loaded.scenario().design().nPerArm() : nPerArm;
        if (n < 2 || n > 100_000) {
            throw new InvalidInputException("reconsim: --n-per-arm must be within 2..100000, got " + n);
        }
        long seed = common.seed == null ? loaded.scenario().simulation().seed() : common.seed;
        Instant started = Instant.now();
        Path out = OutputFolder.create(common.out, loaded.scenario().name(), "generate");
        TrialPlan plan = TrialPlan.compile(loaded.scenario());
        TrialOutcome trial = VirtualTrial.run(plan, new RandomStreams(seed), 0, n);
        List<String> files;
        try (TrialTables tables = new TrialTables(plan, out, false)) {
            tables.add(trial, null, List.of());
            tables.commit();
            files = tables.files();
        }
        new RunManifest("generate", List.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)), loaded, seed,
                1, started, Instant.now(), files).write(out);
        PrintWriter o = spec.commandLine().getOut();
        if (!common.quiet) {
            o.println("Generated " + trial.patients().size() + " virtual patients; wrote " + out);
        }
        o.flush();
        return ReconsimCommand.OK;
    }
}
