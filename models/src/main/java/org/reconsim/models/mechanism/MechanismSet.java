package org.reconsim.models.mechanism;

import java.util.Optional;

/**
 * Which drug-mechanism hypotheses are true for the virtual patients (MODEL.md section 3).
 * All absent is the null hypothesis: the drug has no effect on memory.
 *
 * @param blockade      M1, restabilization blockade
 * @param plasticity    M2, plasticity window
 * @param interference  M3, destabilization interference (and optional strengthening)
 * @param learning      NMDA-dependent new learning blocked while the drug is present
 * @param structure     M4, structure learning (latent-cause model only)
 */
public record MechanismSet(Optional<RestabilizationBlockade> blockade, Optional<PlasticityWindow> plasticity,
                           Optional<DestabilizationInterference> interference, Optional<LearningBlockade> learning,
                           Optional<StructureLearning> structure) {

    public MechanismSet(Optional<RestabilizationBlockade> blockade, Optional<PlasticityWindow> plasticity,
                        Optional<DestabilizationInterference> interference, Optional<LearningBlockade> learning) {
        this(blockade, plasticity, interference, learning, Optional.empty());
    }

    public MechanismSet(Optional<RestabilizationBlockade> blockade, Optional<PlasticityWindow> plasticity) {
        this(blockade, plasticity, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static MechanismSet none() {
        return new MechanismSet(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isNull() {
        return blockade.isEmpty() && plasticity.isEmpty() && interference.isEmpty() && learning.isEmpty() && structure.isEmpty();
    }

    /** Factor on the latent-cause concentration alpha at this occupancy (M4). */
    public double alphaFactor(double occupancy) {
        return structure.isEmpty() ? 1.0 : structure.get().alphaFactor(occupancy);
    }

    /** Factor on the latent-cause outcome variance at this occupancy (M4). */
    public double sigmaFactor(double occupancy) {
        return structure.isEmpty() ? 1.0 : structure.get().sigmaFactor(occupancy);
    }

    /** Restabilization efficiency given the mean occupancy over the labile window. */
    public double restabilizationEfficiency(double meanOccupancy) {
        return blockade.isEmpty() ? 1.0 : blockade.get().restabilizationEfficiency(meanOccupancy);
    }

    /**
     * Learning-rate multiplier at {@code hoursSinceInfusion} for a patient with the given peak
     * occupancy, when the occupancy now is {@code occupancyNow}.
     */
    public double learningGain(double hoursSinceInfusion, double peakOccupancy, double occupancyNow) {
        double g = plasticity.isEmpty() ? 1.0 : plasticity.get().learningGain(hoursSinceInfusion, peakOccupancy);
        return learning.isEmpty() ? g : g * learning.get().learningFactor(occupancyNow);
    }

    /** Learning-rate multiplier without a current-occupancy term. */
    public double learningGain(double hoursSinceInfusion, double peakOccupancy) {
        return learningGain(hoursSinceInfusion, peakOccupancy, 0);
    }

    /** Multiplier of the destabilization probability for the occupancy at retrieval. */
    public double destabilizationScale(double occupancyAtRetrieval) {
        return interference.isEmpty() ? 1.0 : interference.get().destabilizationScale(occupancyAtRetrieval);
    }

    /** Multiplier of the trace strength for the occupancy at retrieval. */
    public double strengtheningFactor(double occupancyAtRetrieval) {
        return interference.isEmpty() ? 1.0 : interference.get().strengtheningFactor(occupancyAtRetrieval);
    }
}
