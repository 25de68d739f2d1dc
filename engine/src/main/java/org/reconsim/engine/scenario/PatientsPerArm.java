package org.reconsim.engine.scenario;

/**
 * The patients-per-arm range a trial may ask for, defined once for the scenario field
 * {@code design.n_per_arm}, the {@code --n-per-arm} option and sample-size lists, so that a
 * size the scenario accepts is never refused by a command (or the other way round).
 */
public final class PatientsPerArm {

    /** Two per arm: the smallest trial with a within-arm variance to test against. */
    public static final int MIN = 2;

    /** Far beyond any real trial; bounds the memory of one simulated replicate. */
    public static final int MAX = 100_000;

    /** The range as messages print it. */
    public static final String RANGE = MIN + ".." + MAX;

    private PatientsPerArm() {
    }

    public static boolean allows(int n) {
        return n >= MIN && n <= MAX;
    }
}
