package org.reconsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.reconsim.engine.scenario.Scenario;

/**
 * A {@code run} as plain values: what RunCommand makes of its options, and what a test can build
 * without picocli. Null means "the scenario's" for seed and patients per arm, and "all cores" for
 * threads; threads are checked by RunService, where they are used, as they always were.
 *
 * @param scenario    the scenario file
 * @param seed        master seed, or null for the scenario's simulation.seed
 * @param nPerArm     patients per arm, or null for the scenario's design.n_per_arm
 * @param replicates  virtual trials to simulate
 * @param threads     worker threads, or null for all cores
 * @param out         output folder, or null for runs/&lt;scenario&gt;-run-&lt;time&gt;/
 * @param force       replace an earlier run in {@code out} (--force)
 * @param quiet       print nothing but results and errors
 * @param commandLine the command line as typed, for the manifest
 */
record RunRequest(Path scenario, Long seed, Integer nPerArm, int replicates, Integer threads, Path out, boolean force,
                  boolean quiet, List<String> commandLine) {

    RunRequest {
        Objects.requireNonNull(scenario, "scenario");
        commandLine = List.copyOf(commandLine);
    }

    /** Without --force. */
    RunRequest(Path scenario, Long seed, Integer nPerArm, int replicates, Integer threads, Path out, boolean quiet,
               List<String> commandLine) {
        this(scenario, seed, nPerArm, replicates, threads, out, false, quiet, commandLine);
    }

    long seed(Scenario s) {
        return seed == null ? s.simulation().seed() : seed;
    }

    int nPerArm(Scenario s) {
        return nPerArm == null ? s.design().nPerArm() : PatientsPerArm.analysable(s, nPerArm);
    }
}
