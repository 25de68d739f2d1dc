package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;

/**
 * A named contrast between two arms (an entry of {@code design.contrasts}): {@code treatment}
 * minus {@code control}, analysed on those two arms' patients like the contrasts against the
 * control arm. A three-arm timing design names the contrast of its two ketamine arms this way.
 */
public record ArmContrast(
        @Spec(doc = "Contrast name, as it appears in the contrast column (letters, digits, '-' or '_')", required = true)
        String name,
        @Spec(doc = "Arm whose effect is estimated", required = true) String treatment,
        @Spec(doc = "Arm it is compared with", required = true) String control) {

    public static ArmContrast defaults() {
        return new ArmContrast(null, null, null);
    }
}
