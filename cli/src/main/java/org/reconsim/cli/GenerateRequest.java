package org.reconsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.reconsim.engine.scenario.Scenario;
import org.reconsim.results.dataset.DatasetFormatType;

/**
 * A {@code generate} as plain values: what GenerateCommand makes of its options, and what a test
 * can build without picocli. Null means "the scenario's" for seed and patients per arm, and "all
 * cores" for threads (the patients are simulated in parallel; the dataset is the same on any
 * number of threads).
 *
 * @param scenario    the scenario file
 * @param seed        master seed, or null for the scenario's simulation.seed
 * @param nPerArm     patients per arm, or null for the scenario's design.n_per_arm
 * @param format      the registered dataset format to write
 * @param timeSeries  synthesize each scan's ROI time series (implied by formats that need them)
 * @param physio      also synthesize the EDA traces (only formats with physio files take them)
 * @param threads     worker threads, or null for all cores
 * @param out         output folder, or null for runs/&lt;scenario&gt;-generate-&lt;time&gt;/
 * @param force       replace an earlier run in {@code out} (--force)
 * @param quiet       print nothing but results and errors
 * @param commandLine the command line as typed, for the manifest
 */
record GenerateRequest(Path scenario, Long seed, Integer nPerArm, DatasetFormatType format, boolean timeSeries, boolean physio,
                       Integer threads, Path out, boolean force, boolean quiet, List<String> commandLine) {

    GenerateRequest {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(format, "format");
        commandLine = List.copyOf(commandLine);
    }

    /** On all cores, without --force. */
    GenerateRequest(Path scenario, Long seed, Integer nPerArm, DatasetFormatType format, boolean timeSeries, boolean physio,
                    Path out, boolean quiet, List<String> commandLine) {
        this(scenario, seed, nPerArm, format, timeSeries, physio, null, out, false, quiet, commandLine);
    }

    long seed(Scenario s) {
        return seed == null ? s.simulation().seed() : seed;
    }

    int nPerArm(Scenario s) {
        return nPerArm == null ? s.design().nPerArm() : nPerArm;
    }
}
