package org.reconsim.results.power;

/**
 * One look of a group-sequential design at one sample size, contrast and hypothesis: a row of
 * {@code stages.csv}. The counts are of the simulated trials ({@link SequentialMonitor}), the
 * analytic values the design's at the row's drift.
 *
 * @param nPerArm             patients per arm of the whole trial
 * @param contrast            contrast label
 * @param look                1..K
 * @param informationFraction the fraction reached, {@code nPerArmAtLook / nPerArm}, at which the bounds are computed
 * @param nPerArmAtLook       patients per arm analysed at this look
 * @param efficacyZ           efficacy bound on the z scale, hypothesized direction (two-sided: |z|)
 * @param futilityZ           futility bound (NaN: none)
 * @param alphaSpent          the design's cumulative type I error by this look, futility ignored
 * @param hypothesis          "scenario" (as written) or "null" (every arm the control's treatment)
 * @param replicates          simulated trials
 * @param drift               the drift of the analytic values: the mean final z in the hypothesized direction over
 *                            the simulated trials (the null: 0)
 * @param stopEfficacy        trials stopping here for efficacy (either side when two-sided), futility obeyed
 * @param stopFutility        trials stopping here for futility
 * @param rejectedByLook      trials that crossed an efficacy bound at this look or before, futility ignored
 *                            (non-binding: under the null, the type I error spent so far)
 * @param undefined           trials whose test at this look was undefined (they continue)
 */
public record StageRow(int nPerArm, String contrast, int look, double informationFraction, int nPerArmAtLook, double efficacyZ,
                       double futilityZ, double alphaSpent, String hypothesis, long replicates, double drift,
                       StageShare stopEfficacy, StageShare stopFutility, StageShare rejectedByLook, long undefined) {
}
