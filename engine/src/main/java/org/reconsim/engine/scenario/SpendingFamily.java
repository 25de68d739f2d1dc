package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Named;

/**
 * An error-spending function family of a group-sequential design ({@code design.interims}):
 * the Lan &amp; DeMets (1983) O'Brien-Fleming and Pocock types, or Hwang, Shih &amp; DeCani
 * (1990) with a parameter gamma.
 */
public enum SpendingFamily implements Named {
    /** {@code f(a, t) = 2 - 2 Phi(z_{1-a/2} / sqrt t)}: spends almost nothing early. */
    OBRIEN_FLEMING,
    /** {@code f(a, t) = a ln(1 + (e - 1) t)}: roughly constant bounds. */
    POCOCK,
    /** {@code f(a, t) = a (1 - e^{-gamma t}) / (1 - e^{-gamma})}. */
    HSD
}
