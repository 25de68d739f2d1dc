package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;
import java.util.List;

/**
 * The trial design (scenario section {@code design}): arms, the control arm, the contrasts beyond
 * every arm against the control, patients per arm, sites, interim analyses.
 */
public record Design(
        @Spec(doc = "Treatment arms, one of them the control; every other arm is compared with the control", required = true,
                minItems = 2, maxItems = 12)
        List<Arm> arms,
        @Spec(doc = "Name of the control arm; effects are other arm minus control", required = true)
        String controlArm,
        @Spec(doc = "Patients per arm (times the arm's allocation ratio)", min = PatientsPerArm.MIN, max = PatientsPerArm.MAX, source = "Duek 2021: 12 per arm")
        int nPerArm,
        @Spec(doc = "Number of sites; patients are spread evenly at random", min = 1, max = 1000, source = "Duek 2021: one site")
        int sites,
        @Spec(doc = "Named contrasts between two arms besides every arm against the control (e.g. two active arms)")
        List<ArmContrast> contrasts,
        @Spec(doc = "Group-sequential interim analyses of the primary analysis (docs/SEQUENTIAL.md); none: one analysis")
        Interims interims) {

    public Design {
        arms = ReadOnly.list(arms);
        contrasts = ReadOnly.list(contrasts);
    }

    /** A design without interim analyses. */
    public Design(List<Arm> arms, String controlArm, int nPerArm, int sites, List<ArmContrast> contrasts) {
        this(arms, controlArm, nPerArm, sites, contrasts, Interims.defaults());
    }


    /** Fewest patients an arm may hold: a within-arm variance to test against. */
    public static final int MIN_ARM_PATIENTS = 2;

    /**
     * The first arm with the smallest allocation ratio: the arm that holds the fewest patients
     * ({@code n_per_arm} x allocation) at any size, so the one to check against {@link #MIN_ARM_PATIENTS}.
     */
    public Arm smallestArm() {
        Arm smallest = arms.get(0);
        for (Arm a : arms) {
            if (a.allocation() < smallest.allocation()) {
                smallest = a;
            }
        }
        return smallest;
    }

    public static Design defaults() {
        return new Design(null, null, 12, 1, List.of(), Interims.defaults());
    }
}
