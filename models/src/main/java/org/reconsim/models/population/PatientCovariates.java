package org.reconsim.models.population;

/**
 * One virtual patient's covariates and initial memory state.
 *
 * @param female            sex
 * @param ageYears          age
 * @param weightKg          body weight
 * @param memoryAgeYears    years since the trauma
 * @param traceStrength     E0
 * @param extinction        X0
 * @param learningRate      individual multiplier of learning rates (mean 1)
 */
public record PatientCovariates(
        boolean female,
        double ageYears,
        double weightKg,
        double memoryAgeYears,
        double traceStrength,
        double extinction,
        double learningRate) {
}
