package org.reconsim.models.measurement;

/**
 * Observation model of a trauma-minus-relax ROI beta (docs/MODEL.md section 5):
 * <pre>
 *   beta = mean + loading * latent + subject + site + noise,
 *   noise ~ N(0, sd_within^2),  sd_within = sd_between * sqrt((1 - icc) / icc),
 *   sd_between = sqrt(loading^2 * latentSd^2 + subjectSd^2 + siteSd^2)
 * </pre>
 * so that two scans of an unchanged latent state correlate with the target test-retest ICC:
 * the between-subject spread of the true beta counts the population spread of the latent
 * ({@code latentSd}, from the virtual population), the subject intercepts and the site intercepts.
 *
 * @param mean       intercept (analysis-package parameter-estimate units)
 * @param loading    beta per unit of the latent
 * @param subjectSd  SD of the subject intercepts
 * @param icc        target test-retest ICC, 0 < icc < 1
 * @param latentSd   between-subject SD of the latent at baseline (0: intercepts only)
 * @param siteSd     SD of the site intercepts (0: one site or none)
 */
public record RoiMeasure(double mean, double loading, double subjectSd, double icc, double latentSd, double siteSd) {

    public RoiMeasure(double mean, double loading, double subjectSd, double icc) {
        this(mean, loading, subjectSd, icc, 0, 0);
    }

    /** The same measure with the population spread of its latent and the site intercepts' SD. */
    public RoiMeasure calibrated(double newLatentSd, double newSiteSd) {
        return new RoiMeasure(mean, loading, subjectSd, icc, newLatentSd, newSiteSd);
    }

    /** SD of the true beta across patients: latent spread, subject and site intercepts. */
    public double betweenSd() {
        return Math.hypot(Math.hypot(subjectSd, loading * latentSd), siteSd);
    }

    /** Within-subject (scan-to-scan) noise SD. */
    public double withinSd() {
        return withinSd(betweenSd(), icc);
    }

    /** {@code sd_within = sd_between * sqrt((1 - icc) / icc)}. */
    public static double withinSd(double betweenSd, double icc) {
        return betweenSd * Math.sqrt((1 - icc) / icc);
    }

    /** One observed beta, from standard-normal noise deviate {@code z}. */
    public double observe(double latent, double subjectEffect, double siteEffect, double z) {
        return observe(latent, subjectEffect, siteEffect, z, withinSd());
    }

    /**
     * {@link #observe(double, double, double, double)} with {@link #withinSd()} passed in: a
     * patient's scans compute it once rather than at every visit (two {@code hypot}s each).
     */
    public double observe(double latent, double subjectEffect, double siteEffect, double z, double withinSd) {
        return mean + loading * latent + subjectEffect + siteEffect + withinSd * z;
    }
}
