package org.reconsim.results.stats;

import org.apache.commons.numbers.gamma.RegularizedBeta;

/** Tail probabilities of Student's t distribution shared by the t tests. */
final class StudentT {

    private StudentT() {
    }

    /**
     * Two-sided p-value {@code P(|T| >= |t|)} for {@code T ~ t(df)}:
     * <pre>  p = I_x(df/2, 1/2),  x = df / (df + t^2)</pre>
     * where {@code I} is the regularized incomplete beta function. This is the same
     * quantity {@code TDistribution} computes, without building a distribution object
     * on each call, and it keeps full relative precision for small p.
     */
    static double twoSidedPValue(double t, double df) {
        if (Double.isNaN(t) || Double.isNaN(df)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        double x = df / (df + t * t);
        return Math.min(1.0, RegularizedBeta.value(x, 0.5 * df, 0.5));
    }
}
