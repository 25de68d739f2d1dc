package org.reconsim.models.population;

/**
 * Distributions of the virtual PTSD patients' covariates and memory state (docs/MODEL.md section 1).
 *
 * @param weightKg           body weight
 * @param ageYears           age
 * @param femaleFraction     share of women
 * @param memoryAgeYears     years since the trauma
 * @param traceStrength      initial trauma trace E0 (0..1, maps to severity)
 * @param extinction         initial extinction X0 (near 0)
 * @param learningRateCv     CV of the individual log-normal multiplier of learning rates
 */
public record PopulationParameters(
        TruncatedNormal weightKg,
        TruncatedNormal ageYears,
        double femaleFraction,
        TruncatedNormal memoryAgeYears,
        TruncatedNormal traceStrength,
        TruncatedNormal extinction,
        double learningRateCv) {
}
