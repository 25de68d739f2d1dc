package org.reconsim.cli;

import java.util.concurrent.Callable;

import org.reconsim.engine.scenario.LoadedScenario;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reconsim validate FILE}: checks a scenario file; exit 0, or 2 with one line per problem. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a scenario file and print its canonical hash.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ScenarioInput scenario;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadedScenario s = scenario.load();
        spec.commandLine().getOut().println(scenario.file + ": valid scenario '" + s.scenario().name() + "' (sha256 "
                + s.canonical().sha256() + ")");
        return ReconsimCommand.OK;
    }
}
