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
 * <p>The interim looks are given either as information fractions or as patients per arm; the
 * final analysis, at {@code n_per_arm}, is always there and is not listed. Look {@code k} of a
 * trial with {@code n} patients per arm analyses the first {@code m_k} patients of every arm in
 * allocation order, the earliest enrolled, with what was observed of them
 * ({@link #perArmAtLooks}): {@code m_k = ceil(t_k n)} for fractions, the listed size otherwise.
 */
public record Interims(
        @Spec(doc = "Information fractions of the interim looks, before the final analysis (which is not listed): "
                + "strictly increasing, each in (0, 1); look k analyses the first ceil(t_k n_per_arm) patients of every arm "
                + "in allocation order (e.g. [0.5]: one interim look at half the patients). Empty, with "
                + "n_per_arm_at_looks empty too: one analysis, the fixed design",
                maxItems = 20, source = "design choice")
        List<Double> informationFractions,
        @Spec(doc = "Instead of information_fractions: patients per arm at each interim look (before allocation ratios), "
                + "strictly increasing, each below n_per_arm (and below every --n-per-arm of a power run)",
                maxItems = 20, source = "design choice")
        List<Integer> nPerArmAtLooks,
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
        nPerArmAtLooks = ReadOnly.list(nPerArmAtLooks);
    }

    /** No interim analyses: the fixed design. */
    public static Interims defaults() {
        return new Interims(List.of(), List.of(), TestSides.TWO_SIDED, SpendingFamily.OBRIEN_FLEMING, Double.NaN, FutilityStop.NONE, 0.2,
                SpendingFamily.OBRIEN_FLEMING, Double.NaN, 0.1, Double.NaN);
    }

    /** Whether the trial has interim looks (fractions or sizes given). */
    public boolean sequential() {
        return !informationFractions.isEmpty() || !nPerArmAtLooks.isEmpty();
    }

    /** Number of analyses, the final one included (1 for the fixed design). */
    public int looks() {
        return 1 + Math.max(informationFractions.size(), nPerArmAtLooks.size());
    }

    /**
     * Patients per arm (before allocation ratios) analysed at each look of a trial with
     * {@code nPerArm} per arm, the final one included: {@code ceil(t_k nPerArm)} for fractions, a
     * product within {@code 1e-9} of a whole number counting as that number (so that
     * {@code 0.3 x 10} is 3, not 4), or the listed sizes; then {@code nPerArm}. The fixed design
     * has the one look {@code nPerArm}.
     */
    public int[] perArmAtLooks(int nPerArm) {
        int looks = looks();
        int[] m = new int[looks];
        for (int k = 0; k < looks - 1; k++) {
            m[k] = nPerArmAtLooks.isEmpty() ? (int) Math.ceil(informationFractions.get(k) * nPerArm - 1e-9) : nPerArmAtLooks.get(k);
        }
        m[looks - 1] = nPerArm;
        return m;
    }

    /** Look {@code k}'s entry as written (a fraction or a size), for messages. */
    String lookText(int k) {
        return nPerArmAtLooks.isEmpty() ? "fraction " + SectionTypes.numberText(informationFractions.get(k))
                : nPerArmAtLooks.get(k) + " per arm";
    }

    /**
     * Why the looks cannot be taken in a trial of {@code nPerArm} per arm whose smallest arm has
     * allocation ratio {@code smallestAllocation}, or null when they can: an interim look at or
     * past the final analysis, two looks that analyse the same patients, or a first look with
     * fewer than {@link Design#MIN_ARM_PATIENTS} in an arm. Assumes the entries themselves are
     * valid (increasing, fractions in (0, 1)).
     */
    public String unanalysableAt(int nPerArm, int smallestAllocation) {
        int[] m = perArmAtLooks(nPerArm);
        if ((long) m[0] * smallestAllocation < Design.MIN_ARM_PATIENTS) {
            return "at " + nPerArm + " per arm the first look (" + lookText(0) + ") would analyse "
                    + (long) m[0] * smallestAllocation + " patient" + ((long) m[0] * smallestAllocation == 1 ? "" : "s")
                    + " in the smallest arm; every arm needs at least " + Design.MIN_ARM_PATIENTS;
        }
        for (int k = 1; k < m.length; k++) {
            if (m[k] <= m[k - 1]) {
                return k == m.length - 1
                        ? "at " + nPerArm + " per arm the last interim look (" + lookText(k - 1) + ") would analyse " + m[k - 1]
                                + " patients per arm, not fewer than the final analysis: use fewer looks or more patients"
                        : "at " + nPerArm + " per arm the looks at fractions " // sizes increase strictly: only fractions collide
                                + SectionTypes.numberText(informationFractions.get(k - 1)) + " and "
                                + SectionTypes.numberText(informationFractions.get(k))
                                + " would both analyse " + m[k] + " patients per arm: use fewer looks or more patients";
            }
        }
        return null;
    }
}
