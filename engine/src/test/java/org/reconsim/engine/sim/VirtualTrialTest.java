package org.reconsim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Dropout;
import org.reconsim.engine.scenario.DropoutMechanism;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Therapy;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.scenario.ScenarioLoader;

class VirtualTrialTest {

    static Scenario duek() throws Exception {
        LoadedScenario s = ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml"));
        return s.scenario();
    }

    static Scenario withMechanisms(Scenario s, List<org.reconsim.models.mechanism.MechanismType<?>> active) {
        return s.withMechanisms(s.mechanisms().withActive(active));
    }

    @Test
    void sameSeedSameTrial() throws Exception {
        TrialPlan plan = TrialPlan.compile(duek());
        TrialOutcome a = VirtualTrial.run(plan, new RandomStreams(1), 3, 12);
        TrialOutcome b = VirtualTrial.run(plan, new RandomStreams(1), 3, 12);
        assertThat(a.patients()).hasSize(24);
        for (int i = 0; i < 24; i++) {
            assertThat(a.patients().get(i).observed()).isEqualTo(b.patients().get(i).observed());
            assertThat(a.patients().get(i).covariates()).isEqualTo(b.patients().get(i).covariates());
        }
        assertThat(VirtualTrial.run(plan, new RandomStreams(2), 3, 12).patients().get(0).observed())
                .isNotEqualTo(a.patients().get(0).observed());
    }

    @Test
    void everyProtocolEventRunsOnTheSchedule() throws Exception {
        Scenario s = duek();
        Dropout none = new Dropout(0, DropoutMechanism.MCAR, 0);
        TrialPlan plan = TrialPlan.compile(s.withTherapy(new Therapy(none)));
        TrialOutcome t = VirtualTrial.run(plan, new RandomStreams(1), 0, 12);
        // the Duek protocol: 4 scans, 1 infusion, 5 PE sessions of 8 trials, a PCL-5 rating every 7 days to day 90
        int scans = 4;
        int sessions = 5;
        int ratings = 12;
        int planned = scans + 1 + sessions + ratings;
        assertThat(ProtocolPlan.of(plan).size()).isEqualTo(planned);
        long restabilizations = 0;
        for (PatientOutcome p : t.patients()) {
            // each planned event runs once, plus one restabilization per labile window; only the
            // scan scripts and the sessions are retrievals that can open one
            int windows = p.events() - planned;
            assertThat(windows).as("restabilizations of patient %d", p.subjectId())
                    .isBetween(p.destabilized() ? 1 : 0, scans + sessions);
            restabilizations += windows;
            assertThat(p.dropoutSession()).isZero();
            assertThat(p.weeklyPcl5()).hasSize(ratings);
            assertThat(p.suds()).hasSize(sessions * 8);
            for (double[] visit : p.observed()) {
                assertThat(visit).doesNotContain(Double.NaN);
            }
        }
        assertThat(t.events()).isEqualTo(t.patients().size() * (long) planned + restabilizations);
        // the pre-visit retrieval destabilizes some traces: the restabilization path ran
        assertThat(t.patients()).anySatisfy(p -> assertThat(p.destabilized()).isTrue());
        assertThat(restabilizations).isPositive();
    }

    @Test
    void patientsKeepTheirDrawsWhenTheTrialGrows() throws Exception {
        // common random numbers: patient i of replicate r is the same person at any sample size
        TrialPlan plan = TrialPlan.compile(duek());
        TrialOutcome small = VirtualTrial.run(plan, new RandomStreams(9), 5, 10);
        TrialOutcome large = VirtualTrial.run(plan, new RandomStreams(9), 5, 40);
        for (PatientOutcome p : small.patients()) {
            assertSamePatient(large.patients().get(p.subjectId() - 1), p);
        }
    }

    @Test
    void theFirstBlocksOfALargerTrialAreTheSmallerTrial() throws Exception {
        // power sweeps simulate each replicate once at the largest size and analyse its first blocks;
        // that must be exactly the trial the smaller size simulates, also with unequal allocation (2:1)
        LoadedScenario base = ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml"));
        Scenario twoToOne = org.reconsim.engine.scenario.ScenarioEdit.set(base, "design.arms[0].allocation", 2).scenario();
        TrialPlan plan = TrialPlan.compile(twoToOne);
        TrialOutcome large = VirtualTrial.run(plan, new RandomStreams(4), 2, 20);
        for (int n : new int[] {2, 7, 20}) {
            TrialOutcome alone = VirtualTrial.run(plan, new RandomStreams(4), 2, n);
            TrialOutcome prefix = large.firstPerArm(n, plan.allocationBlock());
            assertThat(prefix.nPerArm()).isEqualTo(n);
            assertThat(prefix.patients()).hasSize(3 * n);
            assertThat(prefix.events()).isEqualTo(alone.events());
            for (int i = 0; i < alone.patients().size(); i++) {
                assertSamePatient(prefix.patients().get(i), alone.patients().get(i));
            }
        }
    }

    @Test
    void patientsSimulatedOneAtATimeAreTheTrialsPatientsWithTheirRecordings() throws Exception {
        // 2:1 allocation, so subject order interleaves the arms unevenly; recording on, so the
        // time series and EDA traces (their own streams) and the betas they replace are compared too
        Scenario twoToOne = org.reconsim.engine.scenario.ScenarioEdit.set(ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml")), "design.arms[0].allocation", 2).scenario();
        TrialPlan plan = TrialPlan.compile(twoToOne).withRecording(true, true);
        TrialOutcome whole = VirtualTrial.run(plan, new RandomStreams(5), 0, 3);
        List<PatientOutcome> oneByOne = new java.util.ArrayList<>();
        VirtualTrial.forEachPatient(plan, new RandomStreams(5), 0, 3, oneByOne::add);
        assertThat(oneByOne).hasSize(9);
        // and on three threads (generate --threads 3): the same patients in the same order
        List<PatientOutcome> threaded = new java.util.ArrayList<>();
        try (org.reconsim.engine.run.ReplicateRunner runner = new org.reconsim.engine.run.ReplicateRunner(3)) {
            VirtualTrial.forEachPatient(plan, new RandomStreams(5), 0, 3, runner, threaded::add);
        }
        assertThat(threaded).hasSize(9);
        for (int i = 0; i < threaded.size(); i++) {
            assertSamePatient(threaded.get(i), whole.patients().get(i));
            assertThat(threaded.get(i).scans().get(0).eda()).isEqualTo(whole.patients().get(i).scans().get(0).eda());
        }
        for (int i = 0; i < oneByOne.size(); i++) {
            PatientOutcome a = oneByOne.get(i);
            PatientOutcome b = whole.patients().get(i);
            assertSamePatient(a, b);
            assertThat(a.events()).isEqualTo(b.events());
            assertThat(a.weeklyPcl5()).isEqualTo(b.weeklyPcl5());
            assertThat(a.suds()).isEqualTo(b.suds());
            assertThat(a.dropoutSession()).isEqualTo(b.dropoutSession());
            assertThat(a.labileOccupancy()).isEqualTo(b.labileOccupancy());
            assertThat(a.scans()).hasSameSizeAs(b.scans()).isNotEmpty();
            for (int k = 0; k < a.scans().size(); k++) {
                assertThat(a.scans().get(k).roiSeries()).isEqualTo(b.scans().get(k).roiSeries());
                assertThat(a.scans().get(k).eda()).isNotNull().isEqualTo(b.scans().get(k).eda());
                assertThat(a.scans().get(k).connectivity()).isEqualTo(b.scans().get(k).connectivity());
            }
        }
    }

    /** The same person with the same course: identity, arm, site, covariates, observations and latent fear. */
    private static void assertSamePatient(PatientOutcome actual, PatientOutcome expected) {
        assertThat(actual.subjectId()).isEqualTo(expected.subjectId());
        assertThat(actual.arm()).isEqualTo(expected.arm());
        assertThat(actual.site()).isEqualTo(expected.site());
        assertThat(actual.covariates()).isEqualTo(expected.covariates());
        assertThat(actual.observed()).isEqualTo(expected.observed());
        assertThat(actual.fearAtHome()).isEqualTo(expected.fearAtHome());
    }

    @Test
    void ketamineLowersAmygdalaChangeUnderBlockadeAndNotUnderTheNull() throws Exception {
        Scenario m1 = duek();
        Scenario nul = withMechanisms(m1, List.of());
        double[] withM1 = armDifference(m1);
        double[] withNull = armDifference(nul);
        // ketamine minus midazolam mean amygdala change (post - pre), and its standard error
        assertThat(withM1[0]).isLessThan(-3 * withM1[1]);
        assertThat(Math.abs(withNull[0])).isLessThan(3 * withNull[1]);
        // the difference arises from the mechanism: latent fear expression differs only under M1
        assertThat(withM1[2]).isLessThan(-0.02);
        assertThat(Math.abs(withNull[2])).isLessThan(0.01);
    }

    /** {mean difference in observed change, its SE, mean difference in latent change}, ketamine minus midazolam. */
    private static double[] armDifference(Scenario s) {
        TrialPlan plan = TrialPlan.compile(s);
        TrialOutcome t = VirtualTrial.run(plan, new RandomStreams(2021), 0, 3000);
        int amy = Endpoint.AMYGDALA.ordinal();
        int post = Visit.POST.ordinal();
        int ket = plan.treatmentArm().index();
        double[][] sum = new double[2][3];
        for (PatientOutcome p : t.patients()) {
            double change = p.observed()[post][amy] - p.observed()[0][amy];
            if (Double.isNaN(change)) {
                continue;
            }
            int g = p.arm() == ket ? 0 : 1;
            sum[g][0] += 1;
            sum[g][1] += change;
            sum[g][2] += change * change;
        }
        double[] mean = new double[2];
        double[] var = new double[2];
        for (int g = 0; g < 2; g++) {
            mean[g] = sum[g][1] / sum[g][0];
            var[g] = (sum[g][2] - sum[g][0] * mean[g] * mean[g]) / (sum[g][0] - 1);
        }
        double[] latent = new double[2];
        double[] count = new double[2];
        for (PatientOutcome p : t.patients()) {
            double change = p.fearExpression()[post] - p.fearExpression()[0];
            if (!Double.isNaN(change)) {
                int g = p.arm() == ket ? 0 : 1;
                latent[g] += change;
                count[g]++;
            }
        }
        return new double[] {mean[0] - mean[1], Math.sqrt(var[0] / sum[0][0] + var[1] / sum[1][0]),
            latent[0] / count[0] - latent[1] / count[1]};
    }
}
