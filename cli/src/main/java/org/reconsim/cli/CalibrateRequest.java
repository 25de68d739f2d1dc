package org.reconsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A {@code calibrate} as plain values: what CalibrateCommand makes of its options, and what a test
 * builds without picocli. Checked by CalibrateService before any simulation.
 *
 * @param scenario      the scenario file
 * @param targets       the target file (docs/TARGETS.md) whose published z values are the observed statistics
 * @param free          each {@code --free FIELD=PRIOR} as typed
 * @param hypotheses    hypothesis labels ({@code null} or mechanism labels joined by '+'); empty: the scenario's own
 * @param particles     accepted particles per generation
 * @param generations   generations at most, counting the prior sample
 * @param minTolerance  stop once a generation's tolerance (z scale) is at most this
 * @param budget        simulated trials at most
 * @param predictive    posterior predictive trials per hypothesis in the report
 * @param threads       worker threads, or null for all cores
 * @param seed          master seed, or null for the scenario's simulation.seed
 * @param out           output folder, or null for runs/&lt;scenario&gt;-calibrate-&lt;time&gt;/
 * @param quiet         print nothing but results and errors
 * @param progress      show a progress bar even when stderr is not a terminal
 * @param commandLine   the command line as typed, for the manifest
 * @param execution   where the simulations run and whether the run continues an interrupted one
 */
record CalibrateRequest(Path scenario, Path targets, List<String> free, List<String> hypotheses, int particles, int generations,
                        double minTolerance, long budget, int predictive, int recovery, Integer threads, Long seed, Path out,
                        boolean quiet, boolean progress, List<String> commandLine, InferenceExecution execution) {

    static final int PARTICLES = 500;
    static final int GENERATIONS = 10;
    static final double MIN_TOLERANCE = 0.1;
    static final long BUDGET = 200_000;
    static final int PREDICTIVE = 200;
    /** Test trials per hypothesis of the model recovery on the calibration's statistics (0: none). */
    static final int RECOVERY = 200;

    CalibrateRequest {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(targets, "targets");
        free = List.copyOf(free);
        hypotheses = List.copyOf(hypotheses);
        commandLine = List.copyOf(commandLine);
    }
}
