package org.reconsim.models.mechanism;

/**
 * Mechanism M1: NMDA (GluN2A) blockade during the labile window impairs restabilization
 * (Milton 2013; post-retrieval ketamine, blood levels in the window predicted benefit: Das 2019).
 * <pre>  rho = 1 - kBlock * mean occupancy over the labile window  </pre>
 *
 * @param kBlock strength: loss of trace per unit of mean occupancy (0..1)
 */
public record RestabilizationBlockade(double kBlock) {

    /** kBlock 1 [assumption]: full occupancy throughout the window would erase the trace; the strength is the hypothesis under test. */
    public static RestabilizationBlockade defaults() {
        return new RestabilizationBlockade(1.0);
    }

    /** Restabilization efficiency for a mean occupancy over the labile window. */
    public double restabilizationEfficiency(double meanOccupancy) {
        return Math.max(0, 1 - kBlock * meanOccupancy);
    }
}
