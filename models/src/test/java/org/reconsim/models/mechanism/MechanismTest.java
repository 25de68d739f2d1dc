package org.reconsim.models.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;


import org.junit.jupiter.api.Test;

class MechanismTest {

    @Test
    void blockadeLowersRestabilizationInProportionToOccupancy() {
        RestabilizationBlockade m1 = new RestabilizationBlockade(0.8);
        assertThat(m1.restabilizationEfficiency(0)).isEqualTo(1);
        assertThat(m1.restabilizationEfficiency(0.25)).isCloseTo(0.8, within(1e-12));
        assertThat(new RestabilizationBlockade(1).restabilizationEfficiency(1.5)).isZero();
    }

    @Test
    void plasticityShapePeaksAtOneAtItsAnalyticMaximum() {
        PlasticityWindow w = PlasticityWindow.defaults();
        double r = w.riseHours();
        double d = w.decayHours();
        double tMax = Math.log(d / r) * r * d / (d - r);
        assertThat(w.shape(tMax)).isCloseTo(1, within(1e-12));
        assertThat(w.shape(tMax * 0.9)).isLessThan(1);
        assertThat(w.shape(tMax * 1.1)).isLessThan(1);
        // rises over about a day, decays over 1-2 weeks (docs/MODEL.md M2)
        assertThat(tMax).isBetween(18.0, 48.0);
        assertThat(w.shape(14 * 24)).isBetween(0.1, 0.4);
        assertThat(w.learningGain(-1, 0.5)).isEqualTo(1);
        assertThat(w.learningGain(tMax, 0.5)).isCloseTo(1 + w.amplitude() * 0.5, within(1e-12));
    }

    @Test
    void equalTimeConstantsUseTheLimitForm() {
        PlasticityWindow w = new PlasticityWindow(1, 10, 10);
        assertThat(w.shape(10)).isCloseTo(1, within(1e-12));
        PlasticityWindow near = new PlasticityWindow(1, 10, 10.0001);
        assertThat(near.shape(5)).isCloseTo(w.shape(5), within(1e-4));
    }

    @Test
    void nullHypothesisLeavesMemoryAlone() {
        MechanismSet none = MechanismSet.none();
        assertThat(none.isNull()).isTrue();
        assertThat(none.restabilizationEfficiency(0.9)).isEqualTo(1);
        assertThat(none.learningGain(24, 0.9)).isEqualTo(1);
        MechanismSet both = MechanismSet.of(RestabilizationBlockade.defaults(), PlasticityWindow.defaults());
        assertThat(both.restabilizationEfficiency(0.2)).isLessThan(1);
        assertThat(both.learningGain(24, 0.5)).isGreaterThan(1);
    }
}
