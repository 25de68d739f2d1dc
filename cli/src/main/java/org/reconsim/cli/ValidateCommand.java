package org.reconsim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.targets.LoadedTargets;
import org.reconsim.engine.targets.TargetsLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code reconsim validate FILE}: checks a scenario file, or a target file (docs/TARGETS.md: one
 * whose top level has {@code findings} or {@code scenario}) with the scenario it names; exit 0,
 * or 2 with one line per problem.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario file and print its canonical hash, or a target file (top-level 'findings:', "
                + "docs/TARGETS.md) and the scenario it names.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario or target file (.yaml, .yml or .json).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (TargetsLoader.isTargetFile(file)) {
            LoadedTargets t = TargetsInput.load(file);
            int n = t.targets().findings().size();
            spec.commandLine().getOut().println(file + ": valid targets '" + t.targets().name() + "' (" + n
                    + (n == 1 ? " finding" : " findings") + ", scenario " + t.scenario().scenario().name() + ")");
            return ReconsimCommand.OK;
        }
        LoadedScenario s = ScenarioInput.load(file);
        spec.commandLine().getOut().println(file + ": valid scenario '" + s.scenario().name() + "' (sha256 "
                + s.canonical().sha256() + ")");
        return ReconsimCommand.OK;
    }
}
