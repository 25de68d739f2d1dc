package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Named;

/**
 * Whether a group-sequential design's efficacy bounds are two-sided (symmetric, reject in either
 * direction, as the fixed design's two-sided test) or one-sided in the hypothesized direction.
 */
public enum TestSides implements Named {
    TWO_SIDED, ONE_SIDED
}
