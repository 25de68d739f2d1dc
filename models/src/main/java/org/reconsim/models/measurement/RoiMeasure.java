package org.reconsim.models.measurement;

/**
 * Observation model of a trauma-minus-relax ROI beta (docs/MODEL.md section 5):
 * <pre>
 *   beta = mean + loading * latent + subject + site + noise,
 *   noise ~ N(0, sd_within^2),  sd_within = sd_between * sqrt((1 - icc) / icc),
 *   sd_between = sqrt(subjectSd^2 + loading^2 * latentSd^2)
 * </pre>
 * so that two scans of an unchanged latent state correlate with the target test-retest ICC:
 * the between-subject spread of the true beta counts both the subject intercepts and the
 * population spread of the latent ({@code latentSd}, from the virtual population).
 *
 * @param mean       intercept (analysis-package parameter-estimate units)
 * @param loading    beta per unit of the latent
 * @param subjectSd  SD of the subject intercepts
 * @param icc        target test-retest ICC, 0 < icc < 1
 * @param latentSd   between-subject SD of the latent at baseline (0: intercepts only)
 */
public record RoiMeasure(double mean, double loading, double subjectSd, double icc, double latentSd) {

    public RoiMeasure(double mean, double loading, double subjectSd, double icc) {
        this(mean, loading, subjectSd, icc, 0);
    }

    /** The same measure with the population spread of its latent. */
    public RoiMeasure withLatentSd(double sd) {
        return new RoiMeasure(mean, loading, subjectSd, icc, sd);
    }

    /** Within-subject (scan-to-scan) noise SD. */
    public double withinSd() {
        return withinSd(Math.hypot(subjectSd, loading * latentSd), icc);
    }

    /** {@code sd_within = sd_between * sqrt((1 - icc) / icc)}. */
    public static double withinSd(double betweenSd, double icc) {
        return betweenSd * Math.sqrt((1 - icc) / icc);
    }

    /** One observed beta, from standard-normal noise deviate {@code z}. */
    public double observe(double latent, double subjectEffect, double siteEffect, double z) {
        return mean + loading * latent + subjectEffect + siteEffect + withinSd() * z;
    }
}
