package org.reconsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.reconsim.engine.scenario.Scenario;

/**
 * A {@code pk} run as plain values: what PkCommand makes of its options, and what a test can build
 * without picocli. The bounds of subjects and hours are checked where they are parsed (the option
 * converters). Null threads means all cores (the subjects are simulated in parallel; the table is
 * the same on any number of threads).
 *
 * @param scenario    the scenario file
 * @param seed        master seed, or null for the scenario's simulation.seed
 * @param subjects    virtual patients per arm
 * @param hours       time span after the infusion start
 * @param threads     worker threads, or null for all cores
 * @param out         output folder, or null for runs/&lt;scenario&gt;-pk-&lt;time&gt;/
 * @param force       replace an earlier run in {@code out} (--force)
 * @param quiet       print nothing but results and errors
 * @param commandLine the command line as typed, for the manifest
 */
record PkRequest(Path scenario, Long seed, int subjects, double hours, Integer threads, Path out, boolean force, boolean quiet,
                 List<String> commandLine) {

    PkRequest {
        Objects.requireNonNull(scenario, "scenario");
        commandLine = List.copyOf(commandLine);
    }

    /** On all cores, without --force. */
    PkRequest(Path scenario, Long seed, int subjects, double hours, Path out, boolean quiet, List<String> commandLine) {
        this(scenario, seed, subjects, hours, null, out, false, quiet, commandLine);
    }

    long seed(Scenario s) {
        return seed == null ? s.simulation().seed() : seed;
    }
}
