package org.reconsim.results.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.reconsim.results.evaluation.EvaluationEngine;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;

/**
 * Design discrimination: for each trial design and size, how well the trial's statistics tell
 * the mechanism hypotheses apart ({@link ModelRecovery} on a {@link DesignSimulator}). A
 * scientist compares designs by the probability of correct identification at each size.
 */
public final class Discrimination {

    private Discrimination() {
    }

    /**
     * One design to compare.
     *
     * @param label   its name in every output (the scenario's name)
     * @param loaded  its scenario
     * @param sizes   patients per arm to evaluate it at
     */
    public record Design(String label, LoadedScenario loaded, List<Integer> sizes) {

        public Design {
            sizes = List.copyOf(sizes);
        }
    }

    /**
     * The model recovery of one design at one size.
     *
     * @param design      the design's label
     * @param nPerArm     patients per arm
     * @param confusion   the confusion matrix of the hypotheses
     * @param statistics  how many statistics each trial was summarized by
     */
    public record Cell(String design, int nPerArm, Confusion confusion, int statistics) {
    }

    /** Simulated trials in all: every design, size and hypothesis, test and training. */
    public static long trials(List<Design> designs, int hypotheses, int replicates, int training) {
        return designs.stream().mapToLong(d -> d.sizes().size()).sum() * hypotheses * ((long) replicates + training);
    }

    /**
     * Every design at every one of its sizes, in that order. The classifier of each cell is
     * trained on its own training trials (same design and size), {@code training} per hypothesis.
     *
     * @throws InvalidScenarioException when a design refuses a hypothesis's mechanism labels
     */
    public static List<Cell> run(List<Design> designs, List<String> hypotheses, int replicates, int training, long seed,
                                 EvaluationEngine engine, LongConsumer progress) throws InvalidScenarioException {
        List<Cell> cells = new ArrayList<>();
        long[] before = {0};
        for (Design d : designs) {
            for (int n : d.sizes()) {
                DesignSimulator simulator = new DesignSimulator(d.loaded(), hypotheses, n, seed);
                long offset = before[0];
                Confusion c = ModelRecovery.run(simulator, new double[0], replicates, training, engine, k -> progress.accept(offset + k));
                before[0] += (long) hypotheses.size() * (replicates + training);
                cells.add(new Cell(d.label(), n, c, simulator.statistics().size()));
            }
        }
        return cells;
    }
}
