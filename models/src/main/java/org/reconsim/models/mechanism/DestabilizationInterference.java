package org.reconsim.models.mechanism;

import org.reconsim.models.spec.Spec;

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
public record DestabilizationInterference(
        @Spec(doc = "Loss of destabilization per unit occupancy at retrieval", min = 0, max = 1,
                source = "[assumption] Ben Mamou 2006; Milton 2013") double kD,
        @Spec(doc = "Relative strengthening of the trace per unit occupancy at retrieval (0: off)", min = 0, max = 10,
                source = "[assumption] off; Honsberger 2015 suggests > 0") double strengthening) implements Mechanism {

    public static DestabilizationInterference defaults() {
        return new DestabilizationInterference(
                1.0,   // kD [assumption]: full GluN2B blockade prevents destabilization (Ben Mamou 2006)
                0.0);  // strengthening off by default [assumption]; Honsberger 2015 suggests > 0
    }

    @Override
    public boolean readsCurrentOccupancy() {
        return true;
    }

    @Override
    public double destabilizationScale(double occupancy) {
        return Math.max(0, 1 - kD * occupancy);
    }

    @Override
    public double strengtheningFactor(double occupancy) {
        return 1 + strengthening * occupancy;
    }
}
