package org.reconsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Mixin
    ScenarioInput scenario;

    @Option(names = "--targets", required = true, paramLabel = "FILE", description = "Target file with the published findings "
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        new CheckService(spec.commandLine().getOut()).run(new CheckRequest(scenario.file, targets, hypotheses, replicates,
                common.seed, common.threads, common.out, common.quiet, common.progress,
                spec.commandLine().getParseResult().originalArgs()));
        return ReconsimCommand.OK;
    }
}
