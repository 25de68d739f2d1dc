package org.reconsim.results.analysis;

import java.util.List;

import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.AnalysisMethodProvider;

/**
 * Adds analyses from outside this module (a plug-in jar, a test). It is an
 * {@link AnalysisMethodProvider}, so one line in
 * {@code META-INF/services/org.reconsim.engine.scenario.AnalysisMethodProvider} makes the
 * engine accept the names in scenario files and {@link AnalysisRegistry} run the analyses.
 */
public interface AnalysisProvider extends AnalysisMethodProvider {

    List<AnalysisType> analyses();

    /** The names of {@link #analyses()}: a provider declares each analysis once. */
    @Override
    default List<AnalysisMethod> methods() {
        return analyses().stream().map(AnalysisType::method).toList();
    }
}
