package org.reconsim.results.power;

import org.reconsim.engine.scenario.Scenario;

/**
 * Which arm mean of a trial: the mean observed value of one endpoint at one visit (baseline
 * included) over one arm's patients.
 *
 * @param arm       arm name
 * @param visit     visit
 * @param endpoint  outcome measure
 */
public record ArmMeanKey(String arm, Scenario.Visit visit, Scenario.Endpoint endpoint) {
}
