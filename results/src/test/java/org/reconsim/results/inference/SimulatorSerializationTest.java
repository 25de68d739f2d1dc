package org.reconsim.results.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.results.evaluation.Evaluation;
import org.reconsim.results.power.PriorDistribution;

/**
 * What a distributed engine does to a simulator: Java serialization and back. The rebuilt
 * simulator (compiled again from its description) must simulate bit for bit what the original
 * does, for the trial model against targets, a design, and their evaluations.
 */
class SimulatorSerializationTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void theTrialModelAgainstTargetsTravelsAsItsDescription() throws Exception {
        FreeField ki = new FreeField("pharmacology.occupancy.ki_micromolar", "loguniform(0.3,5)", new PriorDistribution.LogUniform(0.3, 5));
        ScenarioSummarySimulator sim = ScenarioSummarySimulator.of(ScenarioSummarySimulatorTest.scenario("duek-2021"),
                ScenarioSummarySimulatorTest.targets("duek-2021"), List.of("null", "restabilization-blockade"), List.of(ki), 7);
        ScenarioSummarySimulator back = roundTrip(sim);
        assertThat(back.statistics()).isEqualTo(sim.statistics());
        assertThat(back.hypotheses()).isEqualTo(sim.hypotheses());
        assertThat(back.claims()).isEqualTo(sim.claims());
        for (int draw = 0; draw < 3; draw++) {
            assertThat(back.simulate(1, new double[] {1.5}, draw)).isEqualTo(sim.simulate(1, new double[] {1.5}, draw));
            assertThat(back.trial(0, new double[0], draw).claimHolds()).isEqualTo(sim.trial(0, new double[0], draw).claimHolds());
        }
        Evaluation travelled = roundTrip(Simulations.of(sim));
        double[] in = Simulations.input(1, new double[] {0.8}, 4);
        assertThat(travelled.evaluate(in)).isEqualTo(sim.simulate(1, new double[] {0.8}, 4));
    }

    @Test
    void aDesignTravelsAsItsDescription() throws Exception {
        DesignSimulator design = new DesignSimulator(ScenarioSummarySimulatorTest.scenario("timing-3arm"),
                List.of("null", "restabilization-blockade"), 6, 11);
        DesignSimulator back = roundTrip(design);
        assertThat(back.statistics()).isEqualTo(design.statistics());
        assertThat(back.simulate(1, new double[0], 2)).isEqualTo(design.simulate(1, new double[0], 2));
    }

    @Test
    void theObservedOnlyViewTravelsWithItsSimulator() throws Exception {
        ScenarioSummarySimulator sim = ScenarioSummarySimulator.of(ScenarioSummarySimulatorTest.scenario("duek-2021"),
                ScenarioSummarySimulatorTest.targets("duek-2021"), List.of("restabilization-blockade"), List.of(), 3);
        double[] observed = sim.findings().stream().mapToDouble(f -> f.z().orElse(Double.NaN)).toArray();
        SummarySimulator view = CalibrationRecovery.observedOnly(sim, observed);
        SummarySimulator back = roundTrip(view);
        assertThat(back.statistics()).isEqualTo(view.statistics()).isNotEmpty();
        assertThat(back.simulate(0, new double[0], 5)).isEqualTo(view.simulate(0, new double[0], 5));
    }
}
