package org.reconsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.reconsim.engine.scenario.Scenario;

/**
 * A {@code pk} run as plain values: what PkCommand makes of its options, and what a test can build
 * without picocli. The bounds of subjects and hours are checked where they are parsed (the option
 * converters). No threads: the population is simulated on one thread, and pk has always accepted
 * any --threads.
 *
 * @param scenario    the scenario file
 * @param seed        master seed, or null for the scenario's simulation.seed
 * @param subjects    virtual patients per arm
 * @param hours       time span after the infusion start
 * @param out         output folder, or null for runs/&lt;scenario&gt;-pk-&lt;time&gt;/
 * @param quiet       print nothing but results and errors
 * @param commandLine the command line as typed, for the manifest
 */
record PkRequest(Path scenario, Long seed, int subjects, double hours, Path out, boolean quiet, List<String> commandLine) {

    PkRequest {
        Objects.requireNonNull(scenario, "scenario");
        commandLine = List.copyOf(commandLine);
    }

    long seed(Scenario s) {
        return seed == null ? s.simulation().seed() : seed;
    }
}
