package org.reconsim.models.mechanism;

/**
 * How a drug acts on memory: one hypothesis module of docs/MODEL.md section 3 (M1-M4 and
 * relatives). The engine calls these hooks at fixed points of the retrieval choreography
 * (engine.sim.Reconsolidation): at a retrieval, on every learning trial and when a labile
 * window closes. Every hook defaults to "no effect" (factor 1), so a module overrides only the
 * hooks it acts through; {@link MechanismSet} multiplies the factors of the active modules.
 *
 * <p>A new mechanism is one record implementing this interface, its components annotated with
 * {@link org.reconsim.models.spec.Spec} (they become its scenario section, schema entry and
 * field reference) and a static {@code defaults()}, plus one {@link MechanismType} line in
 * {@link MechanismRegistry} or in a {@link MechanismProvider} on the class path.
 */
public interface Mechanism {

    /** Restabilization efficiency rho given the mean NMDA occupancy over the labile window. */
    default double restabilizationEfficiency(double meanOccupancy) {
        return 1;
    }

    /**
     * Learning-rate multiplier at {@code hoursSinceInfusion} (NaN when no drug was given) for a
     * patient with the given peak occupancy, when the occupancy now is {@code occupancyNow}.
     */
    default double learningGain(double hoursSinceInfusion, double peakOccupancy, double occupancyNow) {
        return 1;
    }

    /** Multiplier of the destabilization probability for the occupancy at retrieval. */
    default double destabilizationScale(double occupancyAtRetrieval) {
        return 1;
    }

    /** Multiplier of the trace strength applied at a retrieval with the drug present. */
    default double strengtheningFactor(double occupancyAtRetrieval) {
        return 1;
    }

    /** Factor on the latent-cause concentration alpha at this occupancy. */
    default double alphaFactor(double occupancy) {
        return 1;
    }

    /** Factor on the latent-cause outcome variance sigma_r^2 at this occupancy. */
    default double sigmaFactor(double occupancy) {
        return 1;
    }

    /**
     * Whether a hook reads the occupancy at the moment of a retrieval or trial; when no active
     * module does, the engine skips evaluating the concentration on every trial.
     */
    default boolean readsCurrentOccupancy() {
        return false;
    }
}
