package org.reconsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.reconsim.models.memory.MemoryModel;
import org.reconsim.results.phenomena.MechanismHypothesis;

/**
 * A {@code phenomena} run as plain values: what PhenomenaCommand makes of its options, and what a
 * test can build without picocli. Models and hypotheses are resolved already (the command turns
 * --model and --mechanisms into them); the folder and the threads are PhenomenaService's to check.
 *
 * @param models      the memory models to run each experiment under (an experiment skips those it does not name)
 * @param hypotheses  the NMDA-antagonist mechanisms for the experiments with a mechanism matrix
 * @param dir         the folder of experiment files (*.yaml), or null for the bundled experiments ({@link BundledExperiments})
 * @param threads     worker threads, or null for all cores
 * @param out         output folder, or null for runs/phenomena-run-&lt;time&gt;/
 * @param force       replace an earlier run in {@code out} (--force)
 * @param quiet       print nothing but results and errors
 * @param commandLine the command line as typed, for the manifest
 */
record PhenomenaRequest(List<MemoryModel<?>> models, List<MechanismHypothesis> hypotheses, Path dir, Integer threads, Path out,
                        boolean force, boolean quiet, List<String> commandLine) {

    PhenomenaRequest {
        models = List.copyOf(models);
        hypotheses = List.copyOf(hypotheses);
        commandLine = List.copyOf(commandLine);
    }

    /** Without --force. */
    PhenomenaRequest(List<MemoryModel<?>> models, List<MechanismHypothesis> hypotheses, Path dir, Integer threads, Path out,
                     boolean quiet, List<String> commandLine) {
        this(models, hypotheses, dir, threads, out, false, quiet, commandLine);
    }
}
