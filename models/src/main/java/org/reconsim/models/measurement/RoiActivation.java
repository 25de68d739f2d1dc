package org.reconsim.models.measurement;

import org.reconsim.models.spec.Spec;

/**
 * How one region's trauma-minus-relax beta reads its latent (docs/MODEL.md section 5): the
 * scenario's section for the region. The engine turns it into a {@link RoiMeasure} once the
 * population spread of the latent is known.
 * <pre>  beta = mean + loading * latent + subject + site + noise  </pre>
 *
 * @param mean       intercept
 * @param loading    beta per unit of the latent
 * @param subjectSd  SD of the subject intercepts
 * @param icc        target test-retest ICC that sizes the noise
 */
public record RoiActivation(
        @Spec(doc = "Intercept", unit = "beta", source = "[assumption]") double mean,
        @Spec(doc = "Beta per unit of the latent", unit = "beta", source = "[assumption]") double loading,
        @Spec(doc = "SD of subject intercepts", unit = "beta", min = 0, source = "[assumption]") double subjectSd,
        @Spec(doc = "Target test-retest ICC; noise SD = subject_sd*sqrt((1-icc)/icc)", min = 0, max = 1, minExclusive = true,
                maxExclusive = true, source = "Elliott 2020: task fMRI mean ICC 0.397") double icc) {

    /** The measure before its latent's population spread is calibrated. */
    public RoiMeasure measure() {
        return new RoiMeasure(mean, loading, subjectSd, icc);
    }
}
