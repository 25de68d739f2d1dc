package org.reconsim.engine.sim;

import org.reconsim.models.pharmacology.DrugType;
import org.reconsim.models.pharmacology.PkModel;

/**
 * One arm, compiled.
 *
 * @param index            position in the scenario's arm list
 * @param name             arm name
 * @param drug             drug
 * @param pk               its PK model, null for a placebo without one (saline)
 * @param doseMgPerKg      dose per kg
 * @param infusionMinutes  infusion duration
 * @param allocation       allocation ratio
 * @param control          whether this is the control arm
 * @param infusionStart    simulation time the infusion starts (its own start, docs/MODEL.md 2)
 * @param retrieval        whether the pre-visit trauma script reactivates the memory
 */
public record ArmPlan(int index, String name, DrugType drug, PkModel pk, double doseMgPerKg, double infusionMinutes,
                      int allocation, boolean control, double infusionStart, boolean retrieval) {

    /** Whether the drug occupies NMDA receptors, so that the mechanisms act through it. */
    public boolean nmdaAntagonist() {
        return drug.nmdaAntagonist();
    }
}
