package org.reconsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A sensitivity run as plain values: what SensitivityCommand makes of its options, and what a
 * test can build without picocli. The scenario-dependent checks (do the fields exist and accept
 * their priors' ranges? is there such an endpoint and visit?) are SensitivityService's.
 *
 * @param scenario     the scenario file
 * @param vary         each {@code --vary FIELD=PRIOR} as typed (at least one)
 * @param output       power, mean_z or effect_d
 * @param endpoint     the endpoint whose output is read, or null for the scenario's analysis.primary_endpoint
 * @param visit        the visit, or null for the scenario's analysis.primary_visit
 * @param samples      N, the rows of the Saltelli design
 * @param replicates   R, virtual trials at each point
 * @param bootstrap    bootstrap resamples for the intervals
 * @param seed         master seed, or null for the scenario's simulation.seed
 * @param threads      worker threads, or null for all cores
 * @param out          output folder, or null for runs/&lt;scenario&gt;-sensitivity-&lt;time&gt;/
 * @param quiet        print nothing but the table and errors
 * @param progress     show a progress bar even when stderr is not a terminal
 * @param commandLine  the command line as typed, for the manifest
 * @param execution   where the simulations run and whether the run continues an interrupted one
 */
record SensitivityRequest(Path scenario, List<String> vary, String output, String endpoint, String visit, int samples, int replicates,
                          int bootstrap, Long seed, Integer threads, Path out, boolean quiet, boolean progress,
                          List<String> commandLine, InferenceExecution execution) {

    /** Defaults of the command's options. */
    static final int SAMPLES = 64;
    static final int REPLICATES = 100;
    static final int BOOTSTRAP = 1000;
    static final String OUTPUT = "mean_z";

    SensitivityRequest {
        Objects.requireNonNull(scenario, "scenario");
        vary = List.copyOf(vary);
        Objects.requireNonNull(output, "output");
        commandLine = List.copyOf(commandLine);
    }

    /** A request with every default: what tests start from. */
    static SensitivityRequest of(Path scenario, List<String> vary, Path out) {
        return new SensitivityRequest(scenario, vary, OUTPUT, null, null, SAMPLES, REPLICATES, BOOTSTRAP, null, null, out, true, false,
                List.of(), InferenceExecution.LOCAL);
    }
}
