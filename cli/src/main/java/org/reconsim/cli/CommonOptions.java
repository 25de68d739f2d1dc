package org.reconsim.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options every simulation command takes. */
final class CommonOptions {

    @Option(names = "--seed", description = "Master seed (default: the scenario's simulation.seed).")
    Long seed;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", description = "Output folder (default: runs/<scenario>-<command>-<time>/).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but results and errors (no progress bar).")
    boolean quiet;

    @Option(names = "--progress", description = "Show a progress bar on stderr even when it is not a terminal.")
    boolean progress;

    /** A progress bar on stderr when attached to a terminal or asked for, and not --quiet. */
    Progress progress(String task, long total) {
        return new Progress(!quiet && (progress || System.console() != null), task, total);
    }

    int threadCount() {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1 || threads > 4096) {
            throw new InvalidInputException("reconsim: --threads must be within 1..4096, got " + threads);
        }
        return threads;
    }
}
