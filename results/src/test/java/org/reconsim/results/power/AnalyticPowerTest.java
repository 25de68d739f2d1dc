package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Adjustment;
import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.DirectEffect;
import org.reconsim.engine.scenario.Dropout;
import org.reconsim.engine.scenario.DropoutMechanism;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.FamilyMember;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Therapy;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;

class AnalyticPowerTest {

    @Test
    void matchesRPowerTTest() {
        // R 4.2.2: power.t.test(n = 20, delta = 0.5, sd = 1, strict = TRUE)$power = 0.3379390289
        // (strict: both tails count, as a two-sided test rejects in both)
        assertThat(AnalyticPower.twoSample(20, 0.5, 1, 0.05)).isCloseTo(0.3379390289, within(1e-8));
        // power.t.test(n = 64, delta = 0.5, sd = 1, strict = TRUE)$power = 0.8014595579
        assertThat(AnalyticPower.twoSample(64, 0.5, 1, 0.05)).isCloseTo(0.8014595579, within(1e-8));
        // no effect: power is the significance level
        assertThat(AnalyticPower.twoSample(30, 0, 1, 0.05)).isCloseTo(0.05, within(1e-9));
    }

    /** A sweep over sizes (each replicate simulated once, at the largest) gives the rows each size gives on its own. */
    @Test
    void aSweepGivesTheRowsOfEachSizeRunAlone() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml")).scenario();
        List<PowerRow> swept = PowerAnalysis.rows(s, 8, List.of(6, 15), 120, 2);
        List<PowerRow> alone = new java.util.ArrayList<>();
        alone.addAll(PowerAnalysis.rows(s, 8, List.of(6), 120, 2));
        alone.addAll(PowerAnalysis.rows(s, 8, List.of(15), 120, 2));
        assertThat(swept).isEqualTo(alone);
    }

    /** Under the null hypothesis Holm keeps the familywise error rate at alpha; unadjusted tests do not. */
    @Test
    void holmControlsTheFamilywiseErrorUnderTheNull() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml")).scenario();
        List<FamilyMember> family = List.of(new FamilyMember(Endpoint.AMYGDALA, Visit.POST),
                new FamilyMember(Endpoint.HIPPOCAMPUS, Visit.POST),
                new FamilyMember(Endpoint.SCR, Visit.POST),
                new FamilyMember(Endpoint.CAPS5, Visit.FU90));
        Analysis a = s.analysis();
        double[] anyRejection = new double[2];
        int i = 0;
        for (Adjustment adj : List.of(Adjustment.NONE, Adjustment.HOLM)) {
            Analysis plan = new Analysis(a.primaryEndpoint(), a.primaryVisit(), 0.05, a.methods(), 0, 0, family, adj);
            Scenario nul = new Scenario(s.name(), s.description(), s.design(), s.protocol(), s.population(), s.memory(),
                    s.pharmacology(), s.mechanisms().withActive(List.of()), s.therapy(), s.measurement(), plan, s.simulation(),
                    List.of());
            List<PowerRow> rows = PowerAnalysis.rows(nul, 3, List.of(20), 1500, 2);
            anyRejection[i++] = rows.stream().filter(r -> r.endpoint().equals("family") && r.visit().equals("any"))
                    .findFirst().orElseThrow().power();
        }
        // four nearly independent tests: about 1 - 0.95^4 = 0.19 without adjustment; at most 0.05 with Holm
        assertThat(anyRejection[0]).isGreaterThan(0.12);
        assertThat(anyRejection[1]).isLessThan(0.05 + 3 * Math.sqrt(0.05 * 0.95 / 1500));
    }

    /**
     * In direct-effect mode the simulated ANCOVA power equals the analytic value computed from
     * the outcome SD and baseline correlation of the virtual population, within Monte Carlo error.
     */
    @Test
    void simulatedAncovaPowerMatchesTheAnalyticValue() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml")).scenario();
        s = s.withMechanisms(s.mechanisms().withActive(List.of()))
                .withTherapy(new Therapy(new Dropout(0, DropoutMechanism.MCAR, 0)));
        // the population's control-arm outcome SD and baseline correlation, from one large trial
        TrialPlan nullPlan = TrialPlan.compile(s);
        TrialOutcome big = VirtualTrial.run(nullPlan, new RandomStreams(99), 0, 6000);
        double[] pre = big.patients().stream().filter(p -> p.arm() == nullPlan.controlArm().index())
                .mapToDouble(p -> p.observed(Visit.PRE, Endpoint.AMYGDALA)).toArray();
        double[] at = big.patients().stream().filter(p -> p.arm() == nullPlan.controlArm().index())
                .mapToDouble(p -> p.observed(Visit.POST, Endpoint.AMYGDALA)).toArray();
        double sd = new org.apache.commons.math3.stat.descriptive.moment.StandardDeviation().evaluate(at);
        double rho = new PearsonsCorrelation().correlation(pre, at);
        double delta = -0.5 * sd;

        Scenario direct = s.withDirectEffects(List.of(new DirectEffect(Endpoint.AMYGDALA, delta)));
        int replicates = 1500;
        List<PowerRow> rows = PowerAnalysis.rows(direct, 5, List.of(20, 40), replicates, 2);
        for (PowerRow r : rows) {
            if (!r.endpoint().equals("amygdala") || !r.visit().equals("post")) {
                continue;
            }
            double expected = AnalyticPower.ancova(r.nPerArm(), delta, sd, rho, 0.05);
            // Monte Carlo error of the simulated power, plus 0.01 for the error of sd and rho from 6000 patients
            double mcError = Math.sqrt(expected * (1 - expected) / replicates);
            assertThat(r.power()).as("n=%d analytic %.4f", r.nPerArm(), expected).isCloseTo(expected, within(3.5 * mcError + 0.01));
            assertThat(r.meanEstimate()).isCloseTo(delta, within(0.1 * Math.abs(delta)));
        }
    }
}
