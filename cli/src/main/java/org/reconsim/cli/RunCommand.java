package org.reconsim.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code reconsim run SCENARIO}: simulates virtual trials and writes their data and analyses. The
 * command only reads options into a {@link RunRequest} and hands it to {@link RunService}.
 */
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
        new RunService(spec.commandLine().getOut()).run(new RunRequest(scenario.file, common.seed, nPerArm.nPerArm, replicates,
                common.threads, common.out, common.force, common.quiet, spec.commandLine().getParseResult().originalArgs()));
        return ReconsimCommand.OK;
    }
}
