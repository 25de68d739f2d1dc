package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.results.sequential.BoundaryCrossing;
import org.reconsim.results.sequential.GroupSequentialDesign;
import org.reconsim.results.sequential.OperatingCharacteristics;
import org.reconsim.results.sequential.Stage;
import org.reconsim.results.stats.RunningMoments;
import org.reconsim.results.stats.TestResult;

/**
 * Validation of group-sequential looks simulated by {@code reconsim power} against the design's
 * numerics (docs/SEQUENTIAL.md, "In reconsim power"): whole virtual trials, analysed look by look.
 * <ol>
 * <li>Under the null (no mechanism, no direct effect) the simulated type I error, and each look's
 * efficacy stops, lie in the central 99.9% of the binomial distribution at the design's values,
 * for a two-sided O'Brien-Fleming design with three looks and for a one-sided Pocock design with
 * beta-spending futility at the founding trial's 12 per arm (where the looks' ANCOVA t has 9 and
 * 21 degrees of freedom: the normal score keeps their level), and for a two-sided
 * Hwang-Shih-DeCani design whose looks are an MMRM of PCL-5 (a self-report, null only with
 * expectancy 0) at 8 and 20 per arm.</li>
 * <li>With a true effect, at 100 per arm (the ANCOVA z close to normal), each look's efficacy and
 * futility stops agree with {@link BoundaryCrossing} at the drift estimated from independent trials
 * (another seed), within 3.29 standard errors that include the drift estimate's own error.</li>
 * </ol>
 * Each case prints its numbers (docs/POWER.md, group-sequential designs).
 */
@Tag("slow")
class GroupSequentialSimulationTest {

    /** No mechanism and no expectancy: every endpoint, self-reports included, is null in the scenario itself. */
    private static final String NULL_MECHANISMS = "mechanisms:\n  active: []\n  nonspecific:\n    expectancy_pcl5: 0";

    /** Central 99.9% of Binomial(trials, p). */
    private static long[] band(long trials, double p) {
        BinomialDistribution b = new BinomialDistribution(null, (int) trials, p);
        return new long[] {b.inverseCumulativeProbability(0.0005), b.inverseCumulativeProbability(0.9995)};
    }

    private static void inBand(String what, long count, long trials, double p) {
        long[] band = band(trials, p);
        System.out.printf(Locale.ROOT, "  %-44s %5d of %d = %.4f, design %.4f, 99.9%% band [%d, %d]%n", what, count, trials,
                (double) count / trials, p, band[0], band[1]);
        assertThat(count).as(what).isBetween(band[0], band[1]);
    }

    private static SequentialMonitor simulate(LoadedScenario loaded, long seed, int n, int replicates) {
        PowerJob job = new PowerJob(loaded, seed, List.of(n), null, false, 0);
        PowerAccumulator acc = job.accumulator();
        try (LocalReplicateExecutor ex = new LocalReplicateExecutor(Runtime.getRuntime().availableProcessors())) {
            ex.run(job, 0, replicates, acc::add);
        }
        return acc.sequential();
    }

    /** Type I error (futility ignored, as non-binding futility is) and every look's stops under the null. */
    private static void checkNull(String name, SequentialMonitor m) {
        GroupSequentialDesign design = m.plan().design(0);
        List<Stage> expected = design.stages(0);
        for (int h = 0; h < 2; h++) {
            String hypothesis = SequentialPlan.HYPOTHESES.get(h);
            System.out.println(name + ", trials simulated as " + hypothesis + ":");
            SequentialSummary s = m.summaries().get(h);
            inBand("type I error, futility ignored", s.rejectionIgnoringFutility().count(), s.replicates(), design.alpha());
            List<StageRow> rows = m.stages().subList(h * design.looks(), (h + 1) * design.looks());
            for (int k = 0; k < design.looks(); k++) {
                inBand("look " + (k + 1) + " efficacy stops", rows.get(k).stopEfficacy().count(), s.replicates(),
                        expected.get(k).pStopEfficacy());
                if (k < design.looks() - 1 && !Double.isNaN(expected.get(k).futilityZ())) {
                    inBand("look " + (k + 1) + " futility stops", rows.get(k).stopFutility().count(), s.replicates(),
                            expected.get(k).pStopFutility());
                }
            }
        }
    }

    @Test
    void theTypeOneErrorOfATwoSidedThreeLookDesignIsItsAlpha() throws Exception {
        LoadedScenario loaded = SequentialPowerTest.scenario("    information_fractions: [0.4, 0.7]", NULL_MECHANISMS);
        checkNull("two-sided O'Brien-Fleming, looks at 12, 21, 30 per arm", simulate(loaded, 20260101, 30, 4000));
    }

    @Test
    void theTypeOneErrorHoldsAtTwelvePerArmWithFutilityStops() throws Exception {
        LoadedScenario loaded = SequentialPowerTest.scenario("    information_fractions: [0.5]\n    sides: one-sided\n"
                + "    efficacy_spending: pocock\n    futility: beta-spending", NULL_MECHANISMS);
        checkNull("one-sided Pocock, beta-spending futility, looks at 6, 12 per arm", simulate(loaded, 20260102, 12, 4000));
    }

    /**
     * An MMRM of PCL-5 at post (all post-baseline visits, dropout as simulated), looks by
     * patients per arm (8 of 20): the self-report endpoint is null only because expectancy is 0.
     */
    @Test
    void theTypeOneErrorOfAnMmrmOnPcl5WithAnInterimLookIsItsAlpha() throws Exception {
        LoadedScenario loaded = SequentialPowerTest.scenario("    n_per_arm_at_looks: [8]\n    efficacy_spending: hsd\n"
                + "    hsd_gamma: -2", NULL_MECHANISMS + "\nanalysis:\n  primary_endpoint: pcl5\n  methods: [mmrm]");
        checkNull("two-sided HSD(-2), mmrm on pcl5, looks at 8, 20 per arm", simulate(loaded, 20260103, 20, 3000));
    }

    @Test
    void stageProbabilitiesAgreeWithTheDesignAtTheSimulatedDrift() throws Exception {
        String effect = "mechanisms:\n  active: []\ndirect_effects:\n  - endpoint: amygdala\n    effect: -0.17";
        String interims = "    information_fractions: [0.5, 0.75]\n    sides: one-sided\n    futility: beta-spending";
        int n = 100;
        // the drift: the mean final z (hypothesized direction) of 1500 fixed-design trials of another seed
        LoadedScenario fixed = SequentialPowerTest.scenario("    information_fractions: []", effect);
        PowerJob drifts = new PowerJob(fixed, 77, List.of(n), null, false, 0);
        ResultKey key = new ResultKey(n, new Contrast("ketamine", "midazolam"), Endpoint.AMYGDALA, Visit.POST,
                drifts.methods().get(0));
        RunningMoments z = new RunningMoments();
        try (LocalReplicateExecutor ex = new LocalReplicateExecutor(Runtime.getRuntime().availableProcessors())) {
            ex.run(drifts, 0, 1500, r -> z.add(-LookStatistics.normalScore(
                    new TestResult(r.estimate(key), r.stdError(key), 1, 1, r.pValue(key)))));
        }
        double theta = z.mean();
        double thetaVariance = z.standardDeviation() * z.standardDeviation() / z.count();
        System.out.printf(Locale.ROOT, "drift %.4f (SE %.4f, final-z SD %.3f) from %d trials%n", theta, Math.sqrt(thetaVariance),
                z.standardDeviation(), z.count());

        int trials = 3000;
        SequentialMonitor m = simulate(SequentialPowerTest.scenario(interims, effect), 78, n, trials);
        GroupSequentialDesign design = m.plan().design(0);
        List<Stage> at = design.stages(theta);
        double h = 0.01;
        List<Stage> above = design.stages(theta + h);
        List<Stage> below = design.stages(theta - h);
        System.out.println("one-sided O'Brien-Fleming, beta-spending futility, looks at 50, 75, 100 per arm:");
        for (int k = 0; k < design.looks(); k++) {
            StageRow row = m.stages().get(k);
            agrees("look " + (k + 1) + " efficacy stops", row.stopEfficacy().count(), trials, at.get(k).pStopEfficacy(),
                    (above.get(k).pStopEfficacy() - below.get(k).pStopEfficacy()) / (2 * h), thetaVariance);
            if (k < design.looks() - 1) {
                agrees("look " + (k + 1) + " futility stops", row.stopFutility().count(), trials, at.get(k).pStopFutility(),
                        (above.get(k).pStopFutility() - below.get(k).pStopFutility()) / (2 * h), thetaVariance);
            }
        }
        OperatingCharacteristics oc = design.operatingCharacteristics(theta);
        OperatingCharacteristics up = design.operatingCharacteristics(theta + h);
        OperatingCharacteristics down = design.operatingCharacteristics(theta - h);
        SequentialSummary s = m.summaries().get(0);
        agrees("power", s.power().count(), trials, oc.upperRejectionProbability(),
                (up.upperRejectionProbability() - down.upperRejectionProbability()) / (2 * h), thetaVariance);
        // the same trials under their null: the design's values at drift 0, nothing estimated
        System.out.println("the same design, trials simulated as null:");
        List<Stage> none = design.stages(0);
        for (int k = 0; k < design.looks(); k++) {
            StageRow row = m.stages().get(design.looks() + k);
            inBand("look " + (k + 1) + " efficacy stops", row.stopEfficacy().count(), trials, none.get(k).pStopEfficacy());
            if (k < design.looks() - 1) {
                inBand("look " + (k + 1) + " futility stops", row.stopFutility().count(), trials, none.get(k).pStopFutility());
            }
        }
        inBand("type I error, futility ignored", m.summaries().get(1).rejectionIgnoringFutility().count(), trials,
                design.alpha());
    }

    /**
     * {@code count / trials} within 3.29 SE of {@code p(theta_hat)}: the SE adds the binomial
     * variance and the delta-method variance of {@code p} through the estimated drift.
     */
    private static void agrees(String what, long count, long trials, double p, double slope, double thetaVariance) {
        double se = Math.sqrt(p * (1 - p) / trials + slope * slope * thetaVariance);
        double share = (double) count / trials;
        System.out.printf(Locale.ROOT, "  %-44s %5d of %d = %.4f, design %.4f, |diff| %.4f <= %.4f (3.29 SE)%n", what, count,
                trials, share, p, Math.abs(share - p), 3.29 * se);
        assertThat(p * trials).as("%s: expected count large enough for the normal band", what).isGreaterThan(20);
        assertThat(Math.abs(share - p)).as(what).isLessThanOrEqualTo(3.29 * se);
    }
}
