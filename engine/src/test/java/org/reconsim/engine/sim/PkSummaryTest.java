package org.reconsim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;

class PkSummaryTest {

    @Test
    void populationPeaksMatchTheMeasuredAnchors() throws Exception {
        TrialPlan plan = TrialPlan.compile(VirtualTrialTest.duek());
        List<PkSummary.ArmExposure> arms = PkSummary.simulate(plan, new RandomStreams(1), 1000, 24, 10);
        PkSummary.ArmExposure ketamine = arms.get(0);
        PkSummary.ArmExposure midazolam = arms.get(1);
        // ketamine 0.5 mg/kg over 40 min: measured peak 185 ng/mL (Zarate 2006)
        assertThat(ketamine.peak().median()).isBetween(150.0, 220.0);
        assertThat(ketamine.timeOfPeakMinutes().median()).isEqualTo(40.0);
        // midazolam 0.045 mg/kg: expected peak near 62 ng/mL at 40 min for a 70-kg adult (docs/MODEL.md 3)
        assertThat(midazolam.peak().median()).isBetween(45.0, 80.0);
        // the band is a band: 5% < median < 95%
        assertThat(ketamine.peak().p05()).isLessThan(ketamine.peak().median());
        assertThat(ketamine.peak().p95()).isGreaterThan(ketamine.peak().median());
        // occupancy only for the NMDA antagonist, inside (0, 1)
        assertThat(ketamine.labileOccupancy().median()).isBetween(0.05, 0.6);
        assertThat(midazolam.labileOccupancy().median()).isZero();
        // concentrations fall after the infusion ends
        assertThat(ketamine.concentration().get(24).median()).isLessThan(ketamine.concentration().get(4).median());
    }

    @Test
    void typeSevenQuantileAsR() {
        double[] v = {1, 2, 3, 4, 10};
        // R: quantile(c(1,2,3,4,10), c(.05,.5,.95)) = 1.2, 3, 8.8
        assertThat(PkSummary.quantile(v, 0.05)).isCloseTo(1.2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(PkSummary.quantile(v, 0.5)).isEqualTo(3.0);
        assertThat(PkSummary.quantile(v, 0.95)).isCloseTo(8.8, org.assertj.core.api.Assertions.within(1e-12));
    }
}
