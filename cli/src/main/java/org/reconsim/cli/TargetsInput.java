package org.reconsim.cli;

import java.nio.file.Path;

import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.Problem;
import org.reconsim.engine.targets.LoadedTargets;
import org.reconsim.engine.targets.TargetsLoader;

/** A target file argument (docs/TARGETS.md): loaded with the scenario it names, problems turned into exit-code-2 input errors. */
final class TargetsInput {

    private TargetsInput() {
    }

    static LoadedTargets load(Path file) {
        try {
            return TargetsLoader.load(file);
        } catch (InvalidScenarioException e) {
            throw new InvalidInputException(e.problems().stream().map(Problem::toString).toList());
        }
    }
}
