package org.reconsim.results.inference;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.models.population.PatientGenerator;
import org.reconsim.models.population.StandardNormal;

/** Closed-form toys for the inference tests: statistics are a function of the parameters plus unit normal noise. */
final class ToySimulator implements SummarySimulator {

    /** The statistics' means under hypothesis m at theta. */
    interface Means {
        double[] at(int m, double[] theta);
    }

    private final List<String> statistics;
    private final List<String> hypotheses;
    private final List<String> parameters;
    private final double[] noiseSd;
    private final Means means;
    private final RandomStreams streams;

    ToySimulator(List<String> statistics, List<String> hypotheses, List<String> parameters, double[] noiseSd, Means means,
                 long seed) {
        this.statistics = statistics;
        this.hypotheses = hypotheses;
        this.parameters = parameters;
        this.noiseSd = noiseSd;
        this.means = means;
        this.streams = new RandomStreams(seed);
    }

    @Override
    public List<String> statistics() {
        return statistics;
    }

    @Override
    public List<String> hypotheses() {
        return hypotheses;
    }

    @Override
    public List<String> parameters() {
        return parameters;
    }

    @Override
    public double[] simulate(int hypothesis, double[] theta, long draw) {
        UniformRandomProvider rng = streams.stream("toy/noise", 0, draw);
        double[] mu = means.at(hypothesis, theta);
        double[] z = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
            z[i] = mu[i] + noiseSd[i] * StandardNormal.quantile(PatientGenerator.open(rng));
        }
        return z;
    }
}
