package org.reconsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.dataset.DatasetFormatRegistry;
import org.reconsim.results.dataset.DatasetFormatType;
import org.reconsim.results.report.RunManifest;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/** {@code reconsim generate SCENARIO}: one synthetic trial dataset with its ground truth, for testing analysis pipelines. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate one synthetic trial dataset with known ground truth: observations.csv (scans, clinical scales, "
                + "weekly PCL-5), subjects.csv, ground_truth.csv (every latent value per subject and visit), sessions.csv "
                + "(SUDS on every exposure trial).")
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    ScenarioInput scenario;

    @Option(names = "--format", converter = FormatName.class, completionCandidates = FormatName.class,
            description = "One of the registered formats: ${COMPLETION-CANDIDATES}; csv (default) writes tables, bids a BIDS dataset "
                    + "with NIfTI images of the ROI time series.")
    DatasetFormatType format = DatasetFormatRegistry.byLabel("csv").orElseThrow();

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
        if (physio && format.format().physioFiles().isEmpty()) {
            List<DatasetFormatType> physioFormats = DatasetFormatRegistry.all().stream()
                    .filter(t -> t.format().physioFiles().isPresent()).toList();
            throw new InvalidInputException("reconsim: --physio needs --format "
                    + String.join(" or ", physioFormats.stream().map(DatasetFormatType::label).toList())
                    + " (EDA traces are written as "
                    + String.join(" or ", physioFormats.stream().map(t -> t.format().physioFiles().orElseThrow()).toList()) + ")");
        }
        long seed = common.seed(loaded);
        Instant started = Instant.now();
        Path out = OutputFolder.create(common.out, loaded.scenario().name(), "generate");
        boolean series = timeSeries || format.format().needsTimeSeries();
        TrialPlan plan = TrialPlan.compile(loaded.scenario()).withRecording(series, physio);
        TrialOutcome trial = VirtualTrial.run(plan, new RandomStreams(seed), 0, n);
        List<String> files = format.format().write(plan, trial, out);
        new RunManifest("generate", List.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)), loaded, seed,
                1, started, Instant.now(), files).write(out);
        PrintWriter o = spec.commandLine().getOut();
        if (!common.quiet) {
            o.println("Generated " + trial.patients().size() + " virtual patients; wrote " + out);
        }
        o.flush();
        return ReconsimCommand.OK;
    }

    /** --format by registered name; the error lists the names registered, plug-ins included. */
    static final class FormatName implements ITypeConverter<DatasetFormatType>, Iterable<String> {
        @Override
        public DatasetFormatType convert(String text) {
            return DatasetFormatRegistry.byLabel(text).orElseThrow(() -> new TypeConversionException(
                    "expected one of " + String.join(", ", DatasetFormatRegistry.labels()) + " but was '" + text + "'"));
        }

        @Override
        public Iterator<String> iterator() {
            return DatasetFormatRegistry.labels().iterator();
        }
    }
}
