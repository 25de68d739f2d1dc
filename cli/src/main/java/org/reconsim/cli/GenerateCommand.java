package org.reconsim.cli;

import java.util.Iterator;
import java.util.concurrent.Callable;

import org.reconsim.results.dataset.DatasetFormatRegistry;
import org.reconsim.results.dataset.DatasetFormatType;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code reconsim generate SCENARIO}: one synthetic trial dataset with its ground truth, for testing analysis pipelines.
 * The command only reads options into a {@link GenerateRequest} and hands it to {@link GenerateService}.
 */
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
        GenerateRequest request = new GenerateRequest(scenario.file, common.seed, nPerArm.nPerArm, format, timeSeries, physio, common.threads, common.out,
                common.force, common.quiet, spec.commandLine().getParseResult().originalArgs());
        try {
            new GenerateService(spec.commandLine().getOut()).generate(request);
        } catch (OutOfMemoryError e) {
            // the built-in formats stream patient by patient and the service checks the heap up front; a plug-in format
            // that holds the whole trial, or a heap set too small, still gets one line saying what to do, not a stack trace
            throw GenerateService.outOfMemory(request, Runtime.getRuntime().maxMemory());
        }
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
