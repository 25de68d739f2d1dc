package org.reconsim.engine.scenario;

import java.util.List;

/**
 * Adds analysis names from outside the engine: list the implementing class in
 * {@code META-INF/services/org.reconsim.engine.scenario.AnalysisMethodProvider}. A provider
 * normally implements {@code org.reconsim.results.analysis.AnalysisProvider}, which supplies the
 * analyses with their names, so one registration makes an analysis both nameable in files and
 * runnable. Its names come after the built-in ones, in class-path order.
 */
public interface AnalysisMethodProvider {

    List<AnalysisMethod> methods();
}
