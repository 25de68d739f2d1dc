package org.reconsim.cli;

import picocli.CommandLine.Option;

/**
 * Options that say how a command runs, never what it computes: the results are the same for
 * every value. That is why {@code power --resume} accepts exactly these (and the engine) while
 * it takes everything else from the checkpoint.
 */
class ExecutionOptions {

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but results and errors (no progress bar).")
    boolean quiet;

    @Option(names = "--progress", description = "Show a progress bar on stderr even when it is not a terminal.")
    boolean progress;

    /** A progress bar on stderr when attached to a terminal or asked for, and not --quiet. */
    Progress progress(String task, long total) {
        return Progress.on(quiet, progress, task, total);
    }

    /** The requested worker threads, else all cores; checked by the services, where threads are used. */
    static int threadCount(Integer requested) {
        if (requested == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (requested < 1 || requested > 4096) {
            throw new InvalidInputException("reconsim: --threads must be within 1..4096, got " + requested);
        }
        return requested;
    }
}
