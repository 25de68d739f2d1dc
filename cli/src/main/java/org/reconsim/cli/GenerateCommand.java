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
import org.reconsim.results.dataset.TrialDatasets;
import org.reconsim.results.dataset.TrialTables;
import org.reconsim.results.report.RunManifest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reconsim generate SCENARIO}: one synthetic trial dataset with its ground truth, for testing analysis pipelines. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate one synthetic trial dataset with known ground truth: observations.csv (scans, clinical scales, "
                + "weekly PCL-5), subjects.csv, ground_truth.csv (every latent value per subject and visit), sessions.csv "
                + "(SUDS on every exposure trial).")
final class GenerateCommand implements Callable<Integer> {

    enum Format { csv, bids }

    @Mixin
    ScenarioInput scenario;

    @Option(names = "--format", description = "csv (default) or bids (a BIDS dataset with NIfTI images of the ROI time series).")
    Format format = Format.csv;

    @Option(names = "--timeseries", description = "Synthesize each scan's ROI time series; the betas are then GLM estimates "
            + "(csv: timeseries.csv and connectivity.csv; implied by bids).")
    boolean timeSeries;

    @Option(names = "--physio", description = "Also synthesize the continuous EDA trace of each scan (bids only).")
    boolean physio;

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
        if (physio && format != Format.bids) {
            throw new InvalidInputException("reconsim: --physio needs --format bids (EDA traces are written as BIDS physio files)");
        }
        long seed = common.seed(loaded);
        Instant started = Instant.now();
        Path out = OutputFolder.create(common.out, loaded.scenario().name(), "generate");
        boolean series = timeSeries || format == Format.bids;
        TrialPlan plan = TrialPlan.compile(loaded.scenario()).withRecording(series, physio);
        TrialOutcome trial = VirtualTrial.run(plan, new RandomStreams(seed), 0, n);
        List<String> files = new java.util.ArrayList<>();
        if (format == Format.bids) {
            files.addAll(TrialDatasets.writeBids(plan, trial, out));
            // the run manifest sits beside the dataset's own files; tell BIDS tools it is not part of the dataset
            RunManifest.writeAtomically(out.resolve(".bidsignore"), "manifest.json\n");
            files.add(".bidsignore");
        } else {
            try (TrialTables tables = new TrialTables(plan, out, false)) {
                tables.add(trial, null, List.of());
                tables.commit();
                files.addAll(tables.files());
            }
            if (series) {
                files.addAll(TrialDatasets.writeScanTables(plan, trial, out));
            }
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
