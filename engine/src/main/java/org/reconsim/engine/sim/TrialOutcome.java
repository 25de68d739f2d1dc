package org.reconsim.engine.sim;

import java.util.List;

/**
 * One virtual trial.
 *
 * @param replicate  replicate index
 * @param nPerArm    patients per arm (before allocation ratios)
 * @param patients   patients in subject order
 * @param events     protocol events the schedule executed
 */
public record TrialOutcome(int replicate, int nPerArm, List<PatientOutcome> patients, long events) {
}
