package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Named;

/**
 * The direction of the effect a trial hypothesizes, treatment minus control: what a user sizing
 * a trial states, never something the model assumes ({@code analysis.hypothesized_direction}).
 */
public enum Direction implements Named {
    /** The treatment arm lower than the control arm. */
    LOWER,
    /** The treatment arm higher than the control arm. */
    HIGHER;

    /** Whether an estimate (treatment minus control) points this way; 0 points nowhere. */
    public boolean agrees(double estimate) {
        return this == LOWER ? estimate < 0 : estimate > 0;
    }
}
