package org.reconsim.engine.targets;

import org.reconsim.models.spec.Spec;

/** Patients per arm behind a finding, as published (or as read, with a note). */
public record ArmSizes(
        @Spec(doc = "Patients in the treatment arm", min = 1, required = true) int treatment,
        @Spec(doc = "Patients in the control arm", min = 1, required = true) int control) {
}
