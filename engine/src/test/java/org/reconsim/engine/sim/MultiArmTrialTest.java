package org.reconsim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.scenario.Visit;

/**
 * Arms differ in the drug's timing and in whether the memory is reactivated, and nothing else
 * (docs/MODEL.md 2): under restabilization blockade a ketamine infusion 8 h after retrieval
 * meets a closed window and blocks nothing, exactly.
 */
class MultiArmTrialTest {

    private static Scenario load(String name) throws Exception {
        return ScenarioLoader.load(Path.of("../scenarios/" + name)).scenario();
    }

    @Test
    void anInfusionAfterTheWindowBlocksNothing() throws Exception {
        TrialPlan plan = TrialPlan.compile(load("timing-3arm.yaml"));
        TrialOutcome t = VirtualTrial.run(plan, new RandomStreams(5), 0, 300);
        int now = plan.arm("ketamine-now").index();
        int late = plan.arm("ketamine-8h").index();
        double nowRho = 0;
        int nowDestabilized = 0;
        int lateDestabilized = 0;
        for (PatientOutcome p : t.patients()) {
            if (p.arm() == late) {
                // the window the retrieval opened closed before the infusion started: no occupancy in it, full restabilization
                assertThat(p.labileOccupancy()).isZero();
                assertThat(p.restabilizationEfficiency()).isEqualTo(1.0);
                lateDestabilized += p.destabilized() ? 1 : 0;
            } else if (p.arm() == now && p.destabilized()) {
                nowRho += p.restabilizationEfficiency();
                nowDestabilized++;
            }
        }
        assertThat(lateDestabilized).isPositive();
        // inside the window the blockade acts: mean efficiency 1 - k_block x occupancy (about 0.2, docs/MODEL.md 3)
        assertThat(nowRho / nowDestabilized).isBetween(0.6, 0.95);
    }

    @Test
    void aNoReactivationArmNeverDestabilizes() throws Exception {
        Scenario s = load("duek-2021.yaml");
        var arms = new java.util.ArrayList<>(s.design().arms());
        var k = arms.get(0);
        arms.set(0, new org.reconsim.engine.scenario.Arm(k.name(), k.drug(), k.doseMgPerKg(), k.infusionMinutes(), k.allocation(),
                k.infusionStartHours(), false));
        var d = s.design();
        Scenario noReactivation = s.withDesign(new org.reconsim.engine.scenario.Design(arms, d.controlArm(), d.nPerArm(), d.sites(),
                d.contrasts()));
        TrialPlan plan = TrialPlan.compile(noReactivation);
        TrialOutcome t = VirtualTrial.run(plan, new RandomStreams(9), 0, 200);
        int ket = plan.arm("ketamine").index();
        long controlDestabilized = 0;
        for (PatientOutcome p : t.patients()) {
            if (p.arm() == ket) {
                assertThat(p.destabilized()).isFalse();
                assertThat(p.restabilizationEfficiency()).isEqualTo(1.0);
            } else if (p.destabilized()) {
                controlDestabilized++;
            }
        }
        assertThat(controlDestabilized).isPositive();
    }

    @Test
    void duek2023HasItsPublishedSizesAndNoNinetyDayScan() throws Exception {
        TrialPlan plan = TrialPlan.compile(load("duek-2023.yaml"));
        TrialOutcome t = VirtualTrial.run(plan, new RandomStreams(1), 0, 1);
        assertThat(t.patients().stream().filter(p -> p.arm() == 0).count()).isEqualTo(14);
        assertThat(t.patients().stream().filter(p -> p.arm() == 1).count()).isEqualTo(13);
        for (PatientOutcome p : t.patients()) {
            assertThat(p.observed(Visit.FU90, Endpoint.AMYGDALA)).isNaN();
            assertThat(p.observed(Visit.PRE, Endpoint.AMYGDALA)).isFinite();
        }
    }
}
