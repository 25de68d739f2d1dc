package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Arm;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.sequential.GroupSequentialDesign;
import org.reconsim.results.stats.TestResult;

/**
 * Group-sequential looks in a power job: the decisions follow the bounds, the statistics survive
 * their encoding and a checkpoint, a design that spends nothing early is the fixed design, and the null is sharp.
 */
class SequentialPowerTest {

    /** The Duek 2021 arms with {@code interims} (YAML lines under design) and {@code rest} (top-level sections). */
    static LoadedScenario scenario(String interims, String rest) throws Exception {
        String text = String.join("\n",
                "name: gs",
                "design:",
                "  arms:",
                "    - name: ketamine",
                "      drug: ketamine",
                "      dose_mg_per_kg: 0.5",
                "    - name: midazolam",
                "      drug: midazolam",
                "      dose_mg_per_kg: 0.045",
                "  control_arm: midazolam",
                "  n_per_arm: 16",
                "  interims:",
                interims,
                rest,
                "");
        return ScenarioLoader.parse("gs.yaml", text);
    }

    private static final String ONE_SIDED_BETA = "    information_fractions: [0.5]\n    sides: one-sided\n"
            + "    futility: beta-spending";

    @Test
    void decisionsFollowTheBoundsAndUndefinedLooksContinue() throws Exception {
        PowerJob job = new PowerJob(scenario(ONE_SIDED_BETA, ""), 3, List.of(16), null, false, 0);
        SequentialPlan plan = job.sequential();
        assertThat(plan.perArmAtLooks(0)).containsExactly(8, 16);
        GroupSequentialDesign design = plan.design(0);
        double b1 = design.efficacyBounds()[0];
        double b2 = design.efficacyBounds()[1];
        double a1 = design.futilityBounds()[0];
        assertThat(a1).isLessThan(b1);
        // per trial: (scenario look 1, look 2, null look 1, look 2)
        double[][] trials = {
            {b1 + 0.1, 0, a1 + 0.01, 0},     // efficacy at look 1; null reaches the end without rejecting
            {a1 - 0.1, b2 + 1, b1, b2},      // futility at 1, but would have rejected at 2 (non-binding); null: efficacy at 1
            {Double.NaN, b2, a1 - 1, 0},     // undefined look 1 continues, efficacy at 2; null: futility at 1
            {a1, b2 - 1e-9, Double.NaN, Double.NaN}}; // continues (a1 itself is not futility), no rejection; null undefined
        SequentialMonitor monitor = new SequentialMonitor(plan);
        for (int r = 0; r < trials.length; r++) {
            double[] z = new double[plan.size()];
            z[plan.offset(0, 0, SequentialPlan.SCENARIO, 0)] = trials[r][0];
            z[plan.offset(0, 0, SequentialPlan.SCENARIO, 1)] = trials[r][1];
            z[plan.offset(0, 0, SequentialPlan.NULL, 0)] = trials[r][2];
            z[plan.offset(0, 0, SequentialPlan.NULL, 1)] = trials[r][3];
            monitor.add(new ReplicateResult.Builder(job.layout(), r).truth(Truths.none(job.layout().analyses())).lookZ(z).build());
        }
        List<StageRow> stages = monitor.stages();
        assertThat(stages).extracting(StageRow::hypothesis).containsExactly("scenario", "scenario", "null", "null");
        StageRow s1 = stages.get(0);
        StageRow s2 = stages.get(1);
        assertThat(s1.stopEfficacy().count()).isEqualTo(1);
        assertThat(s1.stopFutility().count()).isEqualTo(1);
        assertThat(s1.undefined()).isEqualTo(1);
        assertThat(s2.stopEfficacy().count()).isEqualTo(1);
        assertThat(s1.rejectedByLook().count()).isEqualTo(1);
        assertThat(s2.rejectedByLook().count()).isEqualTo(3); // the futility stop's later rejection counts here
        assertThat(stages.get(2).stopEfficacy().count()).isEqualTo(1);
        assertThat(stages.get(2).stopFutility().count()).isEqualTo(1);
        assertThat(stages.get(3).undefined()).isEqualTo(1);

        SequentialSummary scenario = monitor.summaries().get(0);
        assertThat(scenario.power().count()).isEqualTo(2);
        assertThat(scenario.rejectionIgnoringFutility().count()).isEqualTo(3);
        assertThat(scenario.futility().count()).isEqualTo(1);
        assertThat(scenario.earlyStop().count()).isEqualTo(2);
        assertThat(scenario.expectedNPerArm()).isEqualTo((8 + 8 + 16 + 16) / 4.0);
        // the drift is the mean of the finite final z's
        assertThat(scenario.drift()).isCloseTo((0 + b2 + 1 + b2 + b2 - 1e-9) / 4, within(1e-12));
        assertThat(monitor.summaries().get(1).drift()).isZero();
        assertThat(monitor.summaries().get(1).expectedNPerArm()).isEqualTo((16 + 8 + 8 + 16) / 4.0);
    }

    @Test
    void theNormalScoreIsTheQuantileOfTheTwoSidedPValue() {
        // t = 2.228139 is the 0.975 quantile of t with 10 df: its p-value is 0.05, its normal score z_0.975
        assertThat(LookStatistics.normalScore(new TestResult(1.5, 1.5 / 2.228139, 10, 2.228139, 0.05)))
                .isCloseTo(1.959963984540054, within(1e-12));
        assertThat(LookStatistics.normalScore(new TestResult(-1, 0.5, 30, -2, 0.3173105078629141)))
                .isCloseTo(-1, within(1e-12));
        assertThat(LookStatistics.normalScore(new TestResult(3, 0.01, 1e9, 300, 0))).isGreaterThan(38).isFinite();
        assertThat(LookStatistics.normalScore(TestResult.undefined())).isNaN();
    }

    @Test
    void theNullGivesEveryArmTheControlTreatmentSoEveryTrueEffectIsZero() throws Exception {
        Scenario s = scenario(ONE_SIDED_BETA, "direct_effects:\n  - endpoint: pcl5\n    effect: -5\nmechanisms:\n  active: []")
                .scenario();
        Scenario none = LookStatistics.nullScenario(s);
        Arm control = s.design().arms().get(1);
        assertThat(none.design().arms()).extracting(Arm::drug).containsOnly(control.drug());
        assertThat(none.design().arms()).extracting(Arm::doseMgPerKg).containsOnly(control.doseMgPerKg());
        assertThat(none.design().arms()).extracting(Arm::name).containsExactly("ketamine", "midazolam");
        assertThat(none.directEffects()).isEmpty();
        // the default nonspecific effects (unblinding, expectancy) move PCL-5 under mechanisms: [] but not under the null
        TrialPlan plan = TrialPlan.compile(none);
        TrialAnalysis analysis = new TrialAnalysis(none.analysis(), plan);
        Truths truth = Truths.of(plan, new RandomStreams(4), analysis.layout(), 50);
        assertThat(truth.ate()).containsOnly(0.0);
    }

    /** The looks test what the power table reports: the first method at the primary endpoint and visit. */
    @Test
    void aLookAnalysesItsFirstPatientsAsThePowerTableWould() throws Exception {
        LoadedScenario loaded = scenario(ONE_SIDED_BETA, "analysis:\n  methods: [lmm, ancova]\n  primary_endpoint: hippocampus");
        PowerJob job = new PowerJob(loaded, 9, List.of(16, 10), null, false, 0);
        SequentialPlan plan = job.sequential();
        assertThat(plan.method().label()).isEqualTo("lmm");
        assertThat(plan.perArmAtLooks(1)).containsExactly(5, 10);
        ReplicateResult r = job.simulate(4);
        // the scenario's direction is lower: a look's z is minus the normal score of its test
        for (int s = 0; s < 2; s++) {
            int n = job.sizes().get(s);
            ResultKey key = new ResultKey(n, new Contrast("ketamine", "midazolam"), Endpoint.HIPPOCAMPUS, Visit.POST,
                    plan.method());
            TestResult atN = new TestResult(r.estimate(key), r.stdError(key), 1, 1, r.pValue(key));
            assertThat(r.lookZ(plan.offset(s, 0, SequentialPlan.SCENARIO, 1))).isEqualTo(-LookStatistics.normalScore(atN));
        }
        // an interim look is the trial of its first patients
        TrialPlan trialPlan = TrialPlan.compile(loaded.scenario()).withoutSessionDetail();
        TrialOutcome trial = VirtualTrial.run(trialPlan, new RandomStreams(9), 4, 16);
        TrialAnalysis analysis = new TrialAnalysis(loaded.scenario().analysis(), trialPlan);
        TrialOutcome first = trial.firstPerArm(8, trialPlan.allocationBlock());
        TestResult look = analysis.primary(first, Endpoint.HIPPOCAMPUS, Visit.POST)[0];
        assertThat(look).isEqualTo(analysis.analyse(first).get(new AnalysisKey(new Contrast("ketamine", "midazolam"),
                Endpoint.HIPPOCAMPUS, Visit.POST, plan.method())));
        assertThat(r.lookZ(plan.offset(0, 0, SequentialPlan.SCENARIO, 0))).isEqualTo(-LookStatistics.normalScore(look));
    }

    /**
     * Hwang-Shih-DeCani spending with gamma -40 spends {@code alpha (1 - e^{-20}) / (1 - e^{-40})},
     * about {@code 1e-10}, at half the information: the interim bound is near 6.5 and the final
     * one is z_0.975 to within 1e-8, so the sequential power is the power table's.
     */
    @Test
    void aDesignThatSpendsNothingEarlyIsTheFixedDesign() throws Exception {
        LoadedScenario loaded = scenario("    information_fractions: [0.5]\n    efficacy_spending: hsd\n    hsd_gamma: -40",
                "direct_effects:\n  - endpoint: amygdala\n    effect: -0.3\nmechanisms:\n  active: []");
        PowerJob job = new PowerJob(loaded, 2, List.of(12), null, false, 0);
        PowerAccumulator acc = job.accumulator();
        try (LocalReplicateExecutor ex = new LocalReplicateExecutor(2)) {
            ex.run(job, 0, 150, acc::add);
        }
        PowerRow fixed = acc.rows().stream().filter(p -> p.endpoint().equals("amygdala") && p.visit().equals("post"))
                .findFirst().orElseThrow();
        SequentialSummary sequential = acc.sequential().summaries().get(0);
        assertThat(fixed.rejections()).isGreaterThan(10);
        assertThat(sequential.power().count()).isEqualTo(fixed.rejections());
        assertThat(sequential.powerDirectional().share()).isEqualTo(fixed.powerDirectional());
        assertThat(sequential.earlyStop().count()).isZero();
        assertThat(sequential.expectedNPerArm()).isEqualTo(12);
    }

    @Test
    void lookStatisticsSurviveTheirEncoding() throws Exception {
        PowerJob job = new PowerJob(scenario(ONE_SIDED_BETA, ""), 3, List.of(8, 16), null, true, 0);
        ReplicateResult r = job.simulate(1);
        assertThat(r.lookCount()).isEqualTo(job.sequential().size()).isEqualTo(2 * 1 * 2 * 2);
        ReplicateResult back = ReplicateResult.decode(job.layout(), r.encode());
        assertThat(back.encode()).isEqualTo(r.encode());
        for (int i = 0; i < r.lookCount(); i++) {
            assertThat(back.lookZ(i)).isEqualTo(r.lookZ(i));
        }
        // the look statistics come last, after the arm means
        byte[] bytes = r.encode();
        java.nio.ByteBuffer tail = java.nio.ByteBuffer.wrap(bytes, bytes.length - 8 * r.lookCount(), 8 * r.lookCount());
        for (int i = 0; i < r.lookCount(); i++) {
            assertThat(tail.getDouble()).isEqualTo(r.lookZ(i));
        }
    }

    /** A crash part-way through the second point and a restore give the uninterrupted stages, bit for bit. */
    @Test
    void aRestoredCheckpointFinishesWithTheSameStages(@TempDir Path dir) throws Exception {
        List<PowerJob> jobs = new ArrayList<>();
        for (String futility : List.of("beta-spending", "conditional-power")) {
            jobs.add(new PowerJob(scenario("    information_fractions: [0.4, 0.7]\n    sides: one-sided\n    futility: "
                    + futility, ""), 5, List.of(8, 12), null, futility.equals("conditional-power"), 0));
        }
        PowerSweep whole = new PowerSweep(jobs, 30, null);
        try (LocalReplicateExecutor ex = new LocalReplicateExecutor(2)) {
            whole.run(ex, d -> { }, (s, done) -> { });
        }
        Path file = dir.resolve("checkpoint.bin");
        PowerSweep first = new PowerSweep(jobs, 30, null);
        class Crash extends RuntimeException {
        }
        try (LocalReplicateExecutor ex = new LocalReplicateExecutor(2)) {
            assertThatThrownBy(() -> first.run(ex, d -> { }, (s, done) -> {
                if (s.trialsDone() == 30 * 2 + 17 * 2) {
                    try {
                        s.writeCheckpoint(file, List.of("header"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    throw new Crash();
                }
            })).isInstanceOf(Crash.class);
        }
        PowerSweep second = new PowerSweep(jobs, 30, null);
        second.restore(file);
        try (LocalReplicateExecutor ex = new LocalReplicateExecutor(1)) {
            second.run(ex, d -> { }, (s, done) -> { });
        }
        for (int k = 0; k < jobs.size(); k++) {
            SequentialMonitor a = second.accumulators().get(k).sequential();
            SequentialMonitor b = whole.accumulators().get(k).sequential();
            assertThat(a.stages()).isEqualTo(b.stages()).hasSize(2 * 2 * 3);
            assertThat(a.summaries()).isEqualTo(b.summaries());
        }
    }

    @Test
    void sizesWhoseLooksCollapseAreRefused() throws Exception {
        Scenario s = scenario("    information_fractions: [0.3, 0.35]", "").scenario();
        assertThat(SequentialPlan.problem(s, 16)).isNull();
        assertThat(SequentialPlan.problem(s, 4)).isEqualTo("at 4 per arm the looks at fractions 0.3 and 0.35 would both "
                + "analyse 2 patients per arm: use fewer looks or more patients");
        assertThat(SequentialPlan.problem(s, 3)).startsWith("at 3 per arm the first look (fraction 0.3) would analyse 1 patient");
        assertThatThrownBy(() -> SequentialPlan.of(s, List.of(16, 4), List.of(new Contrast("ketamine", "midazolam"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("at 4 per arm");
        // ceil(0.3 x 10) is 3, although 0.3 x 10 is 3.0000000000000004 in floating point
        assertThat(s.design().interims().perArmAtLooks(10)).containsExactly(3, 4, 10);
        assertThat(Arrays.stream(s.design().interims().perArmAtLooks(20)).boxed().toList()).containsExactly(6, 7, 20);
    }
}
