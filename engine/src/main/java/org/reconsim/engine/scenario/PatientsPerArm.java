package org.reconsim.engine.scenario;

/**
 * The patients-per-arm range a trial may ask for, defined once for the scenario field
 * {@code design.n_per_arm}, the {@code --n-per-arm} option and sample-size lists, so that a
 * size the scenario accepts is never refused by a command (or the other way round).
 */
public final class PatientsPerArm {

    /**
     * One allocation block: patients per arm are this times each arm's allocation ratio, so a
     * published 14-vs-13 trial is {@code n_per_arm: 1} with allocations 14 and 13. A scenario's
     * smallest arm must still hold two patients (a within-arm variance to test against), which
     * the scenario checks; a smaller arm asked for on the command line gives undefined (NA) tests.
     */
    public static final int MIN = 1;

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
