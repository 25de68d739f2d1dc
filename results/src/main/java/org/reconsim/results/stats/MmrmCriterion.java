package org.reconsim.results.stats;

import java.util.Arrays;

/**
 * The REML criterion of {@link Mmrm} with its exact gradient and Hessian in the log-Cholesky
 * parameters of the unstructured covariance, computed from per-missingness-pattern sufficient
 * statistics: one documented algorithm.
 *
 * <p>Notation. Visits {@code j = 0 .. V-1}; covariates {@code x_i = (1, treated_i,
 * baseline_i)}; fixed effects {@code beta = vec(B)}, {@code B} the {@code 3 x V} matrix of
 * per-visit coefficients, {@code beta[3 j + k] = B[k][j]}. A pattern {@code P} is a set of
 * observed visits with {@code n_P} subjects and the sums {@code Sxx_P = sum x x'},
 * {@code Sxy_P = sum x y'} and {@code Syy_P = sum y y'} over them (unobserved entries zero).
 * {@code Sigma_P} is {@code Sigma} restricted to {@code P}, {@code W_P = Sigma_P^-1}, and a
 * tilde embeds a {@code P x P} matrix in {@code V x V} with zeros. Then (Kronecker structure
 * of the design {@code X_i = E_P' (I_V (x) x_i')} of a subject)
 * <pre>
 *   M   = X' V^-1 X = sum_P W~_P (x) Sxx_P            (3V x 3V)
 *   b   = X' V^-1 y = vec(sum_P Sxy_P W~_P)
 *   -2 l_R = sum_P n_P log|Sigma_P| + sum_P tr(W_P Syy_P) - b' M^-1 b + log|M| + (N - 3V) log(2 pi)
 * </pre>
 * (lme4's and nlme's REML criterion, without nlme's {@code log|X'X|}, which both omit).
 *
 * <p>Derivatives (Jennrich and Schluchter 1986 in matrix form, grouped by pattern). With
 * {@code R_P} the residual cross-products at the GLS {@code beta}, {@code T_P[j][l] =
 * tr(C_jl Sxx_P)} for the {@code 3 x 3} blocks {@code C_jl} of {@code M^-1} (the share of the
 * fixed effects' uncertainty that makes REML differ from ML) and {@code G_P = R_P + T_P}:
 * <pre>
 *   d(-2 l_R) = tr(Gamma dSigma),   Gamma = sum_P (n_P W_P - W_P G_P W_P)~
 * </pre>
 * For parameters {@code a, b} with {@code Sigma_a = dSigma/dtheta_a}, {@code A_a = W_P
 * Sigma_a,P}, {@code W_a = -A_a W_P}, {@code d_a = X' W_a r = vec(sum_P Sxr_P W~_a)} (with
 * {@code Sxr_P = sum x r'} over the pattern's subjects) and {@code M_a = sum_P W~_a (x) Sxx_P}:
 * <pre>
 *   H_ab = tr(Sigma_ab Gamma) + sum_P [2 tr(A_a A_b W_P G_P) - n_P tr(A_a A_b)]
 *          - 2 d_a' M^-1 d_b - tr(M^-1 M_a M^-1 M_b)
 * </pre>
 * The last two terms are the second derivatives of {@code r' V^-1 r} (profiled over beta) and
 * of {@code log|M|} along {@code W}. The parameters: {@code Sigma = L L'}, {@code L} lower
 * triangular with {@code L_rr = exp(theta)} on the diagonal and {@code L_rc = theta} below
 * it, so every {@code theta} is a positive-definite {@code Sigma} (Pinheiro and Bates 1996).
 */
final class MmrmCriterion {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final int visits;
    /** 3V fixed effects. */
    private final int p;
    /** V(V+1)/2 covariance parameters. */
    private final int q;
    private final int patterns;
    private final int[] count;
    /** Observed visits of each pattern, ascending. */
    private final int[][] observed;
    /** Per pattern: Sxx [k * 3 + h], Sxy [k * V + j], Syy [j * V + l]. */
    private final double[][] sxx;
    private final double[][] sxy;
    private final double[][] syy;
    private final double constant;
    /** Row and column of each parameter in L. */
    private final int[] row;
    private final int[] column;

    // workspace and results of the last evaluation
    private final double[] l;
    private final double[] sigma;
    private final double[][] w;
    private final double[][] wg;
    private final double[][] sxr;
    private final double[] m;
    private final double[] mFactor;
    private final double[] mInverse;
    private final double[] beta;
    private final double[] gamma;
    private final double[] gradient;
    private final double[] hessian;
    private final double[][] sigmaA;
    private final double[][] mA;
    private final double[][] dA;
    private final double[] small;
    private final double[] small2;
    private final double[][] aA;
    private final double[][] products;
    private final double[][] solvedD;
    private final double[] work;

    MmrmCriterion(int visits, int[] count, int[][] observed, double[][] sxx, double[][] sxy, double[][] syy,
            int observations) {
        this.visits = visits;
        this.p = 3 * visits;
        this.q = visits * (visits + 1) / 2;
        this.patterns = count.length;
        this.count = count;
        this.observed = observed;
        this.sxx = sxx;
        this.sxy = sxy;
        this.syy = syy;
        this.constant = (observations - p) * LOG_TWO_PI;
        this.row = new int[q];
        this.column = new int[q];
        for (int r = 0, a = 0; r < visits; r++) {
            for (int c = 0; c <= r; c++, a++) {
                row[a] = r;
                column[a] = c;
            }
        }
        int vv = visits * visits;
        l = new double[vv];
        sigma = new double[vv];
        w = new double[patterns][vv];
        wg = new double[patterns][vv];
        sxr = new double[patterns][p];
        m = new double[p * p];
        mFactor = new double[p * p];
        mInverse = new double[p * p];
        beta = new double[p];
        gamma = new double[vv];
        gradient = new double[q];
        hessian = new double[q * q];
        sigmaA = new double[q][vv];
        mA = new double[q][p * p];
        dA = new double[q][p];
        small = new double[vv];
        small2 = new double[vv];
        aA = new double[q][vv];
        products = new double[q][p * p];
        solvedD = new double[q][p];
        work = new double[p];
    }

    int parameters() {
        return q;
    }

    /** The criterion at {@code theta}; {@code +infinity} where it is not defined (a singular block or design). */
    double value(double[] theta) {
        return criterion(theta);
    }

    /**
     * The criterion at {@code theta} with its {@link #gradient()} and {@link #hessian()},
     * and the GLS fixed effects and their covariance there ({@link #beta()},
     * {@link #inverseInformation()}); {@code +infinity} (derivatives unset) where undefined.
     */
    double evaluate(double[] theta) {
        double f = criterion(theta);
        if (f == Double.POSITIVE_INFINITY) {
            return f;
        }
        DenseMatrices.invert(mFactor, p, mInverse, work);
        Arrays.fill(gamma, 0);
        for (int s = 0; s < patterns; s++) {
            residualMoments(s);
        }
        // gradient: tr(Sigma_a Gamma) = 2 e_a (Gamma L)[r][c], e_a = dL_rc/dtheta_a
        for (int a = 0; a < q; a++) {
            int r = row[a];
            int c = column[a];
            double gl = 0;
            for (int k = 0; k < visits; k++) {
                gl += gamma[r * visits + k] * l[k * visits + c];
            }
            gradient[a] = 2 * derivativeOfL(a) * gl;
        }
        computeHessian();
        return f;
    }

    double[] gradient() {
        return gradient;
    }

    /** Row-major {@code q x q}. */
    double[] hessian() {
        return hessian;
    }

    /** GLS fixed effects, {@code beta[3 j + k]} (k: 0 intercept, 1 arm, 2 baseline), at the last evaluation. */
    double[] beta() {
        return beta;
    }

    /** {@code M^-1 = (X' V^-1 X)^-1}, the covariance of the fixed effects, at the last full evaluation. */
    double[] inverseInformation() {
        return mInverse;
    }

    /** {@code Sigma} at the last evaluation, row-major {@code V x V}. */
    double[] sigma() {
        return sigma;
    }

    /** The Cholesky factor {@code L} at the last evaluation. */
    double[] factor() {
        return l;
    }

    /**
     * Gradient in {@code theta} of {@code v = [M^-1]_ii}, the variance of fixed effect
     * {@code i}: {@code dv/dtheta_a = -u' M_a u}, {@code u = M^-1 e_i} (at the last full evaluation).
     */
    void varianceGradient(int i, double[] out) {
        for (int a = 0; a < q; a++) {
            double[] ma = mA[a];
            double value = 0;
            for (int x = 0; x < p; x++) {
                double ux = mInverse[x * p + i];
                double inner = 0;
                for (int y = 0; y < p; y++) {
                    inner += ma[x * p + y] * mInverse[y * p + i];
                }
                value += ux * inner;
            }
            out[a] = -value;
        }
    }

    /** The criterion, leaving Sigma, W_P, the factor of M and beta for the derivatives. */
    private double criterion(double[] theta) {
        int v = visits;
        Arrays.fill(l, 0);
        for (int a = 0; a < q; a++) {
            l[row[a] * v + column[a]] = row[a] == column[a] ? Math.exp(theta[a]) : theta[a];
        }
        for (int i = 0; i < v; i++) {
            for (int j = 0; j <= i; j++) {
                double value = 0;
                for (int k = 0; k <= j; k++) {
                    value += l[i * v + k] * l[j * v + k];
                }
                sigma[i * v + j] = value;
                sigma[j * v + i] = value;
            }
        }
        Arrays.fill(m, 0);
        Arrays.fill(beta, 0);
        double f = constant;
        for (int s = 0; s < patterns; s++) {
            int[] o = observed[s];
            int size = o.length;
            for (int x = 0; x < size; x++) {
                for (int y = 0; y < size; y++) {
                    small[x * size + y] = sigma[o[x] * v + o[y]];
                }
            }
            if (!DenseMatrices.cholesky(small, size, small)) {
                return Double.POSITIVE_INFINITY;
            }
            f += count[s] * DenseMatrices.logDeterminant(small, size);
            double[] ws = w[s];
            DenseMatrices.invert(small, size, ws, work);
            double[] xx = sxx[s];
            double[] xy = sxy[s];
            double[] yy = syy[s];
            for (int x = 0; x < size; x++) {
                int j = o[x];
                for (int y = 0; y < size; y++) {
                    int jl = o[y];
                    double wxy = ws[x * size + y];
                    f += wxy * yy[jl * v + j];
                    for (int k = 0; k < 3; k++) {
                        // b[3 j + k] = sum_l Sxy[k][l] W[l][j]
                        beta[3 * j + k] += xy[k * v + jl] * wxy;
                        for (int h = 0; h < 3; h++) {
                            m[(3 * j + k) * p + 3 * jl + h] += wxy * xx[k * 3 + h];
                        }
                    }
                }
            }
        }
        if (!DenseMatrices.cholesky(m, p, mFactor)) {
            return Double.POSITIVE_INFINITY;
        }
        double bb = 0;
        System.arraycopy(beta, 0, work, 0, p);
        DenseMatrices.solve(mFactor, p, beta);
        for (int i = 0; i < p; i++) {
            bb += work[i] * beta[i];
        }
        f += DenseMatrices.logDeterminant(mFactor, p) - bb;
        return Double.isFinite(f) ? f : Double.POSITIVE_INFINITY;
    }

    /** Sxr_P, G_P = R_P + T_P, W_P G_P, and the pattern's share of Gamma. */
    private void residualMoments(int s) {
        int v = visits;
        int[] o = observed[s];
        int size = o.length;
        double[] xx = sxx[s];
        double[] xy = sxy[s];
        double[] yy = syy[s];
        double[] xr = sxr[s];
        Arrays.fill(xr, 0);
        for (int k = 0; k < 3; k++) {
            for (int j : o) {
                double value = xy[k * v + j];
                for (int h = 0; h < 3; h++) {
                    value -= xx[k * 3 + h] * beta[3 * j + h];
                }
                xr[k * v + j] = value;
            }
        }
        // G = Syy - Sxy' B - B' Sxr + T  (R = Syy - Sxy'B - B'Sxy + B'Sxx B = Syy - Sxy'B - B'Sxr)
        for (int x = 0; x < size; x++) {
            int j = o[x];
            for (int y = 0; y < size; y++) {
                int jl = o[y];
                double value = yy[j * v + jl];
                for (int k = 0; k < 3; k++) {
                    value -= xy[k * v + j] * beta[3 * jl + k] + beta[3 * j + k] * xr[k * v + jl];
                    for (int h = 0; h < 3; h++) {
                        value += mInverse[(3 * j + k) * p + 3 * jl + h] * xx[h * 3 + k];
                    }
                }
                small[x * size + y] = value;
            }
        }
        double[] ws = w[s];
        double[] wgs = wg[s];
        DenseMatrices.multiply(ws, small, size, wgs);
        DenseMatrices.multiply(wgs, ws, size, small2);
        for (int x = 0; x < size; x++) {
            for (int y = 0; y < size; y++) {
                gamma[o[x] * v + o[y]] += count[s] * ws[x * size + y] - small2[x * size + y];
            }
        }
    }

    /** dL_rc / dtheta_a: 1 below the diagonal, L_rr on it. */
    private double derivativeOfL(int a) {
        return row[a] == column[a] ? l[row[a] * visits + row[a]] : 1;
    }

    private void computeHessian() {
        int v = visits;
        // Sigma_a = E_a L' + L E_a', E_a = e_a at (r, c)
        for (int a = 0; a < q; a++) {
            double[] sa = sigmaA[a];
            Arrays.fill(sa, 0);
            double e = derivativeOfL(a);
            int r = row[a];
            int c = column[a];
            for (int j = 0; j < v; j++) {
                sa[r * v + j] += e * l[j * v + c];
                sa[j * v + r] += e * l[j * v + c];
            }
            Arrays.fill(mA[a], 0);
            Arrays.fill(dA[a], 0);
        }
        // tr(Sigma_ab Gamma): Sigma_ab = E_a E_b' + E_b E_a' (+ E_aa L' + L E_aa' on the diagonal)
        for (int a = 0; a < q; a++) {
            for (int b = 0; b <= a; b++) {
                double value = column[a] == column[b]
                        ? 2 * derivativeOfL(a) * derivativeOfL(b) * gamma[row[a] * v + row[b]] : 0;
                if (a == b && row[a] == column[a]) {
                    int r = row[a];
                    double gl = 0;
                    for (int k = 0; k < v; k++) {
                        gl += gamma[r * v + k] * l[k * v + r];
                    }
                    value += 2 * l[r * v + r] * gl;
                }
                hessian[a * q + b] = value;
            }
        }
        for (int s = 0; s < patterns; s++) {
            patternHessian(s);
        }
        // - 2 d_a' M^-1 d_b - tr(M^-1 M_a M^-1 M_b)
        for (int a = 0; a < q; a++) {
            System.arraycopy(dA[a], 0, solvedD[a], 0, p);
            DenseMatrices.solve(mFactor, p, solvedD[a]);
            DenseMatrices.multiply(mInverse, mA[a], p, products[a]);
        }
        for (int a = 0; a < q; a++) {
            for (int b = 0; b <= a; b++) {
                double value = 0;
                for (int i = 0; i < p; i++) {
                    value += dA[a][i] * solvedD[b][i];
                }
                hessian[a * q + b] -= 2 * value + DenseMatrices.traceOfProduct(products[a], products[b], p);
                hessian[b * q + a] = hessian[a * q + b];
            }
        }
    }

    /** Pattern s's terms: M_a, d_a and sum_P [2 tr(A_a A_b W G) - n tr(A_a A_b)]. */
    private void patternHessian(int s) {
        int v = visits;
        int[] o = observed[s];
        int size = o.length;
        double[] ws = w[s];
        double[] wgs = wg[s];
        double[] xx = sxx[s];
        double[] xr = sxr[s];
        for (int a = 0; a < q; a++) {
            double[] sa = sigmaA[a];
            double[] aa = aA[a];
            for (int x = 0; x < size; x++) {
                for (int y = 0; y < size; y++) {
                    double value = 0;
                    for (int z = 0; z < size; z++) {
                        value += ws[x * size + z] * sa[o[z] * v + o[y]];
                    }
                    aa[x * size + y] = value;
                }
            }
            // W_a = -A_a W
            DenseMatrices.multiply(aa, ws, size, small);
            double[] ma = mA[a];
            double[] da = dA[a];
            for (int x = 0; x < size; x++) {
                int j = o[x];
                for (int y = 0; y < size; y++) {
                    int jl = o[y];
                    double wa = -small[x * size + y];
                    for (int k = 0; k < 3; k++) {
                        da[3 * jl + k] += xr[k * v + j] * wa;
                        for (int h = 0; h < 3; h++) {
                            ma[(3 * j + k) * p + 3 * jl + h] += wa * xx[k * 3 + h];
                        }
                    }
                }
            }
        }
        int n = count[s];
        for (int a = 0; a < q; a++) {
            for (int b = 0; b <= a; b++) {
                DenseMatrices.multiply(aA[a], aA[b], size, small2);
                hessian[a * q + b] += 2 * DenseMatrices.traceOfProduct(small2, wgs, size)
                        - n * DenseMatrices.traceOfProduct(aA[a], aA[b], size);
            }
        }
    }
}
