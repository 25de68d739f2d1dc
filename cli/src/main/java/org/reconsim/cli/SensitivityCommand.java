package org.reconsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reconsim sensitivity SCENARIO --vary FIELD=PRIOR ...}: global sensitivity (Sobol
 * indices) of one output of the trial to uncertain scenario fields. The command only reads
 * options into a {@link SensitivityRequest} and hands it to {@link SensitivityService}.
 */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = "Global sensitivity of a trial output (power, mean z or true d of the primary endpoint) to uncertain scenario "
                + "fields: first-order and total Sobol indices (Saltelli 2010, Jansen) with bootstrap intervals; writes "
                + "sensitivity.csv, evaluations.csv and report.html (tornado plot).")
final class SensitivityCommand implements Callable<Integer> {

    // optional so that --resume DIR alone parses; a new run requires it (InferenceOptions.require)
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = ScenarioInput.DESCRIPTION)
    Path scenarioFile;

    @Option(names = "--vary", paramLabel = "FIELD=PRIOR",
            description = "An uncertain numeric field and its range as a prior: uniform(lo,hi), loguniform(lo,hi), "
                    + "normal(mean,sd,lo,hi), lognormal(meanlog,sdlog[,lo,hi]) or beta(a,b[,lo,hi]), e.g. "
                    + "pharmacology.occupancy.ki_micromolar=loguniform(0.3,5). Repeat for each field (independent).")
    List<String> vary;

    @Option(names = "--output", paramLabel = "OUTPUT",
            description = "What is explained: power, mean_z (mean of estimate / SE over the trials) or effect_d (the true "
                    + "standardized effect). Default: " + SensitivityRequest.OUTPUT + ".")
    String output = SensitivityRequest.OUTPUT;

    @Option(names = "--endpoint", description = "Endpoint whose output is read (default: the scenario's analysis.primary_endpoint).")
    String endpoint;

    @Option(names = "--visit", description = "Visit whose output is read (default: the scenario's analysis.primary_visit).")
    String visit;

    @Option(names = "--samples", converter = Samples.class, paramLabel = "N",
            description = "Rows N of the Saltelli design (N (k+2) points for k fields; a power of 2 suits the Sobol sequence). "
                    + "Default: " + SensitivityRequest.SAMPLES + ".")
    int samples = SensitivityRequest.SAMPLES;

    @Option(names = "--replicates", converter = Bounds.Replicates.class, paramLabel = "R",
            description = "Virtual trials at each point, the same trials at every point. Default: " + SensitivityRequest.REPLICATES + ".")
    int replicates = SensitivityRequest.REPLICATES;

    @Option(names = "--bootstrap", converter = Resamples.class, paramLabel = "B",
            description = "Bootstrap resamples of the N rows for the 95% intervals (0: none). Default: " + SensitivityRequest.BOOTSTRAP + ".")
    int bootstrap = SensitivityRequest.BOOTSTRAP;

    @Mixin
    CommonOptions common;

    @Mixin
    InferenceOptions inference;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (inference.resume != null) {
            return inference.resume(spec);
        }
        inference.require(spec, scenarioFile, "SCENARIO");
        inference.require(spec, vary, "--vary");
        new SensitivityService(spec.commandLine().getOut()).run(new SensitivityRequest(scenarioFile, vary, output, endpoint, visit,
                samples, replicates, bootstrap, common.seed, common.threads, common.out, common.quiet, common.progress,
                spec.commandLine().getParseResult().originalArgs(), inference.execution(spec)));
        return ReconsimCommand.OK;
    }

    static final class Samples extends Bounds.WholeNumber {
        Samples() {
            super("--samples", 2, 1 << 20);
        }
    }

    static final class Resamples extends Bounds.WholeNumber {
        Resamples() {
            super("--bootstrap", 0, 100_000);
        }
    }
}
