package org.reconsim.results.power;

import org.reconsim.results.stats.BinomialInterval;
import org.reconsim.results.stats.ProportionInterval;

/**
 * A share of simulated trials (stopping at a look, rejecting at some look) with its Wilson 95%
 * interval, beside the group-sequential design's analytic probability of the same event
 * ({@link org.reconsim.results.sequential.BoundaryCrossing}, NaN where there is none).
 *
 * @param count     trials with the event
 * @param share     count / replicates
 * @param low       Wilson 95% interval, low
 * @param high      Wilson 95% interval, high
 * @param analytic  the design's probability under the drift of the row
 */
public record StageShare(long count, double share, double low, double high, double analytic) {

    /** {@code count} of {@code replicates} trials, with the analytic probability beside it. */
    static StageShare of(long count, long replicates, double analytic) {
        ProportionInterval ci = BinomialInterval.wilson(count, replicates, 0.95);
        return new StageShare(count, (double) count / replicates, ci.low(), ci.high(), analytic);
    }
}
