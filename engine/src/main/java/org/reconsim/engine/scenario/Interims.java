package org.reconsim.engine.scenario;

import java.util.List;

import org.reconsim.models.spec.Spec;

/**
 * Group-sequential interim analyses of the primary analysis (scenario section
 * {@code design.interims}): when the trial looks at its data, how the efficacy bounds spend
 * alpha (Lan &amp; DeMets 1983) and whether it stops early for futility (non-binding). Without
 * information fractions the trial has one analysis, the fixed design. The bounds and their
 * crossing probabilities are computed by {@code results.sequential} (docs/SEQUENTIAL.md).
 *
 * <p>Look {@code k} of a trial with {@code n} patients per arm analyses the first
 * {@code ceil(t_k n)} patients of every arm in allocation order, the earliest enrolled, with
 * what was observed of them ({@link #perArmAtLooks}).
 */
public record Interims(
        @Spec(doc = "Information fractions of the analyses, the final one included: strictly increasing, each in (0, 1], "
                + "the last 1; look k analyses the first ceil(t_k n_per_arm) patients of every arm in allocation order "
                + "(e.g. [0.5, 1]: one interim look at half the patients). Empty: one analysis, the fixed design",
                maxItems = 20, source = "design choice")
        List<Double> informationFractions,
        @Spec(doc = "two-sided: symmetric efficacy bounds spending alpha / 2 on each side, a rejection in either direction "
                + "stops the trial (as the fixed design's two-sided test); one-sided: bounds at level alpha / 2 in the "
                + "hypothesized direction (analysis.hypothesized_direction) only, needed for futility stops")
        TestSides sides,
        @Spec(doc = "Alpha-spending function of the efficacy bounds: obrien-fleming or pocock (the Lan-DeMets types), "
                + "hsd (Hwang-Shih-DeCani, with hsd_gamma)",
                source = "O'Brien-Fleming type: the usual choice of confirmatory trials (Jennison & Turnbull 2000)")
        SpendingFamily efficacySpending,
        @Spec(doc = "Gamma of the Hwang-Shih-DeCani efficacy spending (efficacy_spending: hsd; -4 is close to "
                + "O'Brien-Fleming, 1 to Pocock, 0 spends linearly)", min = -40, max = 40)
        double hsdGamma,
        @Spec(doc = "Futility stops at the interim looks, non-binding (the efficacy bounds ignore them, so the type I "
                + "error holds when one is overruled): none; beta-spending (bounds that spend futility_beta along "
                + "futility_spending); conditional-power (stop when the conditional power of the final test falls below "
                + "futility_threshold); predictive-probability (stop when the predictive probability of final success "
                + "under a flat prior falls below futility_threshold). Needs sides: one-sided")
        FutilityStop futility,
        @Spec(doc = "Type II error the beta-spending futility bounds spend (their power is 1 - futility_beta at the drift "
                + "they solve for)", min = 0, max = 0.5, minExclusive = true, source = "convention: 80% power")
        double futilityBeta,
        @Spec(doc = "Beta-spending function of the futility bounds: obrien-fleming, pocock or hsd (with futility_hsd_gamma)",
                source = "[assumption] the efficacy bounds' default family")
        SpendingFamily futilitySpending,
        @Spec(doc = "Gamma of the Hwang-Shih-DeCani futility spending (futility_spending: hsd)", min = -40, max = 40)
        double futilityHsdGamma,
        @Spec(doc = "Conditional power or predictive probability below which an interim look stops for futility",
                min = 0, max = 1, minExclusive = true, maxExclusive = true,
                source = "[assumption] 0.1, a common stochastic-curtailment threshold (Lachin 2005)")
        double futilityThreshold,
        @Spec(doc = "Drift under which conditional power is computed: the expected final z in the hypothesized direction "
                + "(futility: conditional-power); left out: the current trend, z_k / sqrt(t_k)", min = -40, max = 40)
        double futilityDrift) {

    public Interims {
        informationFractions = ReadOnly.list(informationFractions);
    }

    /** No interim analyses: the fixed design. */
    public static Interims defaults() {
        return new Interims(List.of(), TestSides.TWO_SIDED, SpendingFamily.OBRIEN_FLEMING, Double.NaN, FutilityStop.NONE, 0.2,
                SpendingFamily.OBRIEN_FLEMING, Double.NaN, 0.1, Double.NaN);
    }

    /** Whether the trial looks at its data more than once, or at least through the sequential machinery (fractions given). */
    public boolean sequential() {
        return !informationFractions.isEmpty();
    }

    /** Number of analyses, the final one included (1 for the fixed design). */
    public int looks() {
        return Math.max(1, informationFractions.size());
    }

    /**
     * Patients per arm (before allocation ratios) analysed at each look of a trial with
     * {@code nPerArm} per arm: {@code ceil(t_k nPerArm)}, a product within {@code 1e-9} of a
     * whole number counting as that number (so that {@code 0.3 x 10} is 3, not 4), and
     * {@code nPerArm} at the last look. The fixed design has the one look {@code nPerArm}.
     */
    public int[] perArmAtLooks(int nPerArm) {
        int looks = looks();
        int[] m = new int[looks];
        for (int k = 0; k < looks - 1; k++) {
            m[k] = (int) Math.ceil(informationFractions.get(k) * nPerArm - 1e-9);
        }
        m[looks - 1] = nPerArm;
        return m;
    }

    /**
     * Why the looks cannot be taken in a trial of {@code nPerArm} per arm whose smallest arm has
     * allocation ratio {@code smallestAllocation}, or null when they can: two looks that analyse
     * the same patients, or a first look with fewer than {@link Design#MIN_ARM_PATIENTS} in an arm.
     * Assumes the fractions themselves are valid (increasing, last 1).
     */
    public String unanalysableAt(int nPerArm, int smallestAllocation) {
        int[] m = perArmAtLooks(nPerArm);
        if ((long) m[0] * smallestAllocation < Design.MIN_ARM_PATIENTS) {
            return "at " + nPerArm + " per arm the first look (fraction " + SectionTypes.numberText(informationFractions.get(0))
                    + ") would analyse "
                    + (long) m[0] * smallestAllocation + " patient in the smallest arm; every arm needs at least "
                    + Design.MIN_ARM_PATIENTS;
        }
        for (int k = 1; k < m.length; k++) {
            if (m[k] <= m[k - 1]) {
                return "at " + nPerArm + " per arm the looks at fractions " + SectionTypes.numberText(informationFractions.get(k - 1))
                        + " and " + SectionTypes.numberText(informationFractions.get(k)) + " would both analyse " + m[k]
                        + " patients per arm: use fewer looks or more patients";
            }
        }
        return null;
    }
}
