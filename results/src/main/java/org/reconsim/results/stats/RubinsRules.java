package org.reconsim.results.stats;

/**
 * Rubin's rules: the pooled estimate and test of one scalar from {@code M} analyses of
 * multiply imputed datasets (Rubin 1987, Multiple Imputation for Nonresponse in Surveys,
 * section 3.1), with the small-sample degrees of freedom of Barnard &amp; Rubin (1999,
 * Biometrika 86:948-955). With {@code Q_m} and {@code U_m} the estimate and its squared
 * standard error from completed dataset {@code m}:
 * <pre>
 *   Qbar   = mean Q_m                          pooled estimate
 *   Ubar   = mean U_m                          within-imputation variance
 *   B      = sum (Q_m - Qbar)^2 / (M - 1)      between-imputation variance
 *   T      = Ubar + (1 + 1/M) B                total variance; std_error = sqrt(T)
 *   lambda = (1 + 1/M) B / T                   share of the variance due to the missing values
 *   nu_old = (M - 1) / lambda^2                Rubin's (1987) df
 *   nu_obs = (nu_com + 1) / (nu_com + 3) nu_com (1 - lambda)
 *   nu     = nu_old nu_obs / (nu_old + nu_obs) Barnard-Rubin df, never above nu_com
 *   t      = Qbar / sqrt(T),  p = P(|t_nu| >= |t|)
 * </pre>
 * as R's {@code mice::pool.scalar} and rbmi's {@code pool} compute them. Where the imputations
 * all agree ({@code B = 0}: nothing was missing) the result is the complete-data test,
 * {@code nu = nu_com}; mice instead floors lambda at 1e-4 and returns
 * {@code nu_obs}, slightly below {@code nu_com} (at {@code nu_com = 21} by 8%), which would make
 * a complete trial's test conservative for no reason.
 */
public final class RubinsRules {

    private RubinsRules() {
    }

    /**
     * The pooled test of the first {@code m} estimates and squared standard errors.
     *
     * @param estimates  Q_m
     * @param variances  U_m, each positive
     * @param m          number of imputations, at least 2
     * @param dfComplete nu_com, the complete-data analysis's residual df
     * @return the pooled test; {@link TestResult#undefined(UndefinedReason)} when a number is not finite
     *         ({@code OVERFLOW})
     * @throws IllegalArgumentException for {@code m < 2}, arrays shorter than {@code m}, or {@code dfComplete <= 0}
     */
    public static TestResult pool(double[] estimates, double[] variances, int m, double dfComplete) {
        if (m < 2 || m > estimates.length || m > variances.length) {
            throw new IllegalArgumentException("m = " + m + " imputations: need 2 or more, and as many estimates and variances");
        }
        if (!(dfComplete > 0)) {
            throw new IllegalArgumentException("complete-data df " + dfComplete + " must be positive");
        }
        double qbar = 0;
        double ubar = 0;
        for (int k = 0; k < m; k++) {
            qbar += estimates[k];
            ubar += variances[k];
        }
        qbar /= m;
        ubar /= m;
        double b = 0;
        for (int k = 0; k < m; k++) {
            double d = estimates[k] - qbar;
            b += d * d;
        }
        b /= m - 1;
        double total = ubar + (1 + 1.0 / m) * b;
        if (!(Double.isFinite(qbar) && Double.isFinite(total) && total > 0)) {
            return TestResult.undefined(UndefinedReason.OVERFLOW);
        }
        double df = b > 0 ? barnardRubin(m, b, total, dfComplete) : dfComplete;
        double se = Math.sqrt(total);
        double t = qbar / se;
        return new TestResult(qbar, se, df, t, StudentT.twoSidedPValue(t, df));
    }

    /** Barnard &amp; Rubin's (1999) df for between-imputation variance {@code b} of total {@code total}. */
    static double barnardRubin(int m, double b, double total, double dfComplete) {
        double lambda = (1 + 1.0 / m) * b / total;
        double old = (m - 1) / (lambda * lambda);
        double observed = (dfComplete + 1) / (dfComplete + 3) * dfComplete * (1 - lambda);
        return old * observed / (old + observed);
    }
}
