package org.reconsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code reconsim check SCENARIO --targets FILE}: the predictive check of a trial's published
 * results under each mechanism hypothesis (docs/INFERENCE.md). The command only reads options
 * into a {@link CheckRequest} and hands it to {@link CheckService}.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Simulate the trial at its published sizes under each hypothesis and confront the simulated z with the "
                + "published findings of a target file; write check.csv, report.html and manifest.json.")
final class CheckCommand implements Callable<Integer> {

    // optional so that --resume DIR alone parses; a new run requires it (InferenceOptions.require)
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = ScenarioInput.DESCRIPTION)
    Path scenarioFile;

    @Option(names = "--targets", paramLabel = "FILE", description = "Target file with the published findings "
            + "(docs/TARGETS.md).")
    Path targets;

    @Option(names = "--hypotheses", split = ",", paramLabel = "H", description = "Hypotheses to check, comma-separated: null, or "
            + "mechanism labels joined by '+' (default: the scenario's mechanisms.active).")
    List<String> hypotheses;

    @Option(names = "--replicates", converter = Bounds.Replicates.class, description = "Simulated trials per hypothesis (default: "
            + "the scenario's simulation.replicates).")
    Integer replicates;

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
        inference.require(spec, targets, "--targets");
        new CheckService(spec.commandLine().getOut()).run(new CheckRequest(scenarioFile, targets, hypotheses, replicates,
                common.seed, common.threads, common.out, common.quiet, common.progress,
                spec.commandLine().getParseResult().originalArgs(), inference.execution(spec)));
        return ReconsimCommand.OK;
    }
}
