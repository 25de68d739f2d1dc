package org.reconsim.results.stats;

import java.util.Arrays;

/**
 * The REML criterion of the random-intercept model as a function of the variance ratio
 * {@code rho = sigma_u^2 / sigma_e^2}, computed from per-subject sufficient statistics so
 * that one evaluation costs {@code O(V^3)} whatever the number of subjects.
 *
 * <p>Fixed effects are held as the {@code 2V} cell means {@code mu[a][v]} (arm {@code a},
 * visit {@code v}): the same column space as lme4's treatment contrasts, with a
 * reparameterization of determinant 1, so the REML criterion, the residuals and every
 * contrast are the same. Subjects belong to one arm, so {@code X' H^-1 X} is block-diagonal
 * with one {@code V x V} block per arm.
 *
 * <p>For subject {@code i} with {@code n_i} observations, visit-count vector {@code c_i}
 * and sum of (cell-centred) values {@code s_i}, {@code H_i = I + rho J} and
 * <pre>
 *   H_i^-1 = I - w_i J,  w_i = rho / (1 + n_i rho),   |H_i| = 1 + n_i rho
 *   X_i' H_i^-1 X_i = diag(c_i) - w_i c_i c_i'
 *   X_i' H_i^-1 y_i = (sums of y_i by visit) - w_i s_i c_i
 *   y_i' H_i^-1 y_i = y_i' y_i - w_i s_i^2
 * </pre>
 * {@code w_i} depends on the subject only through {@code n_i}, so the statistics are summed
 * over subjects of equal size (and arm): {@code C[a][n] = sum c_i c_i'},
 * {@code B[a][n] = sum s_i c_i}, {@code S2[n] = sum s_i^2}. Values are centred on their cell
 * mean first (a shift within the column space of {@code X}, which changes no residual) so
 * that the sums of squares do not cancel.
 *
 * <p>Not thread-safe: evaluations share a workspace.
 */
final class RemlProfile {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final int visits;
    private final int observations;
    private final double[] cellMeans;
    private final double[] counts;
    private final int[] sizes;
    private final double[] subjectsOfSize;
    private final double[] cross;
    private final double[] sums;
    private final double[] squaredSums;
    private final double sumOfSquares;

    // workspace, one V x V block or V-vector per arm
    private final double[] weights;
    private final double[] block;
    private final double[] rhs;
    private final double[] solution;
    private final double[] weightSlopes;
    private final double[] weightCurvatures;
    private final double[] blockSlope;
    private final double[] blockCurvature;
    private final double[] rhsSlope;
    private final double[] rhsCurvature;
    private final double[] inverse;
    private final double[] product;
    private final double[] residual;
    private final double[] solutionSlope;
    private final double[] work;

    // results of differentiate(rho)
    private final double[] means;
    private final double[] contrastVariance;
    private final double[] contrastSlope;
    private double q;
    private double qSlope;
    private double qCurvature;
    private double fSlope;
    private double fCurvature;

    /**
     * @param visits         V
     * @param observations   n, the rows used
     * @param cellMeans      [a * V + v], observed mean of the cell
     * @param counts         [a * V + v], observations in the cell
     * @param sizes          the distinct subject sizes n_i, index k
     * @param subjectsOfSize [k], number of subjects of size sizes[k]
     * @param cross          [((a * K + k) * V + i) * V + j], C[a][n] for n = sizes[k]
     * @param sums           [(a * K + k) * V + i], B[a][n]
     * @param squaredSums    [k], S2[n]
     * @param sumOfSquares   sum of squared cell-centred values
     */
    RemlProfile(int visits, int observations, double[] cellMeans, double[] counts, int[] sizes,
            double[] subjectsOfSize, double[] cross, double[] sums, double[] squaredSums, double sumOfSquares) {
        this.visits = visits;
        this.observations = observations;
        this.cellMeans = cellMeans;
        this.counts = counts;
        this.sizes = sizes;
        this.subjectsOfSize = subjectsOfSize;
        this.cross = cross;
        this.sums = sums;
        this.squaredSums = squaredSums;
        this.sumOfSquares = sumOfSquares;
        this.weights = new double[sizes.length];
        this.block = new double[visits * visits];
        this.rhs = new double[visits];
        this.solution = new double[visits];
        this.weightSlopes = new double[sizes.length];
        this.weightCurvatures = new double[sizes.length];
        this.blockSlope = new double[visits * visits];
        this.blockCurvature = new double[visits * visits];
        this.rhsSlope = new double[visits];
        this.rhsCurvature = new double[visits];
        this.inverse = new double[visits * visits];
        this.product = new double[visits * visits];
        this.residual = new double[visits];
        this.solutionSlope = new double[visits];
        this.work = new double[visits];
        this.means = new double[2 * visits];
        this.contrastVariance = new double[visits];
        this.contrastSlope = new double[visits];
    }

    private int residualDf() {
        return observations - 2 * visits;
    }

    /**
     * lme4's REML criterion profiled over {@code sigma^2} ({@code REMLcrit}):
     * <pre>
     *   d(rho) = log|H| + log|X' H^-1 X| + (n - p) (1 + log(2 pi q / (n - p)))
     *   q      = y' H^-1 y - b' (X' H^-1 X)^-1 b,   b = X' H^-1 y
     * </pre>
     * {@code +Infinity} where it is undefined (no residual variance, or {@code M} not
     * numerically positive definite).
     */
    double deviance(double rho) {
        double logDetH = 0;
        double residual = sumOfSquares;
        for (int k = 0; k < sizes.length; k++) {
            double n = sizes[k];
            weights[k] = rho / (1 + n * rho);
            logDetH += subjectsOfSize[k] * Math.log1p(n * rho);
            residual -= weights[k] * squaredSums[k];
        }
        double logDetM = 0;
        for (int a = 0; a < 2; a++) {
            fillBlock(a, weights, block, rhs, true);
            if (!cholesky(block, visits)) {
                return Double.POSITIVE_INFINITY;
            }
            // one logarithm per arm rather than per visit: |M_a| = prod L_ii^2
            double determinant = 1;
            for (int i = 0; i < visits; i++) {
                double diagonal = block[i * visits + i];
                determinant *= diagonal * diagonal;
            }
            logDetM += Math.log(determinant);
            forward(block, visits, rhs, solution);
            for (int i = 0; i < visits; i++) {
                residual -= solution[i] * solution[i];
            }
        }
        if (!(residual > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        int df = residualDf();
        return logDetH + logDetM + df * (1 + LOG_TWO_PI + Math.log(residual / df));
    }

    /**
     * {@code M = diag(counts) - sum_k w_k C[a][k]} (without the counts: {@code - sum_k w_k C[a][k]},
     * a derivative of M) and {@code b = -sum_k w_k B[a][k]} for arm {@code a}.
     */
    private void fillBlock(int a, double[] w, double[] m, double[] b, boolean withCounts) {
        int v = visits;
        Arrays.fill(m, 0);
        Arrays.fill(b, 0);
        if (withCounts) {
            for (int i = 0; i < v; i++) {
                m[i * v + i] = counts[a * v + i];
            }
        }
        for (int k = 0; k < sizes.length; k++) {
            double wk = w[k];
            int c = (a * sizes.length + k) * v * v;
            int s = (a * sizes.length + k) * v;
            for (int i = 0; i < v; i++) {
                b[i] -= wk * sums[s + i];
                for (int j = 0; j <= i; j++) {
                    m[i * v + j] -= wk * cross[c + i * v + j];
                }
            }
        }
        for (int i = 0; i < v; i++) {
            for (int j = 0; j < i; j++) {
                m[j * v + i] = m[i * v + j];
            }
        }
    }

    /**
     * Newton step {@code -d'(rho) / d''(rho)} towards the stationary point of the profiled
     * criterion, {@code d' = F' + (n - p) q' / q} and
     * {@code d'' = F'' + (n - p) (q'' / q - (q' / q)^2)} (derivatives as in {@link #fitAt});
     * {@code NaN} where {@code d''} is not positive. Brent locates the minimum only to about
     * {@code sqrt(eps)}, where the criterion is flat to rounding; a Newton step on the exact
     * derivative pins it to rounding of the derivative, so the fit does not depend on the
     * order in which rows were summed.
     */
    double newtonStep(double rho) {
        if (!differentiate(rho)) {
            return Double.NaN;
        }
        int df = residualDf();
        double slope = fSlope + df * qSlope / q;
        double curvature = fCurvature + df * (qCurvature / q - (qSlope / q) * (qSlope / q));
        return curvature > 0 ? -slope / curvature : Double.NaN;
    }

    /**
     * The fit at the REML optimum {@code rho}: cell means, {@code sigma^2 = q / (n - p)},
     * and, for each visit, the arm effect {@code mu[1][v] - mu[0][v]} with its variance
     * {@code sigma^2 c' M^-1 c} and Satterthwaite df as lmerTest computes them.
     *
     * <p>lmerTest takes the variance parameters as {@code (theta, sigma)} with
     * {@code theta = sqrt(rho)} and the deviance
     * <pre>  D(theta, sigma) = F(rho) + q(rho) / sigma^2 + (n - p) log(2 pi sigma^2),
     *   F = log|H| + log|M|,  M = X' H^-1 X</pre>
     * whose Hessian {@code h} gives the asymptotic covariance {@code A = 2 h^-1} of
     * {@code (theta, sigma)}. Here {@code h} is exact rather than numerical: with
     * {@code ' = d/d rho},
     * <pre>
     *   h_tt = 2 (F' + q' / sigma^2) + 4 rho (F'' + q'' / sigma^2)
     *   h_ts = -4 theta q' / sigma^3
     *   h_ss = 6 q / sigma^4 - 2 (n - p) / sigma^2
     *   log|H|'  = sum_i n_i / (1 + n_i rho),     log|H|'' = -sum_i n_i^2 / (1 + n_i rho)^2
     *   log|M|'  = tr(M^-1 M'),                   log|M|'' = tr(M^-1 M'') - tr(M^-1 M' M^-1 M')
     *   q'  = yHy' - 2 b'.beta + beta' M' beta,  beta = M^-1 b
     *   q'' = yHy'' - 2 b''.beta + beta' M'' beta - 2 beta1' M beta1,  beta1 = M^-1 (b' - M' beta)
     * </pre>
     * and the gradient of {@code var(c' beta) = sigma^2 c' M^-1 c} is
     * {@code (-2 theta sigma^2 c' M^-1 M' M^-1 c, 2 sigma c' M^-1 c)}; then
     * {@code df = 2 var^2 / (g' A g)}.
     */
    RandomInterceptFit fitAt(double rho, int subjects) {
        int v = visits;
        if (!differentiate(rho)) {
            return RandomInterceptFit.undefined(v, UndefinedReason.SINGULAR_DESIGN);
        }
        if (!(q > 0)) {
            return RandomInterceptFit.undefined(v, UndefinedReason.NO_RESIDUAL_VARIANCE);
        }
        int df = residualDf();
        double sigma2 = q / df;
        double sigma = Math.sqrt(sigma2);
        double theta = Math.sqrt(rho);
        double htt = 2 * (fSlope + qSlope / sigma2) + 4 * rho * (fCurvature + qCurvature / sigma2);
        double hts = -4 * theta * qSlope / (sigma2 * sigma);
        double hss = 6 * q / (sigma2 * sigma2) - 2 * df / sigma2;
        double[] covariance = VarianceParameterCovariance.of(htt, hts, hss);

        double[] estimate = new double[v];
        double[] stdError = new double[v];
        double[] satterthwaite = new double[v];
        for (int visit = 0; visit < v; visit++) {
            estimate[visit] = means[v + visit] - means[visit];
            double variance = sigma2 * contrastVariance[visit];
            stdError[visit] = Math.sqrt(variance);
            double gTheta = 2 * theta * sigma2 * contrastSlope[visit];
            double gSigma = 2 * sigma * contrastVariance[visit];
            double denominator = gTheta * gTheta * covariance[0] + 2 * gTheta * gSigma * covariance[1]
                    + gSigma * gSigma * covariance[2];
            satterthwaite[visit] = 2 * variance * variance / denominator;
        }
        return new RandomInterceptFit(v, observations, subjects, means.clone(), estimate, stdError, satterthwaite,
                new VarianceComponents(rho * sigma2, sigma2), deviance(rho));
    }

    /**
     * Fills q, F and their first two derivatives in rho, the fitted cell means, and per visit
     * {@code c' M^-1 c} and its derivative in rho. False where M is not positive definite.
     */
    private boolean differentiate(double rho) {
        int v = visits;
        double logDetHSlope = 0;
        double logDetHCurvature = 0;
        q = sumOfSquares;
        qSlope = 0;
        qCurvature = 0;
        for (int k = 0; k < sizes.length; k++) {
            double n = sizes[k];
            double u = 1 / (1 + n * rho);
            weights[k] = rho * u;
            weightSlopes[k] = u * u;
            weightCurvatures[k] = -2 * n * u * u * u;
            logDetHSlope += subjectsOfSize[k] * n * u;
            logDetHCurvature -= subjectsOfSize[k] * n * n * u * u;
            q -= weights[k] * squaredSums[k];
            qSlope -= weightSlopes[k] * squaredSums[k];
            qCurvature -= weightCurvatures[k] * squaredSums[k];
        }
        double logDetMSlope = 0;
        double logDetMCurvature = 0;
        Arrays.fill(contrastVariance, 0);
        Arrays.fill(contrastSlope, 0);
        for (int a = 0; a < 2; a++) {
            fillBlock(a, weights, block, rhs, true);
            fillBlock(a, weightSlopes, blockSlope, rhsSlope, false);
            fillBlock(a, weightCurvatures, blockCurvature, rhsCurvature, false);
            if (!cholesky(block, v)) {
                return false;
            }
            invert(block, v, inverse, work);
            multiply(inverse, v, rhs, solution);
            for (int i = 0; i < v; i++) {
                means[a * v + i] = cellMeans[a * v + i] + solution[i];
                q -= rhs[i] * solution[i];
            }
            logDetMSlope += traceOfProduct(inverse, blockSlope, v);
            logDetMCurvature += traceOfProduct(inverse, blockCurvature, v)
                    - traceOfSquare(inverse, blockSlope, v, product);
            double betaM1Beta = quadraticForm(blockSlope, v, solution, solution);
            double betaM2Beta = quadraticForm(blockCurvature, v, solution, solution);
            multiply(blockSlope, v, solution, residual);
            for (int i = 0; i < v; i++) {
                residual[i] = rhsSlope[i] - residual[i];
            }
            multiply(inverse, v, residual, solutionSlope);
            qSlope -= 2 * dot(rhsSlope, solution, v) - betaM1Beta;
            qCurvature -= 2 * dot(rhsCurvature, solution, v) - betaM2Beta + 2 * dot(solutionSlope, residual, v);
            for (int visit = 0; visit < v; visit++) {
                contrastVariance[visit] += inverse[visit * v + visit];
                // column `visit` of M^-1, for c' M^-1 M' M^-1 c
                for (int i = 0; i < v; i++) {
                    work[i] = inverse[i * v + visit];
                }
                contrastSlope[visit] -= quadraticForm(blockSlope, v, work, work);
            }
        }
        fSlope = logDetHSlope + logDetMSlope;
        fCurvature = logDetHCurvature + logDetMCurvature;
        return true;
    }

    /**
     * Asymptotic covariance {@code A = 2 h^+} of the variance parameters, with {@code h^+}
     * lmerTest's generalized inverse: eigenvalues of {@code h} not above {@code 1e-8} are dropped.
     */
    private static final class VarianceParameterCovariance {

        /** lmerTest's {@code tol} in {@code as_lmerModLT}. */
        private static final double EIGENVALUE_TOLERANCE = 1e-8;

        /** @return {A_tt, A_ts, A_ss} */
        static double[] of(double htt, double hts, double hss) {
            double mean = 0.5 * (htt + hss);
            double radius = Math.hypot(0.5 * (htt - hss), hts);
            double large = mean + radius;
            double small = mean - radius;
            if (small > EIGENVALUE_TOLERANCE) {
                double determinant = htt * hss - hts * hts;
                return new double[] {2 * hss / determinant, -2 * hts / determinant, 2 * htt / determinant};
            }
            if (!(large > EIGENVALUE_TOLERANCE)) {
                return new double[] {0, 0, 0};
            }
            // Eigenvector of the large eigenvalue, from the better-conditioned row of h - large I.
            double x;
            double y;
            if (Math.abs(htt - large) > Math.abs(hss - large)) {
                x = -hts;
                y = htt - large;
            } else {
                x = hss - large;
                y = -hts;
            }
            double norm2 = x * x + y * y;
            if (norm2 == 0) {
                x = 1;
                y = 0;
                norm2 = 1;
            }
            double scale = 2 / (large * norm2);
            return new double[] {scale * x * x, scale * x * y, scale * y * y};
        }
    }

    /** In-place Cholesky factor (lower triangle) of a symmetric positive-definite n x n matrix. */
    private static boolean cholesky(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            double diagonal = a[j * n + j];
            for (int k = 0; k < j; k++) {
                diagonal -= a[j * n + k] * a[j * n + k];
            }
            if (!(diagonal > 0)) {
                return false;
            }
            diagonal = Math.sqrt(diagonal);
            a[j * n + j] = diagonal;
            for (int i = j + 1; i < n; i++) {
                double value = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    value -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = value / diagonal;
            }
        }
        return true;
    }

    /** Solves L z = b for the lower-triangular Cholesky factor L. */
    private static void forward(double[] l, int n, double[] b, double[] z) {
        for (int i = 0; i < n; i++) {
            double value = b[i];
            for (int k = 0; k < i; k++) {
                value -= l[i * n + k] * z[k];
            }
            z[i] = value / l[i * n + i];
        }
    }

    /** Solves L' x = z in place. */
    private static void backward(double[] l, int n, double[] x) {
        for (int i = n - 1; i >= 0; i--) {
            double value = x[i];
            for (int k = i + 1; k < n; k++) {
                value -= l[k * n + i] * x[k];
            }
            x[i] = value / l[i * n + i];
        }
    }

    /** (L L')^-1, column by column. */
    private static void invert(double[] l, int n, double[] inverse, double[] work) {
        for (int column = 0; column < n; column++) {
            Arrays.fill(work, 0);
            work[column] = 1;
            forward(l, n, work, work);
            backward(l, n, work);
            for (int i = 0; i < n; i++) {
                inverse[i * n + column] = work[i];
            }
        }
    }

    private static void multiply(double[] m, int n, double[] x, double[] out) {
        for (int i = 0; i < n; i++) {
            double value = 0;
            for (int j = 0; j < n; j++) {
                value += m[i * n + j] * x[j];
            }
            out[i] = value;
        }
    }

    private static double dot(double[] x, double[] y, int n) {
        double value = 0;
        for (int i = 0; i < n; i++) {
            value += x[i] * y[i];
        }
        return value;
    }

    private static double quadraticForm(double[] m, int n, double[] x, double[] y) {
        double value = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                value += x[i] * m[i * n + j] * y[j];
            }
        }
        return value;
    }

    /** tr(A B) for symmetric A and B. */
    private static double traceOfProduct(double[] a, double[] b, int n) {
        double value = 0;
        for (int i = 0; i < n * n; i++) {
            value += a[i] * b[i];
        }
        return value;
    }

    /** tr(A B A B) = tr(P P) with P = A B, for symmetric A and B; p is workspace. */
    private static double traceOfSquare(double[] a, double[] b, int n, double[] p) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double value = 0;
                for (int k = 0; k < n; k++) {
                    value += a[i * n + k] * b[k * n + j];
                }
                p[i * n + j] = value;
            }
        }
        double value = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                value += p[i * n + j] * p[j * n + i];
            }
        }
        return value;
    }
}
