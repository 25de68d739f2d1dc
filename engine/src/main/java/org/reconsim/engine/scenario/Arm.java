package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;
import org.reconsim.models.pharmacology.DrugType;

/** One treatment arm (an entry of {@code design.arms}): its drug, dose, infusion and allocation ratio. */
public record Arm(
        @Spec(doc = "Arm name (letters, digits, '-' or '_')", required = true) String name,
        @Spec(doc = "Drug given after retrieval", required = true) DrugType drug,
        @Spec(doc = "Dose per kg body weight", unit = "mg/kg", min = 0, max = 10, required = true) double doseMgPerKg,
        @Spec(doc = "Duration of the zero-order infusion", unit = "min", min = 0, max = 1440, source = "Duek 2021: 40 min")
        double infusionMinutes,
        @Spec(doc = "Allocation ratio (patients per arm = n_per_arm x allocation)", min = 1, max = 10) int allocation) {

    public static Arm defaults() {
        return new Arm(null, null, Double.NaN, 40.0, 1);
    }
}
