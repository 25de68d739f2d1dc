package org.reconsim.engine.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that cannot be used, with every problem found. */
public final class InvalidScenarioException extends Exception {

    private final transient List<Problem> problems;

    public InvalidScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
