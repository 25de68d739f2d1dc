package org.reconsim.models.mechanism;

import org.reconsim.models.spec.Spec;

/**
 * New associative learning (acquisition and extinction) needs NMDA receptors: learning rates
 * are multiplied by {@code 1 - k * O(t)} while the drug is present (MK-801 blocked
 * extinction, Lee 2006; Falls 1992). Not one of docs/MODEL.md's M1-M4: the phenomena suite uses it
 * to show which findings need it.
 *
 * @param k blockade of learning per unit occupancy (0..1)
 */
public record LearningBlockade(
        @Spec(doc = "Loss of learning rate per unit occupancy", min = 0, max = 1, source = "[assumption] Lee 2006; Falls 1992")
        double k) implements Mechanism {

    public static LearningBlockade defaults() {
        return new LearningBlockade(1.0); // [assumption] full occupancy abolishes NMDA-dependent learning
    }

    @Override
    public boolean readsCurrentOccupancy() {
        return true;
    }

    @Override
    public double learningGain(double hoursSinceInfusion, double peakOccupancy, double occupancyNow) {
        return learningFactor(occupancyNow);
    }

    public double learningFactor(double occupancy) {
        return Math.max(0, 1 - k * occupancy);
    }
}
