package org.reconsim.models.population;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws virtual patients. The draws are taken in a fixed order from the patient's own stream,
 * one uniform per covariate, so a patient's covariates do not depend on anyone else's.
 */
public record PatientGenerator(PopulationParameters parameters) {

    public PatientCovariates draw(UniformRandomProvider rng) {
        PopulationParameters p = parameters;
        boolean female = rng.nextDouble() < p.femaleFraction();
        double age = p.ageYears().quantile(open(rng));
        double weight = p.weightKg().quantile(open(rng));
        double memoryAge = p.memoryAgeYears().quantile(open(rng));
        double e0 = p.traceStrength().quantile(open(rng));
        double x0 = Math.min(p.extinction().quantile(open(rng)), e0);
        double learning = LogNormal.multiplier(p.learningRateCv(), standardNormal(rng));
        return new PatientCovariates(female, age, weight, memoryAge, e0, x0, learning);
    }

    /** A uniform in the open interval (0, 1). */
    public static double open(UniformRandomProvider rng) {
        return (rng.nextLong() >>> 11) * 0x1.0p-53 + 0x1.0p-54;
    }

    /** A standard normal deviate by inversion of one uniform. */
    public static double standardNormal(UniformRandomProvider rng) {
        return StandardNormal.quantile(open(rng));
    }
}
