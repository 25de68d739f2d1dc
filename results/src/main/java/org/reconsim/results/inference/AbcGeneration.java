package org.reconsim.results.inference;

import java.util.Arrays;
import java.util.List;

/**
 * One completed ABC-SMC generation.
 *
 * @param index        0 for the prior sample, then 1, 2, ...
 * @param tolerance    the distance a particle had to be within (+infinity for generation 0)
 * @param particles    the accepted population, weights normalized to 1
 * @param simulations  simulations this generation ran (accepted or not)
 * @param proposals    proposals made, including those outside the prior's support (not simulated)
 */
public record AbcGeneration(int index, double tolerance, List<AbcParticle> particles, long simulations, long proposals) {

    public AbcGeneration {
        particles = List.copyOf(particles);
    }

    /** Accepted particles per simulation. */
    public double acceptanceRate() {
        return simulations == 0 ? 0 : particles.size() / (double) simulations;
    }

    /** Posterior probability of each of {@code hypotheses} hypotheses: the sum of its particles' weights. */
    public double[] modelProbabilities(int hypotheses) {
        double[] p = new double[hypotheses];
        for (AbcParticle q : particles) {
            p[q.hypothesis()] += q.weight();
        }
        return p;
    }

    /** Effective sample size (sum w)^2 / sum w^2 of hypothesis {@code m}'s particles (0 when it has none). */
    public double effectiveSampleSize(int m) {
        double s = 0;
        double s2 = 0;
        for (AbcParticle q : particles) {
            if (q.hypothesis() == m) {
                s += q.weight();
                s2 += q.weight() * q.weight();
            }
        }
        return s2 == 0 ? 0 : s * s / s2;
    }

    /** Effective sample size of the whole population. */
    public double effectiveSampleSize() {
        double s2 = particles.stream().mapToDouble(q -> q.weight() * q.weight()).sum();
        return 1 / s2;
    }

    /** Hypothesis {@code m}'s particles' values of parameter {@code i} and their weights, as a weighted sample. */
    public WeightedSample marginal(int m, int i) {
        List<AbcParticle> of = particles.stream().filter(q -> q.hypothesis() == m).toList();
        double[] x = of.stream().mapToDouble(q -> q.theta(i)).toArray();
        double[] w = of.stream().mapToDouble(AbcParticle::weight).toArray();
        return new WeightedSample(x, w);
    }

    @Override
    public String toString() {
        return "AbcGeneration[" + index + ", eps=" + tolerance + ", n=" + particles.size() + ", sims=" + simulations
                + ", p=" + Arrays.toString(modelProbabilities(1 + particles.stream().mapToInt(AbcParticle::hypothesis).max().orElse(0)))
                + "]";
    }
}
