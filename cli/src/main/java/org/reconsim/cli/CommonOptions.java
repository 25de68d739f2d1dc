package org.reconsim.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options every simulation command takes: how it runs, plus the seed and the output folder. */
final class CommonOptions extends ExecutionOptions {

    /** Shared with power, whose --seed and --out sit in an argument group (picocli allows no mixin there). */
    static final String SEED = "Master seed (default: the scenario's simulation.seed).";
    static final String OUT = "Output folder (default: runs/<scenario>-<command>-<time>/); must be empty or new.";
    static final String FORCE = "Replace the earlier reconsim run in --out: its files are deleted first (refused when the folder "
            + "holds files no reconsim run wrote).";

    @Option(names = "--seed", description = SEED)
    Long seed;

    @Option(names = "--out", description = OUT)
    Path out;

    @Option(names = "--force", description = FORCE)
    boolean force;
}
