package org.reconsim.results.sequential;

/**
 * One look of a group-sequential design with its stopping probabilities under one drift.
 *
 * @param look                1-based index of the look
 * @param informationFraction {@code t_k}, the share of the maximum information at this look
 * @param efficacyZ           efficacy bound {@code b_k}: reject when {@code Z_k >= b_k}
 *                            ({@code |Z_k| >= b_k} two-sided); {@code +Infinity} for none
 * @param futilityZ           non-binding futility bound {@code a_k}: stop when
 *                            {@code Z_k < a_k}; {@code NaN} where there is none, always at the
 *                            last look
 * @param alphaSpent          cumulative type I error of the efficacy bounds up to this look,
 *                            futility ignored (both sides for a two-sided design)
 * @param pReach              probability that the trial reaches this look
 * @param pRejectUpper        probability of stopping here with {@code Z_k >= b_k}
 * @param pRejectLower        probability of stopping here with {@code Z_k <= -b_k} (0 one-sided)
 * @param pStopFutility       probability of stopping here for futility, the futility bounds
 *                            obeyed; 0 at the last look, where a trial that does not reject
 *                            simply ends
 */
public record Stage(int look, double informationFraction, double efficacyZ, double futilityZ,
        double alphaSpent, double pReach, double pRejectUpper, double pRejectLower, double pStopFutility) {

    /** Probability of stopping here for efficacy, either side. */
    public double pStopEfficacy() {
        return pRejectUpper + pRejectLower;
    }

    /** Probability of stopping at this look for any reason (at the last look, {@link #pReach}). */
    public double pStop() {
        return pRejectUpper + pRejectLower + pStopFutility;
    }
}
