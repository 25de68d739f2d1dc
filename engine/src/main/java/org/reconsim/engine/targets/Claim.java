package org.reconsim.engine.targets;

import org.reconsim.models.spec.Named;

/**
 * What the authors claim about a contrast, from a closed vocabulary (docs/TARGETS.md). "Improve"
 * means lower than at the pre visit, as for every bundled endpoint a lower value is less fear or
 * fewer symptoms.
 */
public enum Claim implements Named {
    /** The treatment arm is lower than the control arm. */
    LOWER,
    /** The treatment arm is higher than the control arm. */
    HIGHER,
    /** The arms do not differ (published as no difference or no change). */
    NO_DIFFERENCE,
    /** Both arms improve from pre (says nothing about their difference). */
    BOTH_IMPROVE,
    /** No difference between the arms, and both arms improve from pre. */
    IMPROVED_EQUALLY;

    /** Whether the claim says each arm changed from the pre visit, which needs a later visit. */
    public boolean aboutChangeFromPre() {
        return this == BOTH_IMPROVE || this == IMPROVED_EQUALLY;
    }
}
