package org.reconsim.results.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupSequentialDesignTest {

    private static final double[] FOUR_LOOKS = {0.2, 0.45, 0.7, 1};

    @Test
    void oneLookIsTheFixedDesign() {
        // z_{0.975} and z_{0.95} to double precision
        double z975 = 1.959963984540054;
        double z95 = 1.6448536269514722;
        double[] one = {1};
        for (SpendingFunction f : List.of(SpendingFunction.obrienFleming(), SpendingFunction.pocock(),
                SpendingFunction.hwangShihDeCani(-4))) {
            assertThat(GroupSequentialDesign.of(one, Sidedness.ONE_SIDED, 0.025, f).efficacyBounds()[0])
                    .isCloseTo(z975, within(1e-12));
            assertThat(GroupSequentialDesign.of(one, Sidedness.TWO_SIDED, 0.05, f).efficacyBounds()[0])
                    .isCloseTo(z975, within(1e-12));
            assertThat(GroupSequentialDesign.of(one, Sidedness.ONE_SIDED, 0.05, f).efficacyBounds()[0])
                    .isCloseTo(z95, within(1e-12));
        }
        GroupSequentialDesign fixed = GroupSequentialDesign.of(one, Sidedness.ONE_SIDED, 0.025,
                SpendingFunction.obrienFleming());
        // the fixed design needs theta = z_{1-alpha} + z_{power}: no inflation
        assertThat(fixed.driftForPower(0.9)).isCloseTo(z975 + 1.2815515655446004, within(1e-9));
        assertThat(fixed.inflationFactor(0.9)).isCloseTo(1, within(1e-9));
        assertThat(fixed.stages(0).get(0).pRejectUpper()).isCloseTo(0.025, within(1e-15));
    }

    @Test
    void rejectionProbabilitiesUnderTheNullAddUpToAlpha() {
        double[][] schedules = {{0.5, 1}, {0.1, 0.3, 1}, FOUR_LOOKS, {0.2, 0.4, 0.6, 0.8, 1},
            {0.05, 0.1, 0.5, 0.9, 0.95, 1}};
        List<SpendingFunction> families = List.of(SpendingFunction.obrienFleming(), SpendingFunction.pocock(),
                SpendingFunction.hwangShihDeCani(-8), SpendingFunction.hwangShihDeCani(0),
                SpendingFunction.hwangShihDeCani(2));
        for (double[] t : schedules) {
            for (SpendingFunction f : families) {
                for (Sidedness sides : Sidedness.values()) {
                    double alpha = sides == Sidedness.ONE_SIDED ? 0.025 : 0.05;
                    GroupSequentialDesign design = GroupSequentialDesign.of(t, sides, alpha, f);
                    OperatingCharacteristics oc = design.operatingCharacteristics(0);
                    assertThat(oc.rejectionProbability()).as(design.toString()).isCloseTo(alpha, within(1e-10));
                    double[] spent = design.cumulativeAlphaSpent();
                    double cumulative = 0;
                    for (Stage stage : oc.stages()) {
                        cumulative += stage.pStopEfficacy();
                        assertThat(cumulative).isCloseTo(spent[stage.look() - 1], within(1e-10));
                        assertThat(stage.alphaSpent()).isCloseTo(spent[stage.look() - 1], within(1e-10));
                    }
                }
            }
        }
    }

    /**
     * The classical constant bounds of Pocock (1977) and O'Brien &amp; Fleming (1979), as
     * tabulated to 3 decimals by Jennison &amp; Turnbull (2000, tables 2.1 and 2.3) for
     * two-sided alpha 0.05 at K equally spaced looks, must have that type I error up to their
     * rounding: 5e-4 in a bound moves it by about 6.3e-5.
     */
    @Test
    void classicalBoundsHaveTheirTabulatedTypeOneError() {
        double[] pocock = {2.178, 2.289, 2.361, 2.413};
        double[] obrienFleming = {1.977, 2.004, 2.024, 2.040};
        for (int looks = 2; looks <= 5; looks++) {
            double[] t = new double[looks];
            double[] constant = new double[looks];
            double[] decreasing = new double[looks];
            for (int k = 0; k < looks; k++) {
                t[k] = (k + 1.0) / looks;
                constant[k] = pocock[looks - 2];
                decreasing[k] = obrienFleming[looks - 2] * Math.sqrt((double) looks / (k + 1));
            }
            assertThat(BoundaryCrossing.probabilities(t, Sidedness.TWO_SIDED, constant, null, 0).rejectionProbability())
                    .as("Pocock K = " + looks).isCloseTo(0.05, within(1e-4));
            assertThat(BoundaryCrossing.probabilities(t, Sidedness.TWO_SIDED, decreasing, null, 0)
                    .rejectionProbability()).as("O'Brien-Fleming K = " + looks).isCloseTo(0.05, within(1e-4));
        }
    }

    @Test
    void twoSidedProbabilitiesMirrorUnderTheOppositeDrift() {
        GroupSequentialDesign design = GroupSequentialDesign.of(FOUR_LOOKS, Sidedness.TWO_SIDED, 0.05,
                SpendingFunction.pocock());
        List<Stage> up = design.stages(1.7);
        List<Stage> down = design.stages(-1.7);
        for (int k = 0; k < 4; k++) {
            assertThat(up.get(k).pRejectUpper()).isCloseTo(down.get(k).pRejectLower(), within(1e-12));
            assertThat(up.get(k).pRejectLower()).isCloseTo(down.get(k).pRejectUpper(), within(1e-12));
        }
    }

    @Test
    void betaSpendingFutilityIsNonBindingAndSpendsBeta() {
        SpendingFunction efficacy = SpendingFunction.hwangShihDeCani(-4);
        SpendingFunction futility = SpendingFunction.hwangShihDeCani(-2);
        GroupSequentialDesign plain = GroupSequentialDesign.of(FOUR_LOOKS, Sidedness.ONE_SIDED, 0.025, efficacy);
        GroupSequentialDesign design = GroupSequentialDesign.of(FOUR_LOOKS, Sidedness.ONE_SIDED, 0.025, efficacy,
                FutilityRule.betaSpending(0.1, futility));
        // non-binding: the efficacy bounds ignore the futility bounds
        assertThat(design.efficacyBounds()).containsExactly(plain.efficacyBounds());
        double theta = design.betaSpendingDrift().orElseThrow();
        OperatingCharacteristics atTheta = design.operatingCharacteristics(theta);
        assertThat(atTheta.upperRejectionProbability()).isCloseTo(0.9, within(1e-9));
        for (int k = 0; k < 3; k++) {
            double increment = futility.cumulative(0.1, FOUR_LOOKS[k]) - (k == 0 ? 0
                    : futility.cumulative(0.1, FOUR_LOOKS[k - 1]));
            assertThat(atTheta.stages().get(k).pStopFutility()).isCloseTo(increment, within(1e-10));
        }
        assertThat(design.driftForPower(0.9)).isCloseTo(theta, within(1e-8));
        // obeying the futility bounds only lowers the type I error
        OperatingCharacteristics underNull = design.operatingCharacteristics(0);
        assertThat(underNull.rejectionProbability()).isLessThan(0.025).isGreaterThan(0.02);
        assertThat(underNull.stages().get(3).alphaSpent()).isCloseTo(0.025, within(1e-10));
        // futility stopping shortens the trial: more so without an effect
        assertThat(underNull.expectedInformationFraction())
                .isLessThan(plain.operatingCharacteristics(0).expectedInformationFraction());
        assertThat(design.futilityBounds()[3]).isNaN();
    }

    @Test
    void conditionalPowerBoundsLeaveTheThresholdAtTheBound() {
        double theta = 2.8;
        double threshold = 0.2;
        GroupSequentialDesign fixedDrift = GroupSequentialDesign.of(FOUR_LOOKS, Sidedness.ONE_SIDED, 0.025,
                SpendingFunction.obrienFleming(), FutilityRule.conditionalPower(threshold, theta));
        GroupSequentialDesign trend = GroupSequentialDesign.of(FOUR_LOOKS, Sidedness.ONE_SIDED, 0.025,
                SpendingFunction.obrienFleming(), FutilityRule.conditionalPowerUnderTrend(threshold));
        double c = fixedDrift.efficacyBounds()[3];
        for (int k = 0; k < 3; k++) {
            double t = FOUR_LOOKS[k];
            // Cov(Z_k, Z_K) = sqrt(t_k): Z_K | Z_k = z ~ N(theta + sqrt(t_k) (z - theta sqrt(t_k)), 1 - t_k)
            double z = fixedDrift.futilityBounds()[k];
            double mean = theta + Math.sqrt(t) * (z - theta * Math.sqrt(t));
            assertThat(StandardNormal.upperTail((c - mean) / Math.sqrt(1 - t))).isCloseTo(threshold, within(1e-12));
            double zTrend = trend.futilityBounds()[k];
            double thetaHat = zTrend / Math.sqrt(t);
            double meanTrend = thetaHat + Math.sqrt(t) * (zTrend - thetaHat * Math.sqrt(t));
            assertThat(StandardNormal.upperTail((c - meanTrend) / Math.sqrt(1 - t)))
                    .isCloseTo(threshold, within(1e-12));
        }
        assertThat(fixedDrift.efficacyBounds()).containsExactly(trend.efficacyBounds());
    }

    /**
     * The predictive probability at each bound, computed the long way: the conditional power
     * {@code P(Z_K >= c | Z_k = z, theta)} averaged over the flat-prior posterior
     * {@code theta ~ N(z / sqrt(t_k), 1 / t_k)} by Simpson's rule over 16 posterior SDs.
     */
    @Test
    void predictiveProbabilityBoundsLeaveTheThresholdAtTheBound() {
        double threshold = 0.1;
        GroupSequentialDesign design = GroupSequentialDesign.of(FOUR_LOOKS, Sidedness.ONE_SIDED, 0.025,
                SpendingFunction.obrienFleming(), FutilityRule.predictiveProbability(threshold));
        double c = design.efficacyBounds()[3];
        for (int k = 0; k < 3; k++) {
            double t = FOUR_LOOKS[k];
            double z = design.futilityBounds()[k];
            double centre = z / Math.sqrt(t);
            double sd = 1 / Math.sqrt(t);
            int steps = 4000;
            double h = 16 * sd / steps;
            double sum = 0;
            for (int i = 0; i <= steps; i++) {
                double theta = centre - 8 * sd + i * h;
                double mean = theta + Math.sqrt(t) * (z - theta * Math.sqrt(t));
                double cp = StandardNormal.upperTail((c - mean) / Math.sqrt(1 - t));
                double weight = i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2;
                sum += weight * cp * StandardNormal.density((theta - centre) / sd) / sd;
            }
            assertThat(sum * h / 3).as("look %d", k + 1).isCloseTo(threshold, within(1e-9));
        }
        // the prior adds the drift's uncertainty: below the trend's conditional power bound, which takes it as known
        GroupSequentialDesign trend = GroupSequentialDesign.of(FOUR_LOOKS, Sidedness.ONE_SIDED, 0.025,
                SpendingFunction.obrienFleming(), FutilityRule.conditionalPowerUnderTrend(threshold));
        for (int k = 0; k < 3; k++) {
            assertThat(design.futilityBounds()[k]).isLessThan(trend.futilityBounds()[k]);
        }
        assertThatThrownBy(() -> FutilityRule.predictiveProbability(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fixedFutilityBoundsAreKeptAndMayBeSkipped() {
        GroupSequentialDesign design = GroupSequentialDesign.of(FOUR_LOOKS, Sidedness.ONE_SIDED, 0.025,
                SpendingFunction.obrienFleming(), FutilityRule.fixedBounds(Double.NEGATIVE_INFINITY, 0, 0.5));
        assertThat(design.futilityBounds()).containsExactly(Double.NaN, 0, 0.5, Double.NaN);
        List<Stage> stages = design.stages(0);
        assertThat(stages.get(0).pStopFutility()).isZero();
        assertThat(stages.get(0).futilityZ()).isNaN();
        // P(Z_2 < 0) = 1/2 under the null, less P(Z_1 >= 4.33, Z_2 < 0) ~ 1e-12; the quadrature
        // errs by ~1e-8
        assertThat(stages.get(1).pStopFutility()).isCloseTo(0.5, within(1e-7));
    }

    @Test
    void aFutilityBoundAtTheEfficacyBoundStopsEveryTrial() {
        double[] t = {0.5, 1};
        OperatingCharacteristics oc = BoundaryCrossing.probabilities(t, Sidedness.ONE_SIDED, new double[] {2.5, 2},
                new double[] {2.5, Double.NaN}, 1);
        Stage first = oc.stages().get(0);
        assertThat(first.pStop()).isCloseTo(1, within(1e-15));
        assertThat(first.pRejectUpper()).isCloseTo(StandardNormal.upperTail(2.5 - Math.sqrt(0.5)), within(1e-15));
        assertThat(oc.stages().get(1).pReach()).isZero();
        assertThat(oc.expectedInformationFraction()).isCloseTo(0.5, within(1e-15));
        assertThatThrownBy(() -> BoundaryCrossing.probabilities(t, Sidedness.ONE_SIDED, new double[] {2.5, 2},
                new double[] {2.6, Double.NaN}, 1))
                .hasMessage("futility bound 2.6 at look 1 is above the efficacy bound 2.5");
    }

    @Test
    void rejectsInvalidDesigns() {
        SpendingFunction of = SpendingFunction.obrienFleming();
        assertThatThrownBy(() -> GroupSequentialDesign.of(new double[] {0.5, 0.4, 1}, Sidedness.ONE_SIDED, 0.025, of))
                .hasMessage("information fraction 0.4 at look 2 is not in (0.5, 1]: fractions must increase");
        assertThatThrownBy(() -> GroupSequentialDesign.of(new double[] {0.5, 0.9}, Sidedness.ONE_SIDED, 0.025, of))
                .hasMessage("the last information fraction must be 1, not 0.9");
        assertThatThrownBy(() -> GroupSequentialDesign.of(new double[0], Sidedness.ONE_SIDED, 0.025, of))
                .hasMessage("a design needs at least one information fraction");
        assertThatThrownBy(() -> GroupSequentialDesign.of(FOUR_LOOKS, Sidedness.ONE_SIDED, 0.5, of))
                .hasMessage("alpha 0.5 outside (0, 0.5)");
        assertThatThrownBy(() -> GroupSequentialDesign.of(FOUR_LOOKS, Sidedness.TWO_SIDED, 0.05, of,
                FutilityRule.fixedBounds(0, 0, 0)))
                .hasMessage("futility bounds are supported for one-sided designs only");
        assertThatThrownBy(() -> GroupSequentialDesign.of(FOUR_LOOKS, Sidedness.ONE_SIDED, 0.025, of,
                FutilityRule.fixedBounds(0, 0)))
                .hasMessage("need 3 fixed futility bounds, one per interim look, got 2");
        assertThatThrownBy(() -> GroupSequentialDesign.of(FOUR_LOOKS, Sidedness.ONE_SIDED, 0.025, of,
                FutilityRule.fixedBounds(0, 3.5, 0)))
                .hasMessageStartingWith("futility bound 3.5 at look 2 is not below the efficacy bound 3.14");
        assertThatThrownBy(() -> FutilityRule.fixedBounds(0, Double.NaN))
                .hasMessage("futility bound at look 2 is NaN; use -Infinity for no futility stop");
        assertThatThrownBy(() -> FutilityRule.betaSpending(0.6, of)).hasMessage("beta 0.6 outside (0, 0.5]");
        assertThatThrownBy(() -> FutilityRule.conditionalPower(1, 2.8))
                .hasMessage("conditional power threshold 1.0 outside (0, 1)");
        GroupSequentialDesign design = GroupSequentialDesign.of(FOUR_LOOKS, Sidedness.ONE_SIDED, 0.025, of);
        assertThatThrownBy(() -> design.driftForPower(0.01)).hasMessageStartingWith("power 0.01 outside (0.02");
        assertThatThrownBy(() -> BoundaryCrossing.probabilities(FOUR_LOOKS, Sidedness.ONE_SIDED, new double[3],
                null, 0)).hasMessage("need 4 efficacy bounds, got 3");
        assertThatThrownBy(() -> design.operatingCharacteristics(Double.NaN)).hasMessage("drift NaN is not finite");
    }

    @Test
    void arraysHandedOutAreCopies() {
        double[] t = {0.5, 1};
        GroupSequentialDesign design = GroupSequentialDesign.of(t, Sidedness.ONE_SIDED, 0.025,
                SpendingFunction.pocock());
        double first = design.efficacyBounds()[0];
        t[0] = 0.9;
        design.efficacyBounds()[0] = 0;
        design.informationFractions()[0] = 0.1;
        assertThat(design.informationFractions()).containsExactly(0.5, 1);
        assertThat(design.efficacyBounds()[0]).isEqualTo(first);
    }
}
