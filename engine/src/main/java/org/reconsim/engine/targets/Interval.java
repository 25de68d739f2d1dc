package org.reconsim.engine.targets;

import org.reconsim.models.spec.Spec;

/** A published interval around an estimate: its bounds, its probability level and what kind of interval it is. */
public record Interval(
        @Spec(doc = "Lower bound", required = true) double lo,
        @Spec(doc = "Upper bound", required = true) double hi,
        @Spec(doc = "Probability level, e.g. 0.95 for a 95% interval", min = 0, max = 1, minExclusive = true, maxExclusive = true,
                required = true) double level,
        @Spec(doc = "ci (confidence interval), hdi (highest-density interval), equal-tailed (equal-tailed credible interval)",
                required = true) IntervalKind kind) {
}
