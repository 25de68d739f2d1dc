package org.reconsim.models.measurement;

import org.reconsim.models.spec.Spec;

/**
 * What the synthesized scan signals assume beyond the ROI betas (docs/MODEL.md section 5): how
 * the memory state couples the regions' time series in the trauma script (connectivity), and the
 * continuous EDA trace's tonic level and sad-script response. They act only on
 * {@code --timeseries} and {@code --physio} outputs.
 *
 * @param amygdalaHippocampus  latent coupling of amygdala and hippocampus
 * @param amygdalaVmpfc        latent coupling of amygdala and vmPFC
 * @param hippocampusVmpfc     latent coupling of hippocampus and vmPFC
 * @param tonicLowUs           lowest tonic skin conductance level
 * @param tonicWidthUs         width of the uniform spread of tonic levels above it
 * @param sadScriptDivisor     the sad script's phasic response is the trauma script's divided by this
 */
public record ScanSignals(
        @Spec(doc = "Latent trauma coupling of amygdala and hippocampus time series",
                source = "[assumption] rises with fear; Duek 2023 found it lower after ketamine") PairCoupling amygdalaHippocampus,
        @Spec(doc = "Latent trauma coupling of amygdala and vmPFC time series",
                source = "[assumption] constant; Duek 2023 found no change") PairCoupling amygdalaVmpfc,
        @Spec(doc = "Latent trauma coupling of hippocampus and vmPFC time series",
                source = "[assumption] rises with trace strength; Duek 2021 found it lower after ketamine") PairCoupling hippocampusVmpfc,
        @Spec(doc = "Lowest tonic skin conductance level of the EDA trace", unit = "uS", min = 0, max = 50,
                source = "skin conductance level 3.1-4.2 uS (PMC5847462)") double tonicLowUs,
        @Spec(doc = "Spread of tonic levels above the lowest (uniform)", unit = "uS", min = 0, max = 50,
                source = "skin conductance level 3.1-4.2 uS (PMC5847462)") double tonicWidthUs,
        @Spec(doc = "The sad script's phasic SCR is the trauma script's divided by this (relax: none)", min = 1, max = 1000,
                source = "[assumption] a third of the trauma response") double sadScriptDivisor) {

    public static ScanSignals defaults() {
        return new ScanSignals(
                new PairCoupling(0.2, 0.5, 0),   // [assumption]
                new PairCoupling(0.3, 0, 0),     // [assumption]
                new PairCoupling(0.2, 0, 0.5),   // [assumption]
                3.1, 1.1,                        // 3.1-4.2 uS (PMC5847462)
                3);                              // [assumption]
    }
}
