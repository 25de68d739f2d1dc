package org.reconsim.results.sequential;

/** Whether the efficacy bounds reject in one direction or symmetrically in both. */
public enum Sidedness {
    /** Reject {@code H0: theta <= 0} when {@code Z_k >= b_k}. */
    ONE_SIDED(1),
    /** Reject {@code H0: theta = 0} when {@code |Z_k| >= b_k}, spending half the level on each side. */
    TWO_SIDED(2);

    private final int sides;

    Sidedness(int sides) {
        this.sides = sides;
    }

    /** 1 or 2, as rpact's {@code sided}. */
    public int sides() {
        return sides;
    }
}
