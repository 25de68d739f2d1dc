package org.reconsim.cli;

import picocli.CommandLine.Option;

/** The single patients-per-arm value of run and generate (power takes a list: {@link SampleSizeList}). */
final class PatientsPerArm {

    @Option(names = "--n-per-arm", converter = Bounds.PatientsPerArm.class,
            description = "Patients per arm (default: the scenario's design.n_per_arm).")
    Integer nPerArm;
}
