package org.reconsim.results.sensitivity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.results.evaluation.Batches;
import org.reconsim.results.evaluation.EvaluationEngine;
import org.reconsim.results.evaluation.Evaluator;
import org.reconsim.results.evaluation.LocalEvaluationEngine;

/**
 * A global sensitivity analysis: a {@link Model} evaluated on a {@link SaltelliDesign}, then its
 * {@link SobolIndices}. The evaluations run on a thread pool but each is a pure function of its
 * point and lands in its own slot, and the estimates are computed after all of them, in row
 * order: the result is the same, bit for bit, on any number of threads.
 *
 * <p>The bootstrap draws from the named stream {@code sensitivity/bootstrap} of the master seed
 * (its own stream, so no other quantity's draws move).
 */
public final class SobolAnalysis {

    /** The stream the bootstrap resamples are drawn from. */
    public static final String BOOTSTRAP_STREAM = "sensitivity/bootstrap";

    /** Points per engine call: a point is a whole power run, so a few dozen make a batch that shows progress and checkpoints. */
    static final int POINTS_PER_BATCH = 32;

    /**
     * The outcome.
     *
     * @param design       the points evaluated
     * @param evaluations  the model's value at each point, {@link SaltelliDesign#point} order
     * @param indices      the Sobol indices with their intervals
     */
    public record Outcome(SaltelliDesign design, double[] evaluations, SobolIndices.Result indices) {
        public Outcome {
            evaluations = evaluations.clone();
        }

        @Override
        public double[] evaluations() {
            return evaluations.clone();
        }
    }

    private SobolAnalysis() {
    }

    /**
     * Evaluates {@code model} on {@code design} on local threads and estimates the indices.
     *
     * @param resamples  bootstrap resamples (0: no intervals)
     * @param seed       master seed of the bootstrap stream
     * @param progress   called (on the calling thread) with the number of evaluations done
     */
    public static Outcome run(Model model, SaltelliDesign design, int threads, int resamples, long seed, LongConsumer progress) {
        try (LocalEvaluationEngine engine = new LocalEvaluationEngine(threads)) {
            return run(model, design, engine, resamples, seed, progress);
        }
    }

    /** Evaluates {@code model} on {@code design} on {@code engine} (the same outcome on every engine) and estimates the indices. */
    public static Outcome run(Model model, SaltelliDesign design, EvaluationEngine engine, int resamples, long seed,
                              LongConsumer progress) {
        List<double[]> points = new ArrayList<>(design.evaluations());
        for (int e = 0; e < design.evaluations(); e++) {
            points.add(design.point(e));
        }
        List<double[]> values;
        try (Evaluator evaluator = engine.open(u -> new double[] {model.evaluate(u)})) {
            values = Batches.evaluate(evaluator, points, POINTS_PER_BATCH, progress);
        }
        double[] f = values.stream().mapToDouble(v -> v[0]).toArray();
        SobolIndices.Result indices = SobolIndices.estimate(f, design.inputs(), resamples,
                new RandomStreams(seed).stream(BOOTSTRAP_STREAM, 0, 0));
        return new Outcome(design, f, indices);
    }
}
