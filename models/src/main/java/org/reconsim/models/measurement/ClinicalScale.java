package org.reconsim.models.measurement;

import org.reconsim.models.spec.Spec;

/**
 * A 0-80 clinical scale (PCL-5 self-report, CAPS-5 clinician rating) read from fear expression
 * at home (docs/MODEL.md section 5):
 * <pre>  score = clamp(intercept + slope * fear + subject + sd_within * z, 0, 80),
 *   sd_within = subject_sd * sqrt((1 - icc) / icc)  </pre>
 *
 * @param intercept  score with no fear at home
 * @param slope      points per unit of fear expression
 * @param subjectSd  SD of the subject intercepts
 * @param icc        test-retest reliability
 */
public record ClinicalScale(
        @Spec(doc = "Score with no fear at home", unit = "points", min = 0, max = 80, source = "[assumption]") double intercept,
        @Spec(doc = "Points per unit of fear expression at home", unit = "points", min = 0, max = 200,
                source = "[assumption] baseline about 50 for expression 0.7 (PTSD trial samples)") double slope,
        @Spec(doc = "SD of subject intercepts", unit = "points", min = 0, source = "[assumption]") double subjectSd,
        @Spec(doc = "Test-retest reliability; noise SD = subject_sd*sqrt((1-icc)/icc)", min = 0, max = 1, minExclusive = true,
                maxExclusive = true, source = "PCL-5: Blevins 2015, test-retest r 0.82; CAPS-5: Weathers 2018, 0.78") double icc) {

    /** PCL-5 defaults (Blevins 2015: test-retest r 0.82). */
    public static ClinicalScale defaults() {
        return pcl5();
    }

    /** PCL-5: intercept, slope and subject SD [assumption]; test-retest r 0.82 (Blevins 2015). */
    public static ClinicalScale pcl5() {
        return new ClinicalScale(8, 60, 8, 0.82);
    }

    /** CAPS-5: intercept, slope and subject SD [assumption]; test-retest 0.78 (Weathers 2018). */
    public static ClinicalScale caps5() {
        return new ClinicalScale(6, 60, 8, 0.78);
    }
}
