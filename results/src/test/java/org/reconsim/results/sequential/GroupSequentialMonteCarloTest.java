package org.reconsim.results.sequential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * Checks the numerical integration against simulation of the canonical joint distribution
 * (Jennison &amp; Turnbull 2000, sec. 3.1): the score {@code S(t) = Z(t) sqrt(t)} is a
 * Brownian motion with drift {@code theta}, so each trial draws independent increments
 * {@code N(theta D_k, D_k)} at the looks and stops as the bounds say. Every simulated count
 * must lie in the central 99.9% of its exact binomial distribution at the computed
 * probability.
 */
class GroupSequentialMonteCarloTest {

    private static final int TRIALS = 200_000;

    /** Two-sided 0.1% band: a correct computation fails a given check once in 1000 seeds. */
    private static final double BAND = 0.001;

    /** Counts of stopping at each look, for efficacy and for futility. */
    record Simulated(int[] efficacy, int[] futility) {

        int rejections() {
            int sum = 0;
            for (int count : efficacy) {
                sum += count;
            }
            return sum;
        }
    }

    @Test
    void typeOneErrorOfAnEfficacyOnlyDesignIsAlpha() {
        GroupSequentialDesign design = GroupSequentialDesign.of(new double[] {0.2, 0.45, 0.7, 1}, Sidedness.ONE_SIDED,
                0.025, SpendingFunction.obrienFleming());
        Simulated simulated = simulate(design, 0, false, 20250614L);
        assertWithinBand("type I error", simulated.rejections(), 0.025);
        checkEveryLook(design, 0, simulated);
    }

    @Test
    void typeOneErrorOfATwoSidedDesignIsAlpha() {
        GroupSequentialDesign design = GroupSequentialDesign.of(new double[] {0.25, 0.6, 1}, Sidedness.TWO_SIDED, 0.05,
                SpendingFunction.pocock());
        Simulated simulated = simulate(design, 0, false, 20250615L);
        assertWithinBand("two-sided type I error", simulated.rejections(), 0.05);
        checkEveryLook(design, 0, simulated);
    }

    @Test
    void nonBindingFutilityKeepsAlphaWhenOverruledAndLowersItWhenObeyed() {
        GroupSequentialDesign design = GroupSequentialDesign.of(new double[] {1.0 / 3, 2.0 / 3, 1}, Sidedness.ONE_SIDED,
                0.025, SpendingFunction.hwangShihDeCani(-4),
                FutilityRule.betaSpending(0.2, SpendingFunction.hwangShihDeCani(-4)));
        assertWithinBand("type I error, futility overruled", simulate(design, 0, false, 20250616L).rejections(),
                0.025);
        Simulated obeyed = simulate(design, 0, true, 20250617L);
        double computed = design.operatingCharacteristics(0).rejectionProbability();
        assertThat(computed).isLessThan(0.025);
        assertWithinBand("type I error, futility obeyed", obeyed.rejections(), computed);
        checkEveryLook(design, 0, obeyed);
    }

    @Test
    void stageProbabilitiesUnderTheBetaSpendingDrift() {
        GroupSequentialDesign design = GroupSequentialDesign.of(new double[] {0.3, 0.6, 1}, Sidedness.ONE_SIDED, 0.025,
                SpendingFunction.obrienFleming(), FutilityRule.betaSpending(0.2, SpendingFunction.obrienFleming()));
        double theta = design.betaSpendingDrift().orElseThrow();
        Simulated simulated = simulate(design, theta, true, 20250618L);
        assertWithinBand("power at the beta-spending drift", simulated.rejections(), 0.8);
        checkEveryLook(design, theta, simulated);
    }

    private static void checkEveryLook(GroupSequentialDesign design, double theta, Simulated simulated) {
        List<Stage> stages = design.stages(theta);
        for (Stage stage : stages) {
            int k = stage.look() - 1;
            assertWithinBand("efficacy at look " + stage.look(), simulated.efficacy()[k], stage.pStopEfficacy());
            assertWithinBand("futility at look " + stage.look(), simulated.futility()[k], stage.pStopFutility());
        }
    }

    /**
     * Simulates {@link #TRIALS} trials of {@code design} under drift {@code theta}, stopping
     * for futility only when {@code obeyFutility}.
     */
    private static Simulated simulate(GroupSequentialDesign design, double theta, boolean obeyFutility, long seed) {
        double[] t = design.informationFractions();
        double[] efficacy = design.efficacyBounds();
        double[] futility = design.futilityBounds();
        boolean twoSided = design.sides() == Sidedness.TWO_SIDED;
        int looks = t.length;
        int[] efficacyCounts = new int[looks];
        int[] futilityCounts = new int[looks];
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < TRIALS; trial++) {
            double score = 0;
            double previous = 0;
            for (int k = 0; k < looks; k++) {
                double width = t[k] - previous;
                score += theta * width + Math.sqrt(width) * random.nextGaussian();
                previous = t[k];
                double z = score / Math.sqrt(t[k]);
                if (z >= efficacy[k] || (twoSided && z <= -efficacy[k])) {
                    efficacyCounts[k]++;
                    break;
                }
                if (obeyFutility && z < futility[k]) { // NaN (no bound) compares false
                    futilityCounts[k]++;
                    break;
                }
            }
        }
        return new Simulated(efficacyCounts, futilityCounts);
    }

    private static void assertWithinBand(String what, int count, double p) {
        if (p == 0) {
            assertThat(count).as(what).isZero();
            return;
        }
        BinomialDistribution binomial = new BinomialDistribution(null, TRIALS, p);
        int low = binomial.inverseCumulativeProbability(BAND / 2);
        int high = binomial.inverseCumulativeProbability(1 - BAND / 2);
        assertThat(count).as(what + ": " + count + " of " + TRIALS + " against p = " + p).isBetween(low, high);
    }
}
