package org.reconsim.cli;

import picocli.CommandLine.Option;

/** The single patients-per-arm value of run and generate (power takes a list: {@link SampleSizeList}). */
final class PatientsPerArm {

    @Option(names = "--n-per-arm", converter = Bounds.PatientsPerArm.class,
            description = "Patients per arm (default: the scenario's design.n_per_arm).")
    Integer nPerArm;

    /**
     * Refuses a size that leaves an arm of {@code s} with fewer than two patients (patients in an
     * arm are n_per_arm x its allocation): its analyses would be undefined, not a result.
     */
    static int analysable(org.reconsim.engine.scenario.Scenario s, int n) {
        org.reconsim.engine.scenario.Arm a = s.design().smallestArm();
        long patients = (long) n * a.allocation();
        if (patients < org.reconsim.engine.scenario.Design.MIN_ARM_PATIENTS) {
            throw new InvalidInputException("reconsim: --n-per-arm: " + n + " gives arm '" + a.name() + "' " + patients
                    + " patient (n_per_arm x allocation); every arm needs at least " + org.reconsim.engine.scenario.Design.MIN_ARM_PATIENTS);
        }
        return n;
    }
}
