package org.reconsim.results.power;

import org.reconsim.engine.scenario.ArmContrast;
import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.sim.ArmPlan;
import org.reconsim.engine.sim.TrialPlan;

/**
 * A comparison the analyses estimate: {@code treatment} minus {@code control}, analysed on those
 * two arms' patients. Every treatment arm is compared with the control arm (named
 * {@code <treatment>-vs-<control>}), and the scenario may name further contrasts between two
 * arms ({@code design.contrasts}, e.g. two active arms). It is a key of every result, so more
 * arms add contrasts without changing how results are stored or looked up.
 *
 * @param name       the contrast's label in every output (the {@code contrast} column)
 * @param treatment  name of the arm whose effect is estimated
 * @param control    name of the arm it is compared with
 */
public record Contrast(String name, String treatment, String control) {

    public Contrast {
        if (treatment == null || control == null || treatment.equals(control)) {
            throw new IllegalArgumentException("a contrast compares two different arms, got " + treatment + " and " + control);
        }
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a contrast needs a name");
        }
    }

    /** {@code treatment} against {@code control}, named {@code <treatment>-vs-<control>}. */
    public Contrast(String treatment, String control) {
        this(treatment + "-vs-" + control, treatment, control);
    }

    /** Every treatment arm against the control arm, in arm order, then the scenario's named contrasts in file order. */
    public static List<Contrast> of(TrialPlan plan) {
        String control = plan.controlArm().name();
        List<Contrast> out = new ArrayList<>();
        for (ArmPlan arm : plan.arms()) {
            if (!arm.control()) {
                out.add(new Contrast(arm.name(), control));
            }
        }
        for (ArmContrast c : plan.scenario().design().contrasts()) {
            out.add(new Contrast(c.name(), c.treatment(), c.control()));
        }
        return List.copyOf(out);
    }

    /** The contrast's name, as printed. */
    public String label() {
        return name;
    }
}
