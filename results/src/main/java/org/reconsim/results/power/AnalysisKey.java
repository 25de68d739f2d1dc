package org.reconsim.results.power;

import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;

/**
 * Which analysis of one trial: the contrast, the endpoint, the visit and the method.
 *
 * @param contrast  treatment arm minus control arm
 * @param endpoint  outcome measure
 * @param visit     post-baseline visit the effect is estimated at
 * @param method    analysis method
 */
public record AnalysisKey(Contrast contrast, Endpoint endpoint, Visit visit, AnalysisMethod method) {
}
