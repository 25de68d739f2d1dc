package org.reconsim.cli;

import java.nio.file.Path;

import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Problem;
import org.reconsim.engine.scenario.ScenarioLoader;

import picocli.CommandLine.Parameters;

/** The SCENARIO argument of validate, run, generate and pk; loads it, turning problems into exit-code-2 input errors. */
final class ScenarioInput {

    static final String DESCRIPTION = "Scenario file (.yaml, .yml or .json).";

    @Parameters(index = "0", paramLabel = "SCENARIO", description = DESCRIPTION)
    Path file;

    LoadedScenario load() {
        return load(file);
    }

    static LoadedScenario load(Path file) {
        try {
            return ScenarioLoader.load(file);
        } catch (InvalidScenarioException e) {
            throw new InvalidInputException(e.problems().stream().map(Problem::toString).toList());
        }
    }
}
