package org.reconsim.engine.sim;

import org.reconsim.engine.scenario.Scenario;
import org.reconsim.models.pharmacology.PkModel;

/**
 * One arm, compiled.
 *
 * @param index            position in the scenario's arm list
 * @param name             arm name
 * @param drug             drug
 * @param pk               its PK model, null for saline
 * @param doseMgPerKg      dose per kg
 * @param infusionMinutes  infusion duration
 * @param allocation       allocation ratio
 * @param control          whether this is the control arm
 */
public record ArmPlan(int index, String name, Scenario.Drug drug, PkModel pk, double doseMgPerKg, double infusionMinutes,
                      int allocation, boolean control) {

    /** Whether the drug occupies NMDA receptors. */
    public boolean nmdaAntagonist() {
        return drug == Scenario.Drug.KETAMINE;
    }
}
