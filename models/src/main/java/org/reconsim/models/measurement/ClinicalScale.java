package org.reconsim.models.measurement;

import org.reconsim.models.spec.Spec;

/**
 * A 0-80 clinical scale (PCL-5 self-report, CAPS-5 clinician rating) reading PTSD severity
 * (docs/MODEL.md section 5, {@link PtsdSeverity}): its own intercept, its weight on the
 * trauma-memory component ({@code slope}, points per unit of fear expression at home), a
 * scale-specific subject intercept and visit noise:
 * <pre>  score = clamp(intercept + slope * R_home + trait - pe - nonspecific + subject + sd_within * z, 0, 80)  </pre>
 * The engine sizes {@code sd_within} from the scale's test-retest reliability and all of the
 * true score's variance at the pre visit ({@link #measure}).
 *
 * @param intercept  score with no fear at home and average trait severity
 * @param slope      points per unit of fear expression at home: the memory component's weight
 * @param subjectSd  SD of the scale-specific subject intercepts (what this scale reads and the other does not)
 * @param icc        test-retest reliability (source: the enclosing section, one per scale)
 */
public record ClinicalScale(
        @Spec(doc = "Score with no fear at home and average trait severity", unit = "points", min = 0, max = 80,
                source = "[assumption] baseline about 50 at fear expression 0.7 (PTSD trial samples); CAPS-5 2 lower") double intercept,
        @Spec(doc = "Points per unit of fear expression at home: the weight of the trauma-memory component", unit = "points",
                min = 0, max = 200, source = "[assumption] the trace carries about half of baseline severity above the "
                + "intercept (intrusions and avoidance are 7 of the 20 DSM-5 items; the rest is partly trace-driven)") double slope,
        @Spec(doc = "SD of the scale-specific subject intercepts", unit = "points", min = 0,
                source = "[assumption] sized with symptoms.trait_sd (see there)") double subjectSd,
        @Spec(doc = "Test-retest reliability: two readings of one true state correlate at icc; noise SD = "
                + "sqrt(true-score variance at the pre visit * (1-icc)/icc)", min = 0, max = 1, minExclusive = true,
                maxExclusive = true) double icc) {

    /** PCL-5 defaults. */
    public static ClinicalScale defaults() {
        return pcl5();
    }

    /** PCL-5: intercept, slope and subject SD [assumption]; test-retest r 0.82 (Blevins 2015). */
    public static ClinicalScale pcl5() {
        return new ClinicalScale(29, 30, 5, 0.82);
    }

    /** CAPS-5: intercept, slope and subject SD [assumption]; total severity test-retest ICC 0.78 (Weathers 2018). */
    public static ClinicalScale caps5() {
        return new ClinicalScale(27, 30, 5, 0.78);
    }

    /**
     * Variance of the true score across patients at the pre visit: the memory component
     * ({@code slope^2 * fearAtHomeVariance}), the shared trait and this scale's subject
     * intercept; PE and nonspecific improvement are 0 then.
     */
    public double trueVariance(double fearAtHomeVariance, double traitSd) {
        return slope * slope * fearAtHomeVariance + traitSd * traitSd + subjectSd * subjectSd;
    }

    /**
     * The scale with its noise sized so that two readings of one true state at the pre visit
     * correlate at {@code icc}: {@code sd_within = sqrt(trueVariance * (1 - icc) / icc)}.
     */
    public ClinicalMeasure measure(double fearAtHomeVariance, double traitSd) {
        return new ClinicalMeasure(this, Math.sqrt(trueVariance(fearAtHomeVariance, traitSd) * (1 - icc) / icc));
    }
}
