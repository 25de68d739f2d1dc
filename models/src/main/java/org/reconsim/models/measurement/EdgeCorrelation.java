package org.reconsim.models.measurement;

import org.reconsim.models.spec.Spec;

/**
 * Correlations between the three connectivity edges of one random component of their
 * trauma-minus-relax Fisher z (subject effects, or session noise) (docs/MODEL.md section 5). Every
 * two of the edges amygdala-hippocampus, amygdala-vmPFC and hippocampus-vmPFC share one region, and
 * each correlation is named by it. Drawn as {@code L z} with {@code L} the Cholesky factor of the
 * matrix in {@link Roi.Pair} order, checked for positive definiteness when the scenario is loaded.
 *
 * @param sharedAmygdala    correlation of amygdala-hippocampus and amygdala-vmPFC
 * @param sharedHippocampus correlation of amygdala-hippocampus and hippocampus-vmPFC
 * @param sharedVmpfc       correlation of amygdala-vmPFC and hippocampus-vmPFC
 */
public record EdgeCorrelation(
        @Spec(doc = "Correlation of the amygdala-hippocampus and amygdala-vmPFC components", min = -1, max = 1,
                minExclusive = true, maxExclusive = true, source = "[assumption] edges sharing a region co-vary")
        double sharedAmygdala,
        @Spec(doc = "Correlation of the amygdala-hippocampus and hippocampus-vmPFC components", min = -1, max = 1,
                minExclusive = true, maxExclusive = true, source = "[assumption] edges sharing a region co-vary")
        double sharedHippocampus,
        @Spec(doc = "Correlation of the amygdala-vmPFC and hippocampus-vmPFC components", min = -1, max = 1,
                minExclusive = true, maxExclusive = true, source = "[assumption] edges sharing a region co-vary")
        double sharedVmpfc) {

    /** No correlation. */
    public static final EdgeCorrelation NONE = new EdgeCorrelation(0, 0, 0);

    /** Lower Cholesky factor in {@link Roi.Pair} order, or null when the matrix is not positive definite. */
    public double[][] factor() {
        return Cholesky3.lower(Cholesky3.correlation(sharedAmygdala, sharedHippocampus, sharedVmpfc));
    }
}
