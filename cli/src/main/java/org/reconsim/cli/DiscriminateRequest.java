package org.reconsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A {@code discriminate} run as plain values: what DiscriminateCommand makes of its options, and
 * what a test can build without picocli. DiscriminateService checks the hypotheses, the design
 * files and the sizes against the designs.
 *
 * @param scenario    the first design's scenario file
 * @param designs     further designs' scenario files (--design), in order
 * @param hypotheses  hypothesis labels as typed (null, or mechanism labels joined by '+')
 * @param sizes       patients per arm for every design, or null for each design's design.n_per_arm
 * @param replicates  test trials per hypothesis, design and size, or null for {@link DiscriminateService#DEFAULT_REPLICATES}
 * @param training    training trials per hypothesis, design and size, or null for {@link DiscriminateService#DEFAULT_TRAINING} or {@code replicates}, whichever is more
 * @param threads     worker threads, or null for all cores
 * @param seed        master seed, or null for the first scenario's simulation.seed
 * @param out         output folder, or null for runs/&lt;scenario&gt;-discriminate-&lt;time&gt;/
 * @param quiet       print nothing but results and errors
 * @param progress    show a progress bar even when stderr is not a terminal
 * @param commandLine the command line as typed, for the manifest
 * @param execution   where the simulations run and whether the run continues an interrupted one
 */
record DiscriminateRequest(Path scenario, List<Path> designs, List<String> hypotheses, List<Integer> sizes, Integer replicates,
                           Integer training, Integer threads, Long seed, Path out, boolean quiet, boolean progress,
                           List<String> commandLine, InferenceExecution execution) {

    DiscriminateRequest {
        Objects.requireNonNull(scenario, "scenario");
        designs = List.copyOf(designs);
        hypotheses = List.copyOf(hypotheses);
        sizes = sizes == null ? null : List.copyOf(sizes);
        commandLine = List.copyOf(commandLine);
    }
}
