package org.reconsim.engine.scenario;

import java.util.List;

import org.reconsim.engine.scenario.ScenarioChecks.Finding;

/**
 * The checks of {@code design.interims} that need more than one field: fractions that increase to
 * 1, a spending parameter where its family needs one (and nowhere else), futility only on a
 * one-sided design, and looks that analyse different patients at the scenario's size.
 */
final class InterimChecks {

    private static final String PATH = "design.interims";

    private InterimChecks() {
    }

    static void check(List<Finding> out, Scenario s) {
        Interims in = s.design().interims();
        if (in == null) {
            return;
        }
        boolean fractionsValid = fractions(out, in.informationFractions()) && sizes(out, in.nPerArmAtLooks());
        if (!in.informationFractions().isEmpty() && !in.nPerArmAtLooks().isEmpty()) {
            out.add(new Finding(PATH + ".n_per_arm_at_looks", "give the interim looks either as information_fractions or as "
                    + "n_per_arm_at_looks, not both"));
            fractionsValid = false;
        }
        spending(out, in);
        if (in.futility() != FutilityStop.NONE && !in.sequential()) {
            out.add(new Finding(PATH + ".futility", "futility stops happen at interim looks: set information_fractions "
                    + "(e.g. [0.5]) or n_per_arm_at_looks"));
        } else if (in.futility() != FutilityStop.NONE && in.sides() == TestSides.TWO_SIDED) {
            out.add(new Finding(PATH + ".futility", "futility stops need sides: one-sided (the futility bounds are one-sided: "
                    + "the design then tests the hypothesized direction at alpha / 2)"));
        }
        if (in.sequential() && !(s.analysis().alpha() < 0.5)) {
            out.add(new Finding("analysis.alpha", "a group-sequential design needs a two-sided alpha below 0.5, got "
                    + s.analysis().alpha()));
        }
        if (fractionsValid && in.sequential()) {
            String why = in.unanalysableAt(s.design().nPerArm(), s.design().smallestArm().allocation());
            if (why != null) {
                out.add(new Finding(PATH + (in.nPerArmAtLooks().isEmpty() ? ".information_fractions" : ".n_per_arm_at_looks"),
                        why));
            }
        }
    }

    /** Each fraction in (0, 1), increasing (the final analysis, 1, is not listed); whether they are. */
    private static boolean fractions(List<Finding> out, List<Double> t) {
        boolean valid = true;
        for (int k = 0; k < t.size(); k++) {
            String path = PATH + ".information_fractions[" + k + "]";
            double x = t.get(k);
            if (x == 1 && k == t.size() - 1) {
                out.add(new Finding(path, "list the interim looks only: the final analysis (fraction 1) is always there"));
                valid = false;
            } else if (!(x > 0 && x < 1)) {
                out.add(new Finding(path, "out of range: allowed 0 < x < 1, got " + SectionTypes.numberText(x)));
                valid = false;
            } else if (k > 0 && !(x > t.get(k - 1))) {
                out.add(new Finding(path, "information fractions must increase: " + SectionTypes.numberText(x) + " at look "
                        + (k + 1) + " is not above " + SectionTypes.numberText(t.get(k - 1))));
                valid = false;
            }
        }
        return valid;
    }

    /** Each size at least 1 and increasing; whether they are (sizes past n_per_arm: {@link Interims#unanalysableAt}). */
    private static boolean sizes(List<Finding> out, List<Integer> m) {
        boolean valid = true;
        for (int k = 0; k < m.size(); k++) {
            String path = PATH + ".n_per_arm_at_looks[" + k + "]";
            if (m.get(k) < 1) {
                out.add(new Finding(path, "out of range: allowed x >= 1, got " + m.get(k)));
                valid = false;
            } else if (k > 0 && m.get(k) <= m.get(k - 1)) {
                out.add(new Finding(path, "interim sizes must increase: " + m.get(k) + " at look " + (k + 1) + " is not above "
                        + m.get(k - 1)));
                valid = false;
            }
        }
        return valid;
    }

    /** A Hwang-Shih-DeCani gamma exactly where an hsd family spends, a conditional-power drift only there. */
    private static void spending(List<Finding> out, Interims in) {
        gamma(out, in.efficacySpending() == SpendingFamily.HSD, in.hsdGamma(), "hsd_gamma", "efficacy_spending: hsd");
        boolean betaSpending = in.futility() == FutilityStop.BETA_SPENDING;
        gamma(out, betaSpending && in.futilitySpending() == SpendingFamily.HSD, in.futilityHsdGamma(), "futility_hsd_gamma",
                "futility: beta-spending with futility_spending: hsd");
        if (!Double.isNaN(in.futilityDrift()) && in.futility() != FutilityStop.CONDITIONAL_POWER) {
            out.add(new Finding(PATH + ".futility_drift", "applies to futility: conditional-power only (futility is "
                    + in.futility().label() + ")"));
        }
    }

    private static void gamma(List<Finding> out, boolean needed, double gamma, String field, String needs) {
        if (needed && Double.isNaN(gamma)) {
            out.add(new Finding(PATH + "." + field, needs + " needs " + field + " (e.g. -4, close to O'Brien-Fleming, "
                    + "or 1, close to Pocock)"));
        } else if (!needed && !Double.isNaN(gamma)) {
            out.add(new Finding(PATH + "." + field, "applies to " + needs + " only"));
        }
    }
}
