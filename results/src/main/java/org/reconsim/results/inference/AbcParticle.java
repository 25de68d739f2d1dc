package org.reconsim.results.inference;

import java.util.Arrays;

/**
 * One accepted particle of an ABC-SMC population.
 *
 * @param hypothesis index into {@link SummarySimulator#hypotheses()}
 * @param theta      the free parameters' values, {@link SummarySimulator#parameters()} order
 * @param weight     normalized importance weight (the population's weights sum to 1)
 * @param distance   distance of its simulated statistics from the observed ones
 */
public record AbcParticle(int hypothesis, double[] theta, double weight, double distance) {

    public AbcParticle {
        theta = theta.clone();
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** Parameter {@code i}'s value. */
    public double theta(int i) {
        return theta[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AbcParticle p && p.hypothesis == hypothesis && Arrays.equals(p.theta, theta)
                && Double.compare(p.weight, weight) == 0 && Double.compare(p.distance, distance) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * hypothesis + Arrays.hashCode(theta)) + Double.hashCode(weight);
    }

    @Override
    public String toString() {
        return "AbcParticle[" + hypothesis + ", " + Arrays.toString(theta) + ", w=" + weight + ", d=" + distance + "]";
    }
}
