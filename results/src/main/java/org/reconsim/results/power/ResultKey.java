package org.reconsim.results.power;

import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;

/**
 * Which result of a replicate: an analysis ({@link AnalysisKey}) of the trial with
 * {@code nPerArm} patients per arm.
 *
 * @param nPerArm   patients per arm of the analysed trial
 * @param analysis  contrast, endpoint, visit and method
 */
public record ResultKey(int nPerArm, AnalysisKey analysis) {

    public ResultKey(int nPerArm, Contrast contrast, Endpoint endpoint, Visit visit, AnalysisMethod method) {
        this(nPerArm, new AnalysisKey(contrast, endpoint, visit, method));
    }

    public Contrast contrast() {
        return analysis.contrast();
    }

    public Endpoint endpoint() {
        return analysis.endpoint();
    }

    public Visit visit() {
        return analysis.visit();
    }

    public AnalysisMethod method() {
        return analysis.method();
    }
}
