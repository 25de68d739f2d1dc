package org.reconsim.results.inference;

/**
 * How an ABC-SMC run proceeds and when it stops.
 *
 * @param particles       accepted particles per generation
 * @param maxGenerations  generations at most, counting the prior sample (generation 0)
 * @param minTolerance    stop after the first generation whose tolerance is at most this
 * @param budget          simulations at most; a generation the budget cuts short is dropped
 * @param quantile        the next tolerance is this quantile of the current generation's distances
 *                        (Del Moral et al. 2012's adaptive schedule; 0.5 is the usual choice)
 * @param modelStay       probability that the model perturbation kernel keeps a particle's
 *                        hypothesis (Toni &amp; Stumpf 2010); otherwise it moves to another surviving one, uniformly
 * @param threads         threads simulating each batch of proposals (results do not depend on it)
 * @param seed            master seed of the proposals' random streams
 */
public record AbcSettings(int particles, int maxGenerations, double minTolerance, long budget, double quantile,
                          double modelStay, int threads, long seed) {

    public AbcSettings {
        if (particles < 2) {
            throw new IllegalArgumentException("need at least 2 particles, got " + particles);
        }
        if (maxGenerations < 1) {
            throw new IllegalArgumentException("need at least 1 generation, got " + maxGenerations);
        }
        if (!(minTolerance >= 0) || !(quantile > 0 && quantile < 1) || !(modelStay > 0 && modelStay <= 1)
                || budget < particles || threads < 1) {
            throw new IllegalArgumentException("invalid ABC settings: minTolerance " + minTolerance + ", quantile "
                    + quantile + ", modelStay " + modelStay + ", budget " + budget + ", threads " + threads);
        }
    }

    /** {@code particles} particles, the usual quantile 0.5 and model kernel 0.7, one thread. */
    public static AbcSettings of(int particles, int maxGenerations, double minTolerance, long budget, long seed) {
        return new AbcSettings(particles, maxGenerations, minTolerance, budget, 0.5, 0.7, 1, seed);
    }

    public AbcSettings withThreads(int n) {
        return new AbcSettings(particles, maxGenerations, minTolerance, budget, quantile, modelStay, n, seed);
    }
}
