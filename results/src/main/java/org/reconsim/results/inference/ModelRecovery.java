package org.reconsim.results.inference;

import java.util.function.LongConsumer;

import org.reconsim.engine.run.ReplicateRunner;

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
 * the runner's threads; the training vectors are stored by index and the classifier is fitted
 * on one thread in that order, so the outputs are identical on any thread count.
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
     * @param runner     where the trials run
     * @param progress   receives the number of trials finished so far, after each
     */
    public static Confusion run(SummarySimulator simulator, double[] theta, int replicates, int training, ReplicateRunner runner,
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
        double[][][] samples = new double[h][training][];
        long[] done = {0};
        runner.run(0, h * training, i -> simulator.simulate(i / training, theta, TRAINING_DRAWS + i), new java.util.function.Consumer<>() {
            private int next;

            @Override
            public void accept(double[] x) {
                samples[next / training][next % training] = x;
                next++;
                progress.accept(++done[0]);
            }
        });
        GaussianClassifier classifier = GaussianClassifier.train(samples);
        long[][] counts = new long[h][h];
        runner.run(0, h * replicates, i -> classifier.classify(simulator.simulate(i / replicates, theta, i)), new java.util.function.Consumer<>() {
            private int next;

            @Override
            public void accept(Integer inferred) {
                counts[next / replicates][inferred]++;
                next++;
                progress.accept(++done[0]);
            }
        });
        return new Confusion(simulator.hypotheses(), counts);
    }
}
