package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Named;

/** How a group-sequential design stops for futility at its interim looks ({@code design.interims.futility}). */
public enum FutilityStop implements Named {
    /** Never. */
    NONE,
    /** Bounds that spend the type II error {@code futility_beta} (Pampallona, Tsiatis &amp; Kim 2001). */
    BETA_SPENDING,
    /** Stop when the conditional power of the final test is below {@code futility_threshold} (Lan &amp; Wittes 1988). */
    CONDITIONAL_POWER,
    /**
     * Stop when the Bayesian predictive probability of final success under a flat prior is below
     * {@code futility_threshold} (Spiegelhalter, Freedman &amp; Blackburn 1986).
     */
    PREDICTIVE_PROBABILITY
}
