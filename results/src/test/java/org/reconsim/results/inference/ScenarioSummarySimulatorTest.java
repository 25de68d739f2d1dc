package org.reconsim.results.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.targets.LoadedTargets;
import org.reconsim.engine.targets.TargetsLoader;
import org.reconsim.results.power.PriorDistribution;

class ScenarioSummarySimulatorTest {

    private static final Path SCENARIOS = Path.of("..", "scenarios");

    static LoadedScenario scenario(String name) throws Exception {
        return ScenarioLoader.load(SCENARIOS.resolve(name + ".yaml"));
    }

    static LoadedTargets targets(String name) throws Exception {
        return TargetsLoader.load(SCENARIOS.resolve("targets").resolve(name + ".yaml"));
    }

    private static final FreeField KI = new FreeField("pharmacology.occupancy.ki_micromolar", "loguniform(0.05,5)",
            new PriorDistribution.LogUniform(0.05, 5));

    @Test
    void statisticsAreTheFindingsInFileOrderAndHypothesesDefaultToTheScenarios() throws Exception {
        ScenarioSummarySimulator sim = ScenarioSummarySimulator.of(scenario("duek-2021"), targets("duek-2021"), null, List.of());
        assertEquals(List.of("amygdala-post", "hippocampus-post", "amygdala-hippocampus-post", "hippocampus-vmpfc-post", "scr-post"),
                sim.statistics());
        assertEquals(List.of("restabilization-blockade"), sim.hypotheses());
        assertEquals(List.of(), sim.parameters());
        assertEquals(5, sim.simulate(0, new double[0], 0).length);
        assertEquals(1.959964, sim.critical(), 1e-6);
    }

    @Test
    void aDrawIsAPureFunctionOfHypothesisParametersAndDraw() throws Exception {
        List<String> hs = List.of("null", "restabilization-blockade", "restabilization-blockade+plasticity-window");
        ScenarioSummarySimulator a = ScenarioSummarySimulator.of(scenario("duek-2023"), targets("duek-2023"), hs, List.of(KI));
        ScenarioSummarySimulator b = ScenarioSummarySimulator.of(scenario("duek-2023"), targets("duek-2023"), hs, List.of(KI));
        double[] theta = {0.3};
        double[][] forward = new double[6][];
        for (int d = 0; d < 6; d++) {
            forward[d] = a.simulate(d % 3, theta, d);
        }
        // another simulator, the draws in reverse order: the same statistics
        for (int d = 5; d >= 0; d--) {
            assertArrayEquals(forward[d], b.simulate(d % 3, theta, d), "draw " + d);
        }
        // the free field at the scenario's own value is the scenario itself
        assertArrayEquals(a.simulate(1, new double[] {0.5}, 4), a.simulate(1, new double[0], 4));
        // different hypotheses on the same draw differ (the mechanisms act), and so do different draws
        assertTrue(a.simulate(0, theta, 2)[0] != a.simulate(1, theta, 2)[0]);
        assertTrue(a.simulate(1, theta, 2)[0] != a.simulate(1, theta, 3)[0]);
    }

    /**
     * A lower Ki means more NMDA occupancy in the labile window, hence more restabilization blockade
     * and a lower ketamine-minus-midazolam amygdala response: over 200 common draws the mean z at
     * Ki 0.1 uM must lie below the mean at Ki 5 uM by more than 4 Monte Carlo standard errors of
     * the paired difference (its SD estimated from the draws).
     */
    @Test
    void aLowerKiGivesAMoreNegativeAmygdalaZ() throws Exception {
        ScenarioSummarySimulator sim = ScenarioSummarySimulator.of(scenario("duek-2021"), targets("duek-2021"), null, List.of(KI));
        int draws = 200;
        double sum = 0;
        double sumSq = 0;
        for (int d = 0; d < draws; d++) {
            double diff = sim.simulate(0, new double[] {0.1}, d)[0] - sim.simulate(0, new double[] {5}, d)[0];
            sum += diff;
            sumSq += diff * diff;
        }
        double mean = sum / draws;
        double se = Math.sqrt((sumSq / draws - mean * mean) / (draws - 1));
        assertTrue(mean < -4 * se, "mean difference " + mean + ", standard error " + se);
    }

    @Test
    void claimsAreReadOnTheSimulatedTrial() throws Exception {
        ScenarioSummarySimulator sim = ScenarioSummarySimulator.of(scenario("duek-2023"), targets("duek-2023"), List.of("null"),
                List.of());
        double c = sim.critical();
        for (int d = 0; d < 20; d++) {
            ScenarioSummarySimulator.Trial t = sim.trial(0, new double[0], d);
            assertEquals(t.z()[0] < -c, t.claimHolds()[0]); // amygdala-post: lower
            assertEquals(Math.abs(t.z()[3]) < c, t.claimHolds()[3]); // amygdala-vmpfc-post: no-difference
            if (t.claimHolds()[4]) {
                assertTrue(Math.abs(t.z()[4]) < c); // symptoms-post: improved-equally needs no difference
            }
        }
    }

    private static String refusal(LoadedScenario s, LoadedTargets t, List<String> hs, List<FreeField> free) {
        return assertThrows(IllegalArgumentException.class, () -> ScenarioSummarySimulator.of(s, t, hs, free)).getMessage();
    }

    @Test
    void badHypothesesAreRefusedOneLineEach() throws Exception {
        assertEquals("hypothesis 'null' is listed twice\n"
                        + "hypothesis 'plasticity+': expected null or mechanism labels joined by '+', e.g. "
                        + "restabilization-blockade+plasticity-window\n"
                        + "hypothesis 'magic': " + unknownMechanism(),
                refusal(scenario("duek-2021"), targets("duek-2021"), List.of("null", "null", "plasticity+", "magic"), List.of()));
    }

    /** What the scenario says of an unknown mechanism label (the registry's message, not this class's). */
    private static String unknownMechanism() throws Exception {
        try {
            org.reconsim.engine.scenario.ScenarioEdit.set(scenario("duek-2021"), java.util.Map.of("mechanisms.active", List.of("magic")));
        } catch (org.reconsim.engine.scenario.InvalidScenarioException e) {
            return e.problems().get(0).message();
        }
        throw new AssertionError("an unknown mechanism was accepted");
    }

    @Test
    void badFreeFieldsAreRefusedOneLineEach() throws Exception {
        List<FreeField> free = List.of(
                new FreeField("design.n_per_arm", null, new PriorDistribution.Uniform(10, 20)),
                new FreeField("design.arms[0].allocation", null, new PriorDistribution.Uniform(1, 2)),
                new FreeField("simulation.seed", null, new PriorDistribution.Uniform(1, 2)),
                new FreeField("simulation.replicates", null, new PriorDistribution.Uniform(1, 2)),
                new FreeField("mechanisms.active", null, new PriorDistribution.Discrete(List.of("null"), List.of(1.0))),
                new FreeField("pharmacology.occupancy.kx", null, new PriorDistribution.Uniform(1, 2)),
                new FreeField("design.control_arm", null, new PriorDistribution.Uniform(1, 2)),
                new FreeField("pharmacology.occupancy.ki_micromolar", null, new PriorDistribution.Uniform(-1, 2)),
                new FreeField("measurement.pcl5.slope", null, new PriorDistribution.Discrete(List.of("1"), List.of(1.0))),
                new FreeField("measurement.pcl5.slope", null, new PriorDistribution.Uniform(1, 2)));
        String message = refusal(scenario("duek-2021"), targets("duek-2021"), null, free);
        List<String> lines = List.of(message.split("\n"));
        assertEquals(List.of(
                "free field design.n_per_arm: cannot vary: the arm sizes are the published trial's; they are not parameters",
                "free field design.arms[0].allocation: cannot vary: the arm sizes are the published trial's; they are not parameters",
                "free field simulation.seed: cannot vary: the seed and the replicate count address the simulated trials; they are not "
                        + "parameters",
                "free field simulation.replicates: cannot vary: the seed and the replicate count address the simulated trials; they "
                        + "are not parameters",
                "free field mechanisms.active: cannot vary: the mechanisms are the hypotheses, not a parameter",
                "free field pharmacology.occupancy.kx=1.0: cannot set: no field 'kx' here",
                "free field design.control_arm=1.0: cannot set: only numeric fields can vary"),
                lines.subList(0, 7));
        assertTrue(lines.get(7).startsWith("free field pharmacology.occupancy.ki_micromolar=-1.0: "), lines.get(7));
        assertEquals("free field measurement.pcl5.slope: takes a continuous prior (uniform, loguniform, normal, lognormal or beta), "
                + "not discrete", lines.get(8));
        assertEquals("free field measurement.pcl5.slope: given twice", lines.get(9));
        assertEquals(10, lines.size());
    }

    @Test
    void targetsPublishedAtOtherSizesAreRefused() throws Exception {
        String message = refusal(scenario("duek-2021"), targets("duek-2023"), null, List.of());
        String first = message.split("\n")[0];
        assertEquals(SCENARIOS.resolve("targets").resolve("duek-2023.yaml") + ": finding amygdala-post: published with 14 ketamine "
                + "and 13 midazolam patients, but the scenario duek-2021 has 12 and 12 (design.n_per_arm x allocation); the trial is "
                + "simulated at its published sizes", first);
        // one line per finding, and the no-difference/improved-equally findings too
        assertEquals(5, message.split("\n").length);
    }
}
