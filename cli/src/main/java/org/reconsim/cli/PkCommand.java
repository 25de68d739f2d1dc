package org.reconsim.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code reconsim pk SCENARIO}: drug exposure of the virtual population, per arm. The command only
 * reads options into a {@link PkRequest} and hands it to {@link PkService}.
 */
@Command(name = "pk", mixinStandardHelpOptions = true,
        description = "Concentration and NMDA occupancy over time per arm (median, 5-95%%), peak, time of peak, terminal half-life "
                + "and mean occupancy during the labile window; writes pk.csv and pk.svg.")
final class PkCommand implements Callable<Integer> {

    @Mixin
    ScenarioInput scenario;

    @Option(names = "--subjects", converter = Bounds.Subjects.class, description = "Virtual patients per arm (default: 1000).")
    int subjects = 1000;

    @Option(names = "--hours", converter = Bounds.Hours.class, description = "Time span after the infusion start (default: 48).")
    double hours = 48;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        new PkService(spec.commandLine().getOut()).run(new PkRequest(scenario.file, common.seed, subjects, hours, common.threads, common.out,
                common.force, common.quiet, spec.commandLine().getParseResult().originalArgs()));
        return ReconsimCommand.OK;
    }
}
