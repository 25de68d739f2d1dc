package org.reconsim.results.power;

import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;

/**
 * Which arm mean of a trial: the mean observed value of one endpoint at one visit (baseline
 * included) over one arm's patients.
 *
 * @param arm       arm name
 * @param visit     visit
 * @param endpoint  outcome measure
 */
public record ArmMeanKey(String arm, Visit visit, Endpoint endpoint) {
}
