package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;

/** Dropout from therapy ({@code therapy.dropout}). */
public record Dropout(
        @Spec(doc = "Probability of dropping out over the PE course (spread evenly over sessions); dropouts miss later visits",
                min = 0, max = 1, maxExclusive = true, source = "Imel 2013: 18%; Lewis 2020: 16%") double probability,
        @Spec(doc = "Missingness mechanism: mcar (constant hazard), mar (hazard rises with the observed baseline PCL-5), "
                + "mnar (hazard rises with the distress of the last session, unobserved)") DropoutMechanism mechanism,
        @Spec(doc = "Log hazard ratio per SD of distress (mar, mnar)", min = -5, max = 5,
                source = "[assumption] dropout concentrated in more distressed patients (Imel 2013)") double distressSlope) {

    public static Dropout defaults() {
        return new Dropout(0.18, DropoutMechanism.MCAR, 0.5);
    }
}
