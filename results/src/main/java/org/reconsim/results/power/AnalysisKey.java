package org.reconsim.results.power;

import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Scenario;

/**
 * Which analysis of one trial: the contrast, the endpoint, the visit and the method.
 *
 * @param contrast  treatment arm minus control arm
 * @param endpoint  outcome measure
 * @param visit     post-baseline visit the effect is estimated at
 * @param method    analysis method
 */
public record AnalysisKey(Contrast contrast, Scenario.Endpoint endpoint, Scenario.Visit visit, AnalysisMethod method) {
}
