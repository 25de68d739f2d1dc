package org.reconsim.results.stats;

/**
 * Variance components of a random-intercept model, as lme4's {@code VarCorr} (variances,
 * not standard deviations).
 *
 * @param subjectVariance  between-subject variance of the random intercept, {@code sigma_u^2}
 * @param residualVariance within-subject (residual) variance, {@code sigma_e^2}
 */
public record VarianceComponents(double subjectVariance, double residualVariance) {

    /** Variance ratio {@code rho = sigma_u^2 / sigma_e^2}, the profiled parameter (lme4's theta squared). */
    public double ratio() {
        return subjectVariance / residualVariance;
    }

    /** Intraclass correlation, {@code sigma_u^2 / (sigma_u^2 + sigma_e^2)}: correlation of two visits of a subject. */
    public double intraclassCorrelation() {
        return subjectVariance / (subjectVariance + residualVariance);
    }
}
