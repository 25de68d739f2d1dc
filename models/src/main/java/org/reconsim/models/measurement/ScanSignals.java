package org.reconsim.models.measurement;

import org.reconsim.models.spec.Spec;

/**
 * What the continuous EDA trace assumes beyond the SCR (docs/MODEL.md section 5): its tonic level
 * and sad-script response. They act only on {@code --physio} outputs. (The regions' coupling is
 * an endpoint of its own: {@link EdgeCoupling}.)
 *
 * @param tonicLowUs           lowest tonic skin conductance level
 * @param tonicWidthUs         width of the uniform spread of tonic levels above it
 * @param sadScriptDivisor     the sad script's phasic response is the trauma script's divided by this
 */
public record ScanSignals(
        @Spec(doc = "Lowest tonic skin conductance level of the EDA trace", unit = "uS", min = 0, max = 50,
                source = "skin conductance level 3.1-4.2 uS (PMC5847462)") double tonicLowUs,
        @Spec(doc = "Spread of tonic levels above the lowest (uniform)", unit = "uS", min = 0, max = 50,
                source = "skin conductance level 3.1-4.2 uS (PMC5847462)") double tonicWidthUs,
        @Spec(doc = "The sad script's phasic SCR is the trauma script's divided by this (relax: none)", min = 1, max = 1000,
                source = "[assumption] a third of the trauma response") double sadScriptDivisor) {

    public static ScanSignals defaults() {
        return new ScanSignals(
                3.1, 1.1,                        // 3.1-4.2 uS (PMC5847462)
                3);                              // [assumption]
    }
}
