package org.reconsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A {@code check} as plain values: what CheckCommand makes of its options, and what a test can
 * build without picocli. Null means "the scenario's" for hypotheses (its mechanisms.active),
 * replicates (simulation.replicates) and seed, and "all cores" for threads.
 *
 * @param scenario    the scenario file
 * @param targets     the target file (docs/TARGETS.md)
 * @param hypotheses  hypothesis labels (null, or mechanism labels joined by '+'), or null
 * @param replicates  simulated trials per hypothesis, or null
 * @param seed        master seed, or null
 * @param threads     worker threads, or null
 * @param out         output folder, or null for runs/&lt;scenario&gt;-check-&lt;time&gt;/
 * @param quiet       print nothing but results and errors
 * @param progress    show a progress bar even when stderr is not a terminal
 * @param commandLine the command line as typed, for the manifest
 * @param execution   where the simulations run and whether the run continues an interrupted one
 */
record CheckRequest(Path scenario, Path targets, List<String> hypotheses, Integer replicates, Long seed, Integer threads, Path out,
                    boolean quiet, boolean progress, List<String> commandLine, InferenceExecution execution) {

    CheckRequest {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(targets, "targets");
        hypotheses = hypotheses == null ? null : List.copyOf(hypotheses);
        commandLine = List.copyOf(commandLine);
    }
}
