package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;
import org.reconsim.models.pharmacology.DrugType;

/**
 * One treatment arm (an entry of {@code design.arms}): its drug, dose, infusion, when the infusion
 * starts relative to the pre-visit retrieval, whether that retrieval happens at all, and its
 * allocation ratio. Arms differ only in these: PE sessions and scans follow the protocol's one
 * timeline for every arm, so a timing arm (ketamine 8 h after retrieval) differs from the
 * immediate arm in the drug's timing alone.
 */
public record Arm(
        @Spec(doc = "Arm name (letters, digits, '-' or '_')", required = true) String name,
        @Spec(doc = "Drug given after retrieval", required = true) DrugType drug,
        @Spec(doc = "Dose per kg body weight", unit = "mg/kg", min = 0, max = 10, required = true) double doseMgPerKg,
        @Spec(doc = "Duration of the zero-order infusion", unit = "min", min = 0, max = 1440, source = "Duek 2021: 40 min")
        double infusionMinutes,
        @Spec(doc = "Allocation ratio (patients in the arm = n_per_arm x allocation; a published trial's exact sizes, e.g. "
                + "14 and 13 with n_per_arm 1)", min = 1, max = 1000) int allocation,
        @Spec(doc = "This arm's infusion start relative to the end of the pre-visit retrieval (negative: before it); "
                + "default: protocol.infusion_start_hours", unit = "h", min = -48, max = 240,
                source = "design choice: e.g. 8 h after retrieval, outside the labile window (docs/MODEL.md 2)")
        double infusionStartHours,
        @Spec(doc = "Whether the pre-visit trauma script reactivates the memory in this arm (false: a no-reactivation "
                + "control, whose baseline is read without destabilizing the trace)", source = "[assumption] "
                + "no-reactivation controls of reconsolidation designs (Kredlow 2016)")
        boolean retrieval) {

    public static Arm defaults() {
        return new Arm(null, null, Double.NaN, 40.0, 1, Double.NaN, true);
    }

    /** This arm's infusion start in hours after the retrieval's end: its own, or the protocol's. */
    public double infusionStartHours(Protocol protocol) {
        return Double.isNaN(infusionStartHours) ? protocol.infusionStartHours() : infusionStartHours;
    }
}
