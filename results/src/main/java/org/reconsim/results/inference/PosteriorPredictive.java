package org.reconsim.results.inference;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.models.population.PatientGenerator;
import org.reconsim.results.evaluation.Batches;
import org.reconsim.results.evaluation.EvaluationEngine;
import org.reconsim.results.evaluation.Evaluator;

/**
 * The posterior predictive check of a calibration: statistics simulated at parameters drawn
 * from the posterior of one hypothesis, to set beside the observed ones (Gelman, Meng and Stern
 * 1996). Draw k takes particle by weight with the k-th uniform of its own stream ({@link #STREAM},
 * counter (hypothesis, k)) and simulates draw 2^31 - 1 - k, far above any draw ABC-SMC used
 * (it numbers its proposals from 0), so the check's trials are fresh.
 */
public final class PosteriorPredictive {

    /** The named stream choosing the posterior draws. */
    public static final String STREAM = "inference/posterior-predictive";

    /**
     * One hypothesis's predictive statistics.
     *
     * @param hypothesis  the hypothesis
     * @param statistics  one row per draw, {@link SummarySimulator#statistics()} order
     */
    public record Draws(int hypothesis, List<double[]> statistics) {

        /** The {@code p} quantile of statistic {@code i} over the draws, NaN values left out. */
        public double quantile(int i, double p) {
            double[] v = statistics.stream().mapToDouble(s -> s[i]).filter(d -> !Double.isNaN(d)).toArray();
            double[] w = new double[v.length];
            java.util.Arrays.fill(w, 1);
            return new WeightedSample(v, w).quantile(p);
        }
    }

    private PosteriorPredictive() {
    }

    /** {@code draws} simulations under hypothesis {@code m} at its posterior particles, run on {@code engine}; empty when m has none. */
    public static Draws simulate(SummarySimulator simulator, AbcGeneration posterior, int m, int draws, long seed, EvaluationEngine engine) {
        List<AbcParticle> of = posterior.particles().stream().filter(p -> p.hypothesis() == m).toList();
        if (of.isEmpty()) {
            return new Draws(m, List.of());
        }
        double[] cumulative = new double[of.size()];
        double c = 0;
        for (int j = 0; j < of.size(); j++) {
            c += of.get(j).weight();
            cumulative[j] = c;
        }
        RandomStreams streams = new RandomStreams(seed);
        List<double[]> inputs = new ArrayList<>(draws);
        for (int k = 0; k < draws; k++) {
            UniformRandomProvider rng = streams.stream(STREAM, m, k);
            double target = PatientGenerator.open(rng) * cumulative[cumulative.length - 1];
            int j = 0;
            while (j < cumulative.length - 1 && cumulative[j] < target) {
                j++;
            }
            inputs.add(Simulations.input(m, of.get(j).theta(), Integer.MAX_VALUE - k));
        }
        try (Evaluator evaluator = engine.open(Simulations.of(simulator))) {
            return new Draws(m, Batches.evaluate(evaluator, inputs, done -> { }));
        }
    }
}
