package org.reconsim.engine.targets;

import org.reconsim.models.spec.Spec;

/** The two arms a finding compares: the estimate is treatment minus control. Arm names are the scenario's. */
public record Contrast(
        @Spec(doc = "Arm the effect is attributed to (a design.arms name of the scenario)", required = true) String treatment,
        @Spec(doc = "Arm it is compared with (a design.arms name of the scenario)", required = true) String control) {

    /** The contrast's label as reconsim names arm-versus-arm contrasts: {@code <treatment>-vs-<control>}. */
    public String label() {
        return treatment + "-vs-" + control;
    }
}
