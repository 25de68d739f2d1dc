package org.reconsim.results.stats;

/**
 * Analysis of covariance of a post-treatment outcome adjusted for its baseline value: the
 * ordinary least squares fit of
 * <pre>  outcome = b0 + b1 * baseline + b2 * treated + e,   e ~ N(0, sigma^2)</pre>
 * reporting {@code b2}, the baseline-adjusted treatment effect (treatment minus control),
 * as R's {@code lm(outcome ~ baseline + treated)} does.
 */
public final class Ancova {

    /**
     * Smallest {@code 1 - r^2} between baseline and treatment indicator (the determinant of
     * the centred design relative to the product of its diagonal) for which the design
     * counts as non-singular.
     */
    private static final double SINGULARITY_TOLERANCE = 1e-10;

    /** Residual sum of squares below this share of the outcome's sum of squares is a perfect fit. */
    private static final double PERFECT_FIT_TOLERANCE = 1e-14;

    private Ancova() {
    }

    /**
     * Baseline-adjusted treatment effect, from the closed-form solution of the two-regressor
     * least-squares problem on centred sums. With {@code x} = baseline, {@code g} = 1 for
     * treated and 0 for control, {@code y} = outcome, means over the {@code m} complete cases
     * and {@code Suv = sum (u - mean u)(v - mean v)}:
     * <pre>
     *   D      = Sxx * Sgg - Sxg^2
     *   b2     = (Sxx * Sgy - Sxg * Sxy) / D
     *   b1     = (Sgg * Sxy - Sxg * Sgy) / D
     *   RSS    = sum (y - b1 * x - b2 * g)^2   (centred, summed directly: exact fits give RSS ~ 0)
     *   se(b2) = sqrt(RSS / (m - 3) * Sxx / D)
     *   t      = b2 / se(b2),  df = m - 3
     * </pre>
     * Subjects whose outcome or baseline is {@code NaN} are left out.
     *
     * @param outcome  outcome per subject ({@code NaN} = missing)
     * @param baseline baseline value of the outcome per subject ({@code NaN} = missing)
     * @param treated  allocation per subject, {@code true} for the active arm
     * @param n        number of subjects: the first {@code n} entries of each array are used
     * @return the test of {@code b2}; {@link TestResult#undefined(UndefinedReason)} when either arm has fewer
     *         than 2 complete cases, the design is singular ({@code D <= 1e-10 * Sxx * Sgg},
     *         e.g. a constant baseline or one that determines the arm) or the fit is perfect
     *         (no residual variance)
     * @throws IllegalArgumentException if {@code n} is negative or exceeds an array's length
     */
    public static TestResult treatmentEffect(double[] outcome, double[] baseline, boolean[] treated, int n) {
        if (n < 0 || n > outcome.length || n > baseline.length || n > treated.length) {
            throw new IllegalArgumentException("n = " + n + " outside [0, " + Math.min(outcome.length,
                    Math.min(baseline.length, treated.length)) + "]");
        }
        int used = 0;
        int usedTreated = 0;
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < n; i++) {
            if (isComplete(outcome[i], baseline[i])) {
                used++;
                if (treated[i]) {
                    usedTreated++;
                }
                sumX += baseline[i];
                sumY += outcome[i];
            }
        }
        if (usedTreated < 2 || used - usedTreated < 2) {
            return TestResult.undefined(UndefinedReason.TOO_FEW_OBSERVATIONS);
        }
        double meanX = sumX / used;
        double meanY = sumY / used;
        double meanG = (double) usedTreated / used;

        // Second pass on centred values: accurate even when baselines are far from zero.
        double sxx = 0;
        double sxg = 0;
        double sxy = 0;
        double sgy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            if (isComplete(outcome[i], baseline[i])) {
                double x = baseline[i] - meanX;
                double g = (treated[i] ? 1.0 : 0.0) - meanG;
                double y = outcome[i] - meanY;
                sxx += x * x;
                sxg += x * g;
                sxy += x * y;
                sgy += g * y;
                syy += y * y;
            }
        }
        // Sum of squared centred indicators, exactly: m * p * (1 - p).
        double sgg = usedTreated * (1.0 - meanG);
        if (!(Double.isFinite(sxx) && Double.isFinite(sxy) && Double.isFinite(sgy) && Double.isFinite(syy))) {
            return TestResult.undefined(UndefinedReason.OVERFLOW); // values so large (|y| near 1e150) that the sums overflow
        }
        double determinant = sxx * sgg - sxg * sxg;
        if (!(determinant > SINGULARITY_TOLERANCE * sxx * sgg)) {
            return TestResult.undefined(UndefinedReason.SINGULAR_DESIGN);
        }
        double effect = (sxx * sgy - sxg * sxy) / determinant;
        double slope = (sgg * sxy - sxg * sgy) / determinant;
        // the residuals summed directly, not Syy - b1 Sxy - b2 Sgy: that difference cancels to a rounding
        // remainder of ~1e-13 Syy on an exact fit (three distinct points, e.g. an arm whose two patients share
        // a skin conductance response floored at 0), which passed as a fit with a standard error of 1e-6
        double residualSumOfSquares = 0;
        for (int i = 0; i < n; i++) {
            if (isComplete(outcome[i], baseline[i])) {
                double residual = (outcome[i] - meanY) - slope * (baseline[i] - meanX) - effect * ((treated[i] ? 1.0 : 0.0) - meanG);
                residualSumOfSquares += residual * residual;
            }
        }
        if (!(residualSumOfSquares > PERFECT_FIT_TOLERANCE * syy)) {
            return TestResult.undefined(UndefinedReason.NO_RESIDUAL_VARIANCE);
        }
        int df = used - 3;
        double stdError = Math.sqrt(residualSumOfSquares / df) * Math.sqrt(sxx / determinant);
        if (!(Double.isFinite(effect) && Double.isFinite(stdError))) {
            return TestResult.undefined(UndefinedReason.OVERFLOW); // values so large (|y| near 1e150) that the sums overflow
        }
        double t = effect / stdError;
        return new TestResult(effect, stdError, df, t, StudentT.twoSidedPValue(t, df));
    }

    private static boolean isComplete(double outcome, double baseline) {
        return !Double.isNaN(outcome) && !Double.isNaN(baseline);
    }
}
