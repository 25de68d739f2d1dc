package org.reconsim.results.stats;

/**
 * The closed-form posterior of a normal linear model {@code y = X beta + e},
 * {@code e ~ N(0, sigma^2 I)}, under a conjugate {@link NormalInverseGammaPrior}
 * (Gelman et al. 2013, BDA3 sections 14.2 and 14.8; O'Hagan &amp; Forster 2004, Kendall's
 * Advanced Theory of Statistics 2B, the normal linear model). With {@code m} complete rows,
 * prior precision {@code L0 = V0^-1} (zero rows and columns for the {@code k_f} flat
 * coefficients), prior mean {@code m0}, shape {@code a0} and scale {@code b0}:
 * <pre>
 *   Vn^-1 = L0 + X'X
 *   mn    = Vn (L0 m0 + X'y)
 *   an    = a0 + (m - k_f) / 2
 *   bn    = b0 + (RSS(mn) + (mn - m0)' L0 (mn - m0)) / 2,   RSS(b) = sum_i (y_i - x_i' b)^2
 *
 *   beta | sigma^2, y ~ N(mn, sigma^2 Vn),   sigma^2 | y ~ IG(an, bn)
 *   beta_j | y        ~ t_{2 an}(mn_j, (bn / an) [Vn]_jj)          (location, scale^2)
 * </pre>
 * {@code bn} is the textbook {@code b0 + (y'y + m0' L0 m0 - mn' Vn^-1 mn) / 2} rewritten as a sum
 * of squares, which has no cancellation when the data are far from zero. A flat coefficient
 * contributes no {@code sigma^-1} factor to the prior, which is why {@code an} loses
 * {@code k_f / 2}: with every coefficient flat and {@code a0 = b0 = 0} (the reference prior
 * {@code p(beta, sigma^2) ~ sigma^-2}) this is {@code sigma^2 | y ~ Inv-chi^2(m - k, s^2)} and
 * {@code beta_j | y ~ t_{m-k}(betahat_j, s^2 [(X'X)^-1]_jj)}, {@code s^2 = RSS / (m - k)} (BDA3
 * 14.2): the least-squares estimate, its standard error and its t distribution, so the central
 * {@code 1 - alpha} credible interval is the classical t confidence interval (R's
 * {@code confint(lm(...))}). A proper prior is equivalent to {@code k_p} extra rows
 * {@code (R, R m0)}, {@code R'R = L0}, in an ordinary fit (BDA3 14.8), which is how the R
 * fixture checks it.
 */
public final class NormalInverseGammaRegression {

    /**
     * Smallest Cholesky pivot of {@code Vn^-1} relative to its diagonal entry ({@code 1 - R^2} of
     * a regressor on the earlier ones, for flat coefficients), as {@link Ancova}'s tolerance.
     */
    private static final double SINGULARITY_TOLERANCE = 1e-10;

    /** {@code 2 bn} below this share of {@code sum y^2} is a perfect fit with no information on {@code sigma^2}. */
    private static final double PERFECT_FIT_TOLERANCE = 1e-14;

    private NormalInverseGammaRegression() {
    }

    /**
     * The posterior given the data. Rows with a {@code NaN} outcome or regressor are left out.
     *
     * @param prior   the prior of the {@code k} coefficients and {@code sigma^2}
     * @param columns the design by column, {@code columns[j][i]} = regressor {@code j} of row
     *                {@code i} (include a column of ones for an intercept)
     * @param y       outcome per row
     * @param n       rows: the first {@code n} entries of each array are used
     * @return the posterior; {@link NormalInverseGammaPosterior#undefined} when the posterior is
     *         improper or degenerate: {@code Vn^-1} singular (a flat coefficient the data do not
     *         identify, a pivot below {@code 1e-10} of its diagonal), {@code an <= 0} (no more
     *         complete rows than flat coefficients under {@code a0 = 0}), or {@code 2 bn} not above
     *         {@code 1e-14 sum y^2} (a perfect fit under {@code b0 = 0})
     * @throws IllegalArgumentException if the number of columns is not the prior's, or {@code n}
     *         is negative or exceeds an array's length
     */
    public static NormalInverseGammaPosterior posterior(NormalInverseGammaPrior prior, double[][] columns, double[] y, int n) {
        int k = prior.coefficients();
        if (columns.length != k) {
            throw new IllegalArgumentException(columns.length + " regressors for a prior of " + k + " coefficients");
        }
        if (n < 0 || n > y.length) {
            throw new IllegalArgumentException("n = " + n + " outside [0, " + y.length + "]");
        }
        for (int j = 0; j < k; j++) {
            if (columns[j].length < n) {
                throw new IllegalArgumentException("regressor " + j + " has " + columns[j].length + " rows, fewer than n = " + n);
            }
        }
        double[][] precision = new double[k][k];
        double[] rhs = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                precision[a][b] = prior.precisionAt(a, b);
                rhs[a] += prior.precisionAt(a, b) * prior.meanAt(b);
            }
        }
        int used = 0;
        double sumSquaresY = 0;
        for (int i = 0; i < n; i++) {
            if (!isComplete(columns, y, i)) {
                continue;
            }
            used++;
            sumSquaresY += y[i] * y[i];
            for (int a = 0; a < k; a++) {
                double xa = columns[a][i];
                rhs[a] += xa * y[i];
                for (int b = 0; b <= a; b++) {
                    precision[a][b] += xa * columns[b][i];
                }
            }
        }
        double shape = prior.shape() + 0.5 * (used - prior.flatCoefficients());
        if (!(shape > 0)) {
            return NormalInverseGammaPosterior.undefined(k);
        }
        double[][] factor = Cholesky.decompose(precision, SINGULARITY_TOLERANCE);
        if (factor == null) {
            return NormalInverseGammaPosterior.undefined(k);
        }
        double[] mean = Cholesky.solve(factor, rhs);
        double residualSumOfSquares = 0;
        for (int i = 0; i < n; i++) {
            if (isComplete(columns, y, i)) {
                double r = y[i];
                for (int a = 0; a < k; a++) {
                    r -= columns[a][i] * mean[a];
                }
                residualSumOfSquares += r * r;
            }
        }
        double priorTerm = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                priorTerm += (mean[a] - prior.meanAt(a)) * prior.precisionAt(a, b) * (mean[b] - prior.meanAt(b));
            }
        }
        double twiceScale = 2 * prior.scale() + residualSumOfSquares + priorTerm;
        if (!(twiceScale > PERFECT_FIT_TOLERANCE * sumSquaresY) || !Double.isFinite(twiceScale)) {
            return NormalInverseGammaPosterior.undefined(k);
        }
        return new NormalInverseGammaPosterior(mean, Cholesky.inverse(factor), shape, 0.5 * twiceScale, used);
    }

    private static boolean isComplete(double[][] columns, double[] y, int i) {
        if (Double.isNaN(y[i])) {
            return false;
        }
        for (double[] column : columns) {
            if (Double.isNaN(column[i])) {
                return false;
            }
        }
        return true;
    }
}
