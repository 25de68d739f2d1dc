package org.reconsim.models.mechanism;

/**
 * Mechanism M3: NMDA (GluN2B) blockade at retrieval prevents destabilization (GluN2B needed
 * for destabilization, Ben Mamou 2006; Milton 2013), optionally strengthening the trace when
 * the drug is present at retrieval (ketamine before reactivation strengthened fear,
 * Honsberger 2015; Corlett 2013):
 * <pre>
 *   p_destab <- p_destab * (1 - kD * O(t_retrieval))
 *   E        <- E * (1 + strengthening * O(t_retrieval))
 * </pre>
 *
 * @param kD             interference per unit occupancy (0..1)
 * @param strengthening  relative gain of the trace per unit occupancy (0: off)
 */
public record DestabilizationInterference(double kD, double strengthening) {

    public static DestabilizationInterference defaults() {
        return new DestabilizationInterference(
                1.0,   // kD [assumption]: full GluN2B blockade prevents destabilization (Ben Mamou 2006)
                0.0);  // strengthening off by default [assumption]; Honsberger 2015 suggests > 0
    }

    public double destabilizationScale(double occupancy) {
        return Math.max(0, 1 - kD * occupancy);
    }

    public double strengtheningFactor(double occupancy) {
        return 1 + strengthening * occupancy;
    }
}
