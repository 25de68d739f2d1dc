package org.reconsim.models.mechanism;

import org.reconsim.models.spec.Spec;

/**
 * Mechanism M1: NMDA (GluN2A) blockade during the labile window impairs restabilization
 * (Milton 2013; post-retrieval ketamine, blood levels in the window predicted benefit: Das 2019).
 * <pre>  rho = 1 - kBlock * mean occupancy over the labile window  </pre>
 *
 * @param kBlock strength: loss of trace per unit of mean occupancy (0..1)
 */
public record RestabilizationBlockade(
        @Spec(doc = "Trace lost per unit of mean occupancy over the labile window", min = 0, max = 1,
                source = "[assumption] Milton 2013; Das 2019") double kBlock) implements Mechanism {

    /** kBlock 1 [assumption]: full occupancy throughout the window would erase the trace; the strength is the hypothesis under test. */
    public static RestabilizationBlockade defaults() {
        return new RestabilizationBlockade(1.0);
    }

    /** Restabilization efficiency for a mean occupancy over the labile window. */
    @Override
    public double restabilizationEfficiency(double meanOccupancy) {
        return Math.max(0, 1 - kBlock * meanOccupancy);
    }
}
