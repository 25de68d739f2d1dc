package org.reconsim.models.measurement;

/**
 * Observation model of a trauma-minus-relax ROI beta (MODEL.md section 5):
 * <pre>
 *   beta = mean + loading * latent + subject + site + noise,
 *   noise ~ N(0, sd_within^2),  sd_within = subjectSd * sqrt((1 - icc) / icc)
 * </pre>
 * so that two scans of an unchanged latent state correlate with the target test-retest
 * ICC (the latent's own between-subject spread adds to it).
 *
 * @param mean       intercept (analysis-package parameter-estimate units)
 * @param loading    beta per unit of the latent
 * @param subjectSd  SD of the subject intercepts
 * @param icc        target test-retest ICC, 0 < icc < 1
 */
public record RoiMeasure(double mean, double loading, double subjectSd, double icc) {

    /** Within-subject (scan-to-scan) noise SD. */
    public double withinSd() {
        return withinSd(subjectSd, icc);
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
