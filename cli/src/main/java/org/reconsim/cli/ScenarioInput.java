package org.reconsim.cli;

import java.nio.file.Path;

import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Problem;
import org.reconsim.engine.scenario.ScenarioLoader;

/** Loads a scenario for a command, turning problems into exit-code-2 input errors. */
final class ScenarioInput {

    private ScenarioInput() {
    }

    static LoadedScenario load(Path file) {
        try {
            return ScenarioLoader.load(file);
        } catch (InvalidScenarioException e) {
            throw new InvalidInputException(e.problems().stream().map(Problem::toString).toList());
        }
    }
}
