package org.reconsim.models.pharmacology;

import org.reconsim.models.spec.Spec;

/**
 * Midazolam's sedation through GABA-A receptors, an Emax model on 0..1:
 * {@code S = C^h / (C^h + EC50^h)}.
 *
 * @param ec50NgPerMl concentration of half-maximal sedation
 * @param hill        steepness
 */
public record Sedation(
        @Spec(doc = "Concentration of half-maximal sedation", unit = "ng/mL", min = 0, minExclusive = true,
                source = "[assumption] sedation at the ~62 ng/mL active-placebo peak")
        double ec50NgPerMl,
        @Spec(doc = "Hill coefficient", min = 0, minExclusive = true, max = 10, source = "[assumption]") double hill) implements NonspecificEffect {

    public static Sedation defaults() {
        // [assumption] EC50 about 60 ng/mL: sedation at the ~62 ng/mL peak of the active-placebo dose
        // (Albrecht 1999 model; docs/MODEL.md 3); hill 2 [assumption]
        return new Sedation(60, 2);
    }

    public double effect(double ngPerMl) {
        if (!(ngPerMl > 0)) {
            return 0;
        }
        double c = Math.pow(ngPerMl, hill);
        return c / (c + Math.pow(ec50NgPerMl, hill));
    }

    @Override
    public double sedation(double ngPerMl) {
        return effect(ngPerMl);
    }
}
