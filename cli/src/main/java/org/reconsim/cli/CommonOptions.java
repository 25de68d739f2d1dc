package org.reconsim.cli;

import java.nio.file.Path;

import org.reconsim.engine.scenario.LoadedScenario;

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

    /** The master seed: --seed, else the scenario's simulation.seed. */
    long seed(LoadedScenario loaded) {
        return seed == null ? loaded.scenario().simulation().seed() : seed;
    }

    /** Patients per arm: the requested number, else the scenario's design.n_per_arm; checked against the design's range. */
    static int nPerArm(Integer requested, LoadedScenario loaded) {
        int n = requested == null ? loaded.scenario().design().nPerArm() : requested;
        if (n < 2 || n > 100_000) {
            throw new InvalidInputException("reconsim: --n-per-arm must be within 2..100000, got " + n);
        }
        return n;
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
