package org.reconsim.models.measurement;

/**
 * A clinical scale with its visit noise sized (docs/MODEL.md section 5): what a trial plan
 * holds and a patient's scores are read through.
 *
 * @param scale    the scale's scenario section
 * @param withinSd SD of the visit-to-visit noise, from the scale's icc and the true-score variance
 */
public record ClinicalMeasure(ClinicalScale scale, double withinSd) {

    /** Highest score of a 20-item 0-4 scale. */
    public static final double MAX_SCORE = 80;

    /**
     * One score: {@code clamp(intercept + slope * fearAtHome + severity + subject + withinSd * z, 0, 80)},
     * where {@code severity} is everything the trace does not carry (trait minus PE and
     * nonspecific improvement minus expectancy, in points).
     */
    public double observe(double fearAtHome, double severity, double subject, double z) {
        double v = scale.intercept() + scale.slope() * fearAtHome + severity + subject + withinSd * z;
        return Math.max(0, Math.min(MAX_SCORE, v));
    }

    /** SD of the observed score across patients at the pre visit (clamping aside). */
    public double baselineSd(double fearAtHomeVariance, double traitSd) {
        return Math.sqrt(scale.trueVariance(fearAtHomeVariance, traitSd) + withinSd * withinSd);
    }
}
