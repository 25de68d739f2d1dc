package org.reconsim.cli;

import java.util.List;

/**
 * How an inference run (check, calibrate, discriminate, sensitivity) executes and how it can be
 * continued, as opposed to what it computes: none of these change a result.
 *
 * @param engine      where simulations run: "local" (threads) or "spark"
 * @param partitions  Spark partitions per batch; null for Spark's default parallelism
 * @param resumed     whether this run continues the interrupted one in its output folder (--resume)
 * @param arguments   the run's result-defining arguments, absolute paths, as the command parses them
 *                    again on --resume (empty: a run that can only be repeated, not resumed)
 * @param force       replace an earlier run in the output folder (--force)
 */
record InferenceExecution(String engine, Integer partitions, boolean resumed, List<String> arguments, boolean force) {

    /** Local threads, a new run: what tests and callers without a command line use. */
    static final InferenceExecution LOCAL = new InferenceExecution("local", null, false, List.of());

    InferenceExecution {
        arguments = List.copyOf(arguments);
    }

    /** Without --force. */
    InferenceExecution(String engine, Integer partitions, boolean resumed, List<String> arguments) {
        this(engine, partitions, resumed, arguments, false);
    }

    /** What this run may find in its output folder. */
    OutputFolder.Reuse reuse() {
        return OutputFolder.Reuse.of(force, resumed);
    }
}
