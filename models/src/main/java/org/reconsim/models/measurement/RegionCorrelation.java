package org.reconsim.models.measurement;

import org.reconsim.models.spec.Spec;

/**
 * Correlations between amygdala, hippocampus and vmPFC of one random component of their
 * trauma-minus-relax betas (subject effects, or scan noise) (docs/MODEL.md section 5). Within a
 * subject the three regions' responses to the same script co-vary strongly (docs/TRIALS.md F);
 * the effects are drawn as {@code L z}, {@code L} the Cholesky factor of this matrix, which the
 * scenario checks for positive definiteness when it is loaded.
 *
 * @param amygdalaHippocampus correlation of amygdala and hippocampus
 * @param amygdalaVmpfc       correlation of amygdala and vmPFC
 * @param hippocampusVmpfc    correlation of hippocampus and vmPFC
 */
public record RegionCorrelation(
        @Spec(doc = "Correlation of the amygdala and hippocampus components", min = -1, max = 1, minExclusive = true,
                maxExclusive = true, source = "[assumption] responses to one script co-vary strongly (docs/TRIALS.md F)")
        double amygdalaHippocampus,
        @Spec(doc = "Correlation of the amygdala and vmPFC components", min = -1, max = 1, minExclusive = true,
                maxExclusive = true, source = "[assumption] responses to one script co-vary strongly (docs/TRIALS.md F)")
        double amygdalaVmpfc,
        @Spec(doc = "Correlation of the hippocampus and vmPFC components", min = -1, max = 1, minExclusive = true,
                maxExclusive = true, source = "[assumption] responses to one script co-vary strongly (docs/TRIALS.md F)")
        double hippocampusVmpfc) {

    /** No correlation. */
    public static final RegionCorrelation NONE = new RegionCorrelation(0, 0, 0);

    /** Lower Cholesky factor in {@link Roi} order, or null when the matrix is not positive definite. */
    public double[][] factor() {
        return Cholesky3.lower(Cholesky3.correlation(amygdalaHippocampus, amygdalaVmpfc, hippocampusVmpfc));
    }
}
