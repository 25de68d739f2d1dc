package org.reconsim.engine.targets;

import org.reconsim.models.spec.Named;

/** What a published interval is, as the publication calls it. */
public enum IntervalKind implements Named {
    /** Confidence interval (or an interval the publication calls CI). */
    CI,
    /** Highest (posterior) density interval. */
    HDI,
    /** Equal-tailed credible interval. */
    EQUAL_TAILED
}
