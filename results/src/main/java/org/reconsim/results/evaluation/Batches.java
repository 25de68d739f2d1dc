package org.reconsim.results.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Long lists of evaluations in batches of {@link #SIZE}: each batch is one call to the engine (a
 * Spark job, a journal record), so a long run shows progress and checkpoints as it goes. The
 * batch size changes neither which evaluations run nor their outputs.
 */
public final class Batches {

    /** Evaluations per batch: seconds of work on a laptop, enough to keep a few dozen cores busy. */
    public static final int SIZE = 256;

    private Batches() {
    }

    /**
     * The outputs of {@code inputs} in order, evaluated in batches.
     *
     * @param progress told after each batch how many of {@code inputs} are done (may be a no-op)
     */
    public static List<double[]> evaluate(Evaluator evaluator, List<double[]> inputs, LongConsumer progress) {
        return evaluate(evaluator, inputs, SIZE, progress);
    }

    /**
     * As {@link #evaluate(Evaluator, List, LongConsumer)} in batches of {@code size}, for
     * evaluations that take long each (a whole power run per point). The size must not depend on
     * how the run executes (threads, engine): a journal replays batch by batch.
     */
    public static List<double[]> evaluate(Evaluator evaluator, List<double[]> inputs, int size, LongConsumer progress) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        }
        List<double[]> out = new ArrayList<>(inputs.size());
        for (int from = 0; from < inputs.size(); from += size) {
            out.addAll(evaluator.evaluate(inputs.subList(from, Math.min(inputs.size(), from + size))));
            progress.accept(out.size());
        }
        return out;
    }
}
