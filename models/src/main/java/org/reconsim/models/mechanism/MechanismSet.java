package org.reconsim.models.mechanism;

import java.util.Optional;

/**
 * Which drug-mechanism hypotheses are true for the virtual patients (MODEL.md section 3).
 * Both absent is the null hypothesis: the drug has no effect on memory.
 */
public record MechanismSet(Optional<RestabilizationBlockade> blockade, Optional<PlasticityWindow> plasticity) {

    public static MechanismSet none() {
        return new MechanismSet(Optional.empty(), Optional.empty());
    }

    public boolean isNull() {
        return blockade.isEmpty() && plasticity.isEmpty();
    }

    /** Restabilization efficiency given the mean occupancy over the labile window. */
    public double restabilizationEfficiency(double meanOccupancy) {
        return blockade.map(b -> b.restabilizationEfficiency(meanOccupancy)).orElse(1.0);
    }

    /** Learning gain at {@code hoursSinceInfusion}. */
    public double learningGain(double hoursSinceInfusion, double peakOccupancy) {
        return plasticity.map(w -> w.learningGain(hoursSinceInfusion, peakOccupancy)).orElse(1.0);
    }
}
