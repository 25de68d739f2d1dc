package org.reconsim.models.pharmacology;

import org.reconsim.models.spec.Spec;

/**
 * Ketamine's dissociative effect (a CADSS-like score on 0..1), linear in plasma concentration
 * between {@code lowNgPerMl} (none) and {@code highNgPerMl} (full): dissociation rises linearly
 * over 50-200 ng/mL (Bowdle 1998) and appears at 100-250 ng/mL (Krystal 1994).
 *
 * @param lowNgPerMl  concentration where dissociation starts
 * @param highNgPerMl concentration of full dissociation
 */
public record Dissociation(
        @Spec(doc = "Concentration where dissociation starts", unit = "ng/mL", min = 0,
                source = "Bowdle 1998: linear over 50-200 ng/mL")
        double lowNgPerMl,
        @Spec(doc = "Concentration of full dissociation", unit = "ng/mL", min = 0, minExclusive = true, source = "Bowdle 1998")
        double highNgPerMl) implements NonspecificEffect {

    public static Dissociation defaults() {
        return new Dissociation(50, 200); // Bowdle 1998
    }

    public double score(double ngPerMl) {
        return Math.max(0, Math.min(1, (ngPerMl - lowNgPerMl) / (highNgPerMl - lowNgPerMl)));
    }

    @Override
    public double dissociation(double ngPerMl) {
        return score(ngPerMl);
    }
}
