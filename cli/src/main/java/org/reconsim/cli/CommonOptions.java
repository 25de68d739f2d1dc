package org.reconsim.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options every simulation command takes: how it runs, plus the seed and the output folder. */
final class CommonOptions extends ExecutionOptions {

    /** Shared with power, whose --seed and --out sit in an argument group (picocli allows no mixin there). */
    static final String SEED = "Master seed (default: the scenario's simulation.seed).";
    static final String OUT = "Output folder (default: runs/<scenario>-<command>-<time>/).";

    @Option(names = "--seed", description = SEED)
    Long seed;

    @Option(names = "--out", description = OUT)
    Path out;
}
