package org.reconsim.results.power;

/**
 * A group-sequential design's operating characteristics at one sample size, contrast and
 * hypothesis, from the simulated trials with the design's analytic values beside them: a row of
 * {@code sequential.csv}.
 *
 * @param nPerArm             patients per arm of the whole trial (the maximum)
 * @param contrast            contrast label
 * @param hypothesis          "scenario" or "null"
 * @param replicates          simulated trials
 * @param drift               the drift of the analytic values (see {@link StageRow#drift})
 * @param power               trials rejecting at some look (either side when two-sided), futility obeyed
 * @param powerDirectional    trials rejecting at some look in the hypothesized direction, futility obeyed
 * @param rejectionIgnoringFutility trials rejecting at some look with the futility bounds ignored: under the
 *                            null the design's type I error (non-binding futility)
 * @param futility            trials stopping for futility
 * @param earlyStop           trials stopping before the last look, for either reason
 * @param expectedNPerArm     mean patients per arm analysed when the trial stopped (the average sample number)
 * @param expectedLow         its normal-approximation 95% interval, low
 * @param expectedHigh        high
 * @param analyticExpectedNPerArm the design's {@code sum_k m_k P(stop at k)} at the drift
 */
public record SequentialSummary(int nPerArm, String contrast, String hypothesis, long replicates, double drift, StageShare power,
                                StageShare powerDirectional, StageShare rejectionIgnoringFutility, StageShare futility,
                                StageShare earlyStop, double expectedNPerArm, double expectedLow, double expectedHigh,
                                double analyticExpectedNPerArm) {
}
