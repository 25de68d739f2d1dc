package org.reconsim.results.power;

import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.sim.ArmPlan;
import org.reconsim.engine.sim.TrialPlan;

/**
 * A comparison the analyses estimate: {@code treatment} minus {@code control}, named by the two
 * arms' names. It is a key of every result so that adding arms adds contrasts (one per
 * treatment arm) without changing how results are stored or looked up.
 *
 * @param treatment  name of the arm whose effect is estimated
 * @param control    name of the arm it is compared with
 */
public record Contrast(String treatment, String control) {

    public Contrast {
        if (treatment == null || control == null || treatment.equals(control)) {
            throw new IllegalArgumentException("a contrast compares two different arms, got " + treatment + " and " + control);
        }
    }

    /** Every treatment arm against the control arm, in arm order. */
    public static List<Contrast> of(TrialPlan plan) {
        String control = plan.controlArm().name();
        List<Contrast> out = new ArrayList<>();
        for (ArmPlan arm : plan.arms()) {
            if (!arm.control()) {
                out.add(new Contrast(arm.name(), control));
            }
        }
        return List.copyOf(out);
    }

    /** {@code treatment-control}, as a label. */
    public String label() {
        return treatment + "-" + control;
    }
}
