package org.reconsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A power run as plain values: what PowerCommand makes of its options, and what a test can build
 * without picocli. Null means "the scenario's" for seed, sizes and replicates, and "none" for the
 * optional analyses. The values are checked where they are parsed (the option converters); the
 * scenario-dependent checks (does the swept field exist?) are PowerService's.
 *
 * @param scenario       the scenario file
 * @param seed           master seed, or null for the scenario's simulation.seed
 * @param sizes          patients per arm, or null for the scenario's design.n_per_arm
 * @param replicates     virtual trials per sample size, or null for the scenario's simulation.replicates
 * @param sweep          a field to sweep, or null
 * @param assurance      a prior to draw a field from, or null (never with a sweep)
 * @param posterior      a calibration's posterior.csv to draw whole particles from, or null (never with a sweep or
 *                       --assurance); its SHA-256 is pinned once the file has been read (PowerService), so that a
 *                       checkpoint holds it
 * @param precision      the Wilson half-width to add replicates until, or null
 * @param targetPower    the power whose smallest reaching size to search for (SampleSizeRun), or null; the sizes are
 *                       then the bounds of the search
 * @param out            output folder, or null for runs/&lt;scenario&gt;-power-&lt;time&gt;/
 * @param replicateTable also write replicates.csv
 * @param execution      engine, threads and the like
 * @param commandLine    the command line as typed, for the manifest
 * @param sizeFor        which row --target-power sizes for (--contrast, --endpoint, --visit, --analysis)
 */
record PowerRequest(Path scenario, Long seed, List<Integer> sizes, Integer replicates, SweepSpec sweep, AssuranceSpec assurance,
                    Double precision, Double targetPower, Path out, boolean replicateTable, PowerExecution execution,
                    List<String> commandLine, PosteriorInput.Source posterior, SizeFor sizeFor) {

    static final String SWEEP_OR_ASSURANCE = "reconsim: --assurance and --sweep cannot be combined";
    static final String POSTERIOR_OR_ASSURANCE = "reconsim: --posterior and --assurance cannot be combined: the posterior's "
            + "particles set every free field and the mechanisms themselves";
    static final String POSTERIOR_OR_SWEEP = "reconsim: --posterior and --sweep cannot be combined";
    static final String SIZE_FOR_NEEDS_TARGET = "reconsim: --contrast, --endpoint, --visit and --analysis choose what "
            + "--target-power sizes for; give --target-power P";
    static final String TARGET_OR_PRECISION = "reconsim: --target-power and --precision cannot be combined: the sample-size "
            + "search uses the same number of virtual trials at every size it simulates (--replicates)";
    static final String TARGET_OR_TABLE = "reconsim: --target-power and --replicate-table cannot be combined: the search "
            + "chooses which sizes to simulate; run power at the sizes it reports to get their trials";

    /** A run without a posterior. */
    PowerRequest(Path scenario, Long seed, List<Integer> sizes, Integer replicates, SweepSpec sweep, AssuranceSpec assurance,
                 Double precision, Double targetPower, Path out, boolean replicateTable, PowerExecution execution,
                 List<String> commandLine) {
        this(scenario, seed, sizes, replicates, sweep, assurance, precision, targetPower, out, replicateTable, execution, commandLine,
                null, SizeFor.DEFAULTS);
    }

    /** A run with a posterior (or none) and the default row to size for. */
    PowerRequest(Path scenario, Long seed, List<Integer> sizes, Integer replicates, SweepSpec sweep, AssuranceSpec assurance,
                 Double precision, Double targetPower, Path out, boolean replicateTable, PowerExecution execution,
                 List<String> commandLine, PosteriorInput.Source posterior) {
        this(scenario, seed, sizes, replicates, sweep, assurance, precision, targetPower, out, replicateTable, execution, commandLine,
                posterior, SizeFor.DEFAULTS);
    }

    PowerRequest {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(execution, "execution");
        sizes = sizes == null ? null : List.copyOf(sizes);
        commandLine = List.copyOf(commandLine);
        if (sweep != null && assurance != null) {
            // PowerCommand's argument group already refuses this; a request built in code must too
            throw new InvalidInputException(SWEEP_OR_ASSURANCE);
        }
        if (posterior != null && assurance != null) {
            throw new InvalidInputException(POSTERIOR_OR_ASSURANCE);
        }
        if (posterior != null && sweep != null) {
            throw new InvalidInputException(POSTERIOR_OR_SWEEP);
        }
        sizeFor = sizeFor == null ? SizeFor.DEFAULTS : sizeFor;
        if (targetPower == null && !sizeFor.isDefault()) {
            throw new InvalidInputException(SIZE_FOR_NEEDS_TARGET);
        }
        if (targetPower != null && precision != null) {
            throw new InvalidInputException(TARGET_OR_PRECISION);
        }
        if (targetPower != null && replicateTable) {
            throw new InvalidInputException(TARGET_OR_TABLE);
        }
    }

    /** The same run, every default filled in: what a checkpoint records. */
    PowerRequest resolved(long seed, List<Integer> sizes, int replicates, Path out) {
        return new PowerRequest(scenario, seed, sizes, replicates, sweep, assurance, precision, targetPower, out, replicateTable,
                execution, commandLine, posterior, sizeFor);
    }

    /** The same run drawing from {@code posterior} (the file with its SHA-256 pinned). */
    PowerRequest withPosterior(PosteriorInput.Source posterior) {
        return new PowerRequest(scenario, seed, sizes, replicates, sweep, assurance, precision, targetPower, out, replicateTable,
                execution, commandLine, posterior, sizeFor);
    }
}
