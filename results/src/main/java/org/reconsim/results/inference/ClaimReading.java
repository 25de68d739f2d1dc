package org.reconsim.results.inference;

import org.apache.commons.math3.special.Erf;
import org.reconsim.engine.targets.Claim;

/**
 * How a published claim is read on one simulated trial (docs/INFERENCE.md): {@code lower} and
 * {@code higher} hold when the contrast is significant in the published direction (z below
 * -c or above c, c the two-sided normal critical value at the scenario's alpha, 1.96 at 0.05);
 * {@code no-difference} when it is not significant (|z| < c); {@code both-improve} when both arms'
 * mean change from pre is below 0 (lower is better for every bundled endpoint, docs/TARGETS.md);
 * {@code improved-equally} when both hold: no difference and both arms improve. A claim on an
 * undefined statistic (NaN) does not hold.
 */
public final class ClaimReading {

    private ClaimReading() {
    }

    /** The two-sided normal critical value at {@code alpha}: Phi^-1(1 - alpha / 2). */
    public static double critical(double alpha) {
        return Math.sqrt(2) * Erf.erfcInv(alpha);
    }

    /**
     * Whether {@code claim} holds on a trial whose contrast has statistic {@code z} and whose
     * treatment and control arms changed from pre by {@code changeTreatment} and
     * {@code changeControl} on average.
     */
    public static boolean holds(Claim claim, double z, double changeTreatment, double changeControl, double critical) {
        boolean bothImprove = changeTreatment < 0 && changeControl < 0;
        return switch (claim) {
            case LOWER -> z < -critical;
            case HIGHER -> z > critical;
            case NO_DIFFERENCE -> Math.abs(z) < critical;
            case BOTH_IMPROVE -> bothImprove;
            case IMPROVED_EQUALLY -> Math.abs(z) < critical && bothImprove;
        };
    }
}
