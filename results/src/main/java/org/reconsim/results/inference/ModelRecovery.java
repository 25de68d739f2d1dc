package org.reconsim.results.inference;

import java.util.function.LongConsumer;

import java.util.ArrayList;
import java.util.List;

import org.reconsim.results.evaluation.Batches;
import org.reconsim.results.evaluation.EvaluationEngine;
import org.reconsim.results.evaluation.Evaluator;

/**
 * Model recovery: how often the hypothesis a trial was simulated under is the one its statistics
 * point to. Every hypothesis of a {@link SummarySimulator} simulates {@code training} trials, a
 * {@link GaussianClassifier} is trained on them, and then every hypothesis simulates
 * {@code replicates} further trials, each classified; the counts are a {@link Confusion}.
 *
 * <p>Draw addressing (fixed, so that results do not depend on the thread count): test trial r of
 * hypothesis h is draw {@code h * replicates + r}; training trial k of hypothesis h is draw
 * {@link #TRAINING_DRAWS}{@code + h * training + k}. Every trial is thus its own independent
 * simulation (the classifier is never tested on the trials it learned from, and no two
 * hypotheses share patients, so the rows and the overall accuracy are binomial). Trials run on
 * an {@link EvaluationEngine} and come back in order; the classifier is fitted and applied on the
 * calling thread, so the outputs are identical on any engine and thread count.
 */
public final class ModelRecovery {

    /** First draw of the training trials: far above any test draw (at most 2^30 test trials). */
    public static final long TRAINING_DRAWS = 1L << 30;

    private ModelRecovery() {
    }

    /**
     * The confusion matrix of {@code simulator}'s hypotheses at parameters {@code theta}.
     *
     * @param replicates test trials per hypothesis (at least 1)
     * @param training   training trials per hypothesis (at least 2)
     * @param engine     where the trials run
     * @param progress   receives the number of trials finished so far, after each
     */
    public static Confusion run(SummarySimulator simulator, double[] theta, int replicates, int training, EvaluationEngine engine,
                                LongConsumer progress) {
        int h = simulator.hypotheses().size();
        if (h < 2) {
            throw new IllegalArgumentException("model recovery needs at least 2 hypotheses");
        }
        if (replicates < 1 || training < 2) {
            throw new IllegalArgumentException("model recovery needs at least 1 test and 2 training trials per hypothesis");
        }
        if ((long) h * replicates > TRAINING_DRAWS || (long) h * training > Integer.MAX_VALUE - TRAINING_DRAWS) {
            throw new IllegalArgumentException("too many trials: " + h + " hypotheses x " + replicates + " replicates");
        }
        List<double[]> trainingInputs = new ArrayList<>(h * training);
        for (int i = 0; i < h * training; i++) {
            trainingInputs.add(Simulations.input(i / training, theta, TRAINING_DRAWS + i));
        }
        List<double[]> testInputs = new ArrayList<>(h * replicates);
        for (int i = 0; i < h * replicates; i++) {
            testInputs.add(Simulations.input(i / replicates, theta, i));
        }
        double[][][] samples = new double[h][training][];
        long[][] counts = new long[h][h];
        try (Evaluator evaluator = engine.open(Simulations.of(simulator))) {
            List<double[]> trained = Batches.evaluate(evaluator, trainingInputs, progress);
            for (int i = 0; i < trained.size(); i++) {
                samples[i / training][i % training] = trained.get(i);
            }
            GaussianClassifier classifier = GaussianClassifier.train(samples);
            long before = trained.size();
            List<double[]> tested = Batches.evaluate(evaluator, testInputs, done -> progress.accept(before + done));
            for (int i = 0; i < tested.size(); i++) {
                counts[i / replicates][classifier.classify(tested.get(i))]++;
            }
        }
        return new Confusion(simulator.hypotheses(), counts);
    }
}
