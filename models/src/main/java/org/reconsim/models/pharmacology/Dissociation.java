package org.reconsim.models.pharmacology;

/**
 * Ketamine's dissociative effect (a CADSS-like score on 0..1), linear in plasma concentration
 * between {@code lowNgPerMl} (none) and {@code highNgPerMl} (full): dissociation rises linearly
 * over 50-200 ng/mL (Bowdle 1998) and appears at 100-250 ng/mL (Krystal 1994).
 *
 * @param lowNgPerMl  concentration where dissociation starts
 * @param highNgPerMl concentration of full dissociation
 */
public record Dissociation(double lowNgPerMl, double highNgPerMl) {

    public static Dissociation defaults() {
        return new Dissociation(50, 200); // Bowdle 1998
    }

    public double score(double ngPerMl) {
        return Math.max(0, Math.min(1, (ngPerMl - lowNgPerMl) / (highNgPerMl - lowNgPerMl)));
    }
}
