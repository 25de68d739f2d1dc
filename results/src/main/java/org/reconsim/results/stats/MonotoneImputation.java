package org.reconsim.results.stats;

/**
 * Proper Bayesian multiple imputation of an endpoint's missed post-baseline values by
 * sequential regression (Rubin 1987, section 5.4; Little &amp; Rubin 2002, section 7.3), under
 * missingness at random or the reference-based assumptions of Carpenter, Roger &amp; Kenward
 * (2013, J Biopharm Stat 23:1352-1371).
 *
 * <p><b>Model.</b> With post-baseline visits {@code j = 1..K}, baseline {@code y0} and arm
 * indicator {@code g} (1 treated), regression {@code j} is
 * <pre>  y_j = b_j0 + b_j1 g + b_j2 y0 + sum_{h &lt; j} f_jh y_h + e_j,   e_j ~ N(0, s_j^2)</pre>
 * fitted to the patients seen at every visit up to {@code j}. For monotone data (a patient
 * who misses a visit misses every later one: the simulated dropout) these {@code K}
 * regressions are a reparametrization of the multivariate normal model
 * {@code (y_1..y_K) | y0, g ~ N(a + c g + d y0, Sigma)} with unstructured {@code Sigma} common
 * to the arms (rbmi's default {@code value ~ visit * arm + visit * baseline}, same covariance),
 * and its likelihood factorizes over them, so independent draws from each regression's
 * posterior under {@code p(b, s^2) ~ 1 / s^2} are exact draws from the model's posterior,
 * without iteration:
 * <pre>
 *   s_j*^2 = RSS_j / X,   X ~ chi^2(n_j - p_j)              (p_j = 3 + j - 1 columns, n_j rows)
 *   b_j*   = bhat_j + s_j* (L_j')^-1 z,   z ~ N(0, I)       (L_j L_j' = X_j' X_j)
 * </pre>
 *
 * <p><b>Imputation.</b> Visit by visit, a patient's missed value is drawn from its conditional
 * normal given baseline and the earlier visits (observed or already imputed),
 * <pre>  y_j* = mu_j + sum_{h &lt; j} f_jh* (y_h - mu_h) + s_j* z</pre>
 * where {@code mu_h} is the patient's assumed mean at visit {@code h} given baseline, built from
 * the drawn coefficients by {@code m_h(a) = b_h0* + b_h1* a + b_h2* y0 + sum_{l &lt; h} f_hl* m_l(a)}:
 * <ul>
 * <li>{@link Strategy#MAR}: {@code mu_h = m_h(own arm)} at every visit; the formula is then the
 * regression itself;</li>
 * <li>{@link Strategy#JUMP_TO_REFERENCE} (J2R): for a treated patient {@code m_h(1)} before the
 * first missed visit {@code d} and {@code m_h(0)} (the control arm's mean) from it on;</li>
 * <li>{@link Strategy#COPY_REFERENCE} (CR): for a treated patient {@code m_h(0)} at every visit.</li>
 * </ul>
 * Control patients are imputed under MAR by every strategy (the reference arm is their own).
 * This is Carpenter et al.'s conditional distribution {@code y_M | y_O ~ N(mu_M + Sigma_MO
 * Sigma_OO^-1 (y_O - mu_O), Sigma_MM - Sigma_MO Sigma_OO^-1 Sigma_OM)} of the missed visits
 * {@code M} given the observed {@code O} with the common {@code Sigma}, computed one visit at a
 * time: for a multivariate normal the regression of a visit on the earlier ones has the same
 * coefficients and residual variance whatever the means. When a dropout misses every
 * post-baseline visit (as in the simulated trials) J2R and CR coincide.
 *
 * <p>A patient with a gap (a missed visit followed by a seen one) is left out of the
 * regressions from the gap on, the gap is imputed from the visits before it only and the later
 * values are kept: exact for monotone data, an approximation otherwise (the simulator makes none).
 * Patients without a baseline are neither used nor imputed. The values are centred (baseline by
 * the mean of the patients with one, each visit by its observed mean) before the sums: the
 * intercepts absorb the shift, and the draws and imputations are the same as on the raw scale.
 *
 * <p>Which randomness is drawn, in which order ({@link Noise}), is part of the contract, so that
 * an independent implementation fed the same draws gives the same numbers (the R fixture does):
 * per imputation, first for each visit {@code j = 1..K} that can be imputed one chi-square
 * {@code chi^2(n_j - p_j)} and then {@code p_j} normals for {@code z}; then for each patient in
 * index order, for each of their missed visits in order, one normal.
 */
public final class MonotoneImputation {

    /** The assumption the missed values are imputed under. */
    public enum Strategy {
        /** Missing at random given baseline and the earlier visits, within each arm. */
        MAR,
        /** Jump to reference: after the first missed visit a treated patient has the control arm's mean. */
        JUMP_TO_REFERENCE,
        /** Copy reference: a treated patient has the control arm's mean at every visit. */
        COPY_REFERENCE
    }

    /** The random draws of an imputation, in the order the class documentation gives. */
    public interface Noise {
        /** A chi-square variate with {@code df} degrees of freedom. */
        double chiSquare(double df);

        /** A standard normal variate. */
        double normal();
    }

    /**
     * The draws that put every parameter at its posterior mode and every residual at zero: a
     * chi-square equal to its df gives {@code s_j* = sqrt(RSS_j / (n_j - p_j))}, which then only
     * multiplies zeros, so {@code b_j* = bhat_j + 0} exactly and each imputed value is its mean.
     */
    private static final Noise AT_THE_MODE = new Noise() {
        @Override
        public double chiSquare(double df) {
            return df;
        }

        @Override
        public double normal() {
            return 0;
        }
    };

    /** Same tolerance as {@link Ancova}: 1 - R^2 of a column on the earlier ones. */
    private static final double SINGULARITY_TOLERANCE = 1e-10;
    private static final double PERFECT_FIT_TOLERANCE = 1e-14;
    private static final int INTERCEPT = 0;
    private static final int ARM = 1;
    private static final int BASELINE = 2;
    /** Column of visit 1 in a regression; visit h (0-based) is column FIRST_VISIT + h. */
    private static final int FIRST_VISIT = 3;

    private final int n;
    private final int visits;
    private final boolean[] treated;
    /** Centred baseline, NaN where missing. */
    private final double[] baseline;
    /** [visit][patient] centred observed values, NaN where missed. */
    private final double[][] values;
    /** Added back to the imputed values: [0] baseline, [1 + j] visit j. */
    private final double[] centre;
    /** Visits 0 .. imputable - 1 have a regression; the first that has none gives {@link #reason}. */
    private final int imputable;
    private final UndefinedReason reason;
    private final double[][] coefficients;
    private final double[][][] cholesky;
    private final double[] residualSumOfSquares;
    private final int[] residualDf;
    /** Per fitted visit the normal equations {@link #coefficientsWithout} downdates. */
    private final NormalEquations[] equations;

    /**
     * Regression {@code j}'s sums on the centred scale: the lower triangle of {@code X'X},
     * {@code X'y}, {@code y'y}, its rows and treated rows. Its rows are the patients seen at
     * baseline and every visit up to {@code j} ({@link #inRegression}).
     */
    private record NormalEquations(double[][] xtx, double[] xty, double syy, int rows, int rowsTreated) {
    }

    private MonotoneImputation(int n, boolean[] treated, double[] baseline, double[][] values, double[] centre, int imputable,
            UndefinedReason reason, double[][] coefficients, double[][][] cholesky, double[] rss, int[] residualDf,
            NormalEquations[] equations) {
        this.n = n;
        this.visits = values.length;
        this.treated = treated;
        this.baseline = baseline;
        this.values = values;
        this.centre = centre;
        this.imputable = imputable;
        this.reason = reason;
        this.coefficients = coefficients;
        this.cholesky = cholesky;
        this.residualSumOfSquares = rss;
        this.residualDf = residualDf;
        this.equations = equations;
    }

    /**
     * Fits the regressions of the first {@code n} patients. The arrays are copied.
     *
     * @param baseline  baseline values (NaN missing)
     * @param treated   arm per patient
     * @param values    [post-baseline visit][patient] observed values, NaN where missed
     * @param n         number of patients
     */
    public static MonotoneImputation fit(double[] baseline, boolean[] treated, double[][] values, int n) {
        int k = values.length;
        double[] centre = new double[k + 1];
        double[] x0 = new double[n];
        centre[0] = mean(baseline, n);
        for (int i = 0; i < n; i++) {
            x0[i] = baseline[i] - centre[0];
        }
        double[][] y = new double[k][n];
        for (int j = 0; j < k; j++) {
            centre[1 + j] = mean(values[j], n);
            for (int i = 0; i < n; i++) {
                y[j][i] = values[j][i] - centre[1 + j];
            }
        }
        boolean[] arm = java.util.Arrays.copyOf(treated, n);
        double[][] coefficients = new double[k][];
        double[][][] cholesky = new double[k][][];
        double[] rss = new double[k];
        int[] df = new int[k];
        NormalEquations[] equations = new NormalEquations[k];
        boolean[] through = new boolean[n]; // seen at baseline and every visit so far
        for (int i = 0; i < n; i++) {
            through[i] = !Double.isNaN(x0[i]);
        }
        double[] row = new double[FIRST_VISIT + k];
        for (int j = 0; j < k; j++) {
            int p = FIRST_VISIT + j;
            double[][] xtx = new double[p][p];
            double[] xty = new double[p];
            double syy = 0;
            int rows = 0;
            int rowsTreated = 0;
            for (int i = 0; i < n; i++) {
                through[i] &= !Double.isNaN(y[j][i]);
                if (!through[i]) {
                    continue;
                }
                rows++;
                rowsTreated += arm[i] ? 1 : 0;
                fillRow(row, arm[i], x0[i], y, i, j);
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b <= a; b++) {
                        xtx[a][b] += row[a] * row[b];
                    }
                    xty[a] += row[a] * y[j][i];
                }
                syy += y[j][i] * y[j][i];
            }
            equations[j] = new NormalEquations(xtx, xty, syy, rows, rowsTreated);
            UndefinedReason why = regression(j, equations[j], through, arm, x0, y, row, coefficients, cholesky, rss, df);
            if (why != null) {
                return new MonotoneImputation(n, arm, x0, y, centre, j, why, coefficients, cholesky, rss, df, equations);
            }
        }
        return new MonotoneImputation(n, arm, x0, y, centre, k, null, coefficients, cholesky, rss, df, equations);
    }

    /**
     * Solves regression {@code j} from its normal equations into {@code coefficients[j]},
     * {@code cholesky[j]}, {@code rss[j]}, {@code df[j]}, its residuals summed directly over its
     * rows (the patients {@code through} marks); or says why it cannot be fitted.
     */
    private static UndefinedReason regression(int j, NormalEquations e, boolean[] through, boolean[] arm, double[] x0,
                                              double[][] y, double[] row, double[][] coefficients, double[][][] cholesky,
                                              double[] rss, int[] df) {
        int p = FIRST_VISIT + j;
        double[][] l = null;
        if (e.rows() <= p || e.rowsTreated() == 0 || e.rowsTreated() == e.rows()) {
            return UndefinedReason.TOO_FEW_OBSERVATIONS;
        } else if (!(Double.isFinite(e.syy()) && finite(e.xtx()))) {
            return UndefinedReason.OVERFLOW;
        } else if ((l = Cholesky.decompose(e.xtx(), SINGULARITY_TOLERANCE)) == null) {
            return UndefinedReason.SINGULAR_DESIGN;
        }
        double[] beta = Cholesky.solve(l, e.xty());
        double r = 0;
        for (int i = 0; i < through.length; i++) {
            if (through[i]) {
                fillRow(row, arm[i], x0[i], y, i, j);
                double residual = y[j][i];
                for (int a = 0; a < p; a++) {
                    residual -= beta[a] * row[a];
                }
                r += residual * residual;
            }
        }
        if (!(r > PERFECT_FIT_TOLERANCE * e.syy())) {
            return UndefinedReason.NO_RESIDUAL_VARIANCE;
        }
        coefficients[j] = beta;
        cholesky[j] = l;
        rss[j] = r;
        df[j] = e.rows() - p;
        return null;
    }

    /** Regressions fitted without one patient: those of visits {@code 0 .. fitted - 1}, and why visit {@code fitted} has none. */
    record Refit(int fitted, UndefinedReason reason, double[][] coefficients) {
    }

    /**
     * The regressions' coefficients without patient {@code left}: each regression's normal
     * equations downdated by {@code left}'s row ({@code X'X - x x'}, {@code X'y - x y}) and
     * solved, {@code O(p^3)} per visit whatever {@code n} (the jackknife of
     * {@link ConditionalMeanJackknife}). Mathematically the fit of the other patients (the
     * centring, kept from the whole trial, is absorbed by the intercepts), numerically equal to
     * it to rounding. The residuals are not summed, so an exact fit of the others is not
     * detected; a visit the whole trial could not fit is not fitted either (fewer rows neither add
     * observations nor make a design less singular).
     */
    Refit coefficientsWithout(int left) {
        java.util.Objects.checkIndex(left, n);
        double[][] beta = new double[visits][];
        double[] row = new double[FIRST_VISIT + visits];
        for (int j = 0; j < imputable; j++) {
            NormalEquations e = equations[j];
            int p = FIRST_VISIT + j;
            double[][] xtx = e.xtx();
            double[] xty = e.xty();
            int rows = e.rows();
            int rowsTreated = e.rowsTreated();
            if (inRegression(left, j)) {
                xtx = new double[p][p];
                xty = e.xty().clone();
                double value = values[j][left];
                fillRow(row, treated[left], baseline[left], values, left, j);
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b <= a; b++) {
                        xtx[a][b] = e.xtx()[a][b] - row[a] * row[b];
                    }
                    xty[a] -= row[a] * value;
                }
                rows--;
                rowsTreated -= treated[left] ? 1 : 0;
            }
            double[][] l;
            if (rows <= p || rowsTreated == 0 || rowsTreated == rows) {
                return new Refit(j, UndefinedReason.TOO_FEW_OBSERVATIONS, beta);
            } else if ((l = Cholesky.decompose(xtx, SINGULARITY_TOLERANCE)) == null) {
                return new Refit(j, UndefinedReason.SINGULAR_DESIGN, beta);
            }
            beta[j] = Cholesky.solve(l, xty);
        }
        return new Refit(imputable, reason, beta);
    }

    /** Whether patient {@code i} is a row of regression {@code j}: seen at baseline and every visit up to {@code j}. */
    private boolean inRegression(int i, int j) {
        boolean seen = !Double.isNaN(baseline[i]);
        for (int h = 0; h <= j && seen; h++) {
            seen = !Double.isNaN(values[h][i]);
        }
        return seen;
    }

    /** The arms, as fitted (read, never written, by {@link ConditionalMeanJackknife}). */
    boolean[] arms() {
        return treated;
    }

    /** The centred baselines, NaN where missing (read only). */
    double[] centredBaseline() {
        return baseline;
    }

    /** The centred {@code [visit][patient]} values, NaN where missed (read only). */
    double[][] centredValues() {
        return values;
    }

    /** Patients. */
    int size() {
        return n;
    }

    private static void fillRow(double[] row, boolean treated, double baseline, double[][] y, int i, int j) {
        row[INTERCEPT] = 1;
        row[ARM] = treated ? 1 : 0;
        row[BASELINE] = baseline;
        for (int h = 0; h < j; h++) {
            row[FIRST_VISIT + h] = y[h][i];
        }
    }

    private static boolean finite(double[][] a) {
        for (double[] r : a) {
            for (double v : r) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double mean(double[] v, int n) {
        double s = 0;
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(v[i])) {
                s += v[i];
                c++;
            }
        }
        return c == 0 ? 0 : s / c;
    }

    /** Post-baseline visits. */
    public int visits() {
        return visits;
    }

    /**
     * Whether visit {@code j} (0-based post-baseline) can be imputed: its regression and those
     * of every earlier visit could be fitted.
     */
    public boolean canImpute(int j) {
        return j < imputable;
    }

    /** Why visit {@code j} cannot be imputed ({@link #canImpute} false), else null. */
    public UndefinedReason reason(int j) {
        return j < imputable ? null : reason;
    }

    /** Whether a patient with a baseline missed visit {@code j}: whether the visit needs imputing at all. */
    public boolean hasMissing(int j) {
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(baseline[i]) && Double.isNaN(values[j][i])) {
                return true;
            }
        }
        return false;
    }

    /** The posterior mode of regression {@code j}'s coefficients (1, arm, baseline, earlier visits; centred scale). */
    double[] coefficients(int j) {
        return coefficients[j].clone();
    }

    /** A workspace that imputes datasets; one per thread (it holds the scratch arrays). */
    public Imputer imputer() {
        return new Imputer();
    }

    /**
     * Draws completed datasets. Not thread-safe: its arrays are reused from one imputation to
     * the next, so that a power run's millions of imputations allocate nothing per dataset.
     */
    public final class Imputer {

        private final double[][] drawn = new double[visits][];
        private final double[] sigma = new double[visits];
        private final double[] z = new double[FIRST_VISIT + visits];
        /** Centred values of the current dataset, imputed ones without delta: the predictors of later visits. */
        private final double[][] work = new double[visits][n];
        private final double[] own = new double[visits];
        private final double[] reference = new double[visits];
        private final double[] assumed = new double[visits];

        private Imputer() {
            for (int j = 0; j < imputable; j++) {
                drawn[j] = new double[FIRST_VISIT + j];
            }
        }

        /**
         * One completed dataset: {@code out[j][i]} is the observed value, or for a missed visit
         * that can be imputed the imputed one (plus {@code delta} for a treated patient), or NaN
         * (no baseline, or a visit that cannot be imputed).
         *
         * @param strategy  the assumption the missed values follow
         * @param delta     added to each imputed value of the treatment arm, after imputation
         * @param noise     the random draws
         * @param out       [visit][patient], at least {@link #visits()} rows of {@code n}
         */
        public void impute(Strategy strategy, double delta, Noise noise, double[][] out) {
            drawParameters(noise);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < visits; j++) {
                    work[j][i] = values[j][i];
                }
                if (Double.isNaN(baseline[i])) {
                    continue;
                }
                int firstMissed = -1;
                for (int j = 0; j < imputable && firstMissed < 0; j++) {
                    if (Double.isNaN(values[j][i])) {
                        firstMissed = j;
                    }
                }
                if (firstMissed < 0) {
                    continue; // nothing to impute
                }
                boolean referenceBased = treated[i] && strategy != Strategy.MAR;
                if (referenceBased) {
                    means(i);
                }
                for (int j = firstMissed; j < imputable; j++) {
                    if (Double.isNaN(values[j][i])) {
                        work[j][i] = referenceBased ? referenceDraw(i, j, strategy, firstMissed, noise) : marDraw(i, j, noise);
                    }
                }
            }
            for (int j = 0; j < visits; j++) {
                double[] o = out[j];
                for (int i = 0; i < n; i++) {
                    if (!Double.isNaN(values[j][i]) || Double.isNaN(baseline[i])) {
                        o[i] = values[j][i] + centre[1 + j];
                    } else if (j < imputable) {
                        o[i] = work[j][i] + centre[1 + j] + (treated[i] ? delta : 0);
                    } else {
                        o[i] = Double.NaN;
                    }
                }
            }
        }

        /**
         * The dataset completed by conditional means instead of draws: every coefficient at its
         * posterior mode (the maximum-likelihood fit of the regressions) and no residual, so a
         * missed value is {@code mu_j + sum_h f_jh (y_h - mu_h)} with the fitted {@code f} and the
         * strategy's {@code mu}: Carpenter, Roger &amp; Kenward's {@code E[y_M | y_O]} under
         * the maximum-likelihood estimates, the "conditional mean imputation" of Wolbers et al.
         * (2022, Pharm Stat 21:1246-1257; R's rbmi {@code method_condmean}). The arguments are as
         * {@link #impute}'s; nothing random is drawn.
         */
        public void conditionalMean(Strategy strategy, double delta, double[][] out) {
            impute(strategy, delta, AT_THE_MODE, out);
        }

        private void drawParameters(Noise noise) {
            for (int j = 0; j < imputable; j++) {
                int p = FIRST_VISIT + j;
                sigma[j] = Math.sqrt(residualSumOfSquares[j] / noise.chiSquare(residualDf[j]));
                for (int a = 0; a < p; a++) {
                    z[a] = noise.normal();
                }
                // w = (L')^-1 z by back substitution: Cov(w) = (L L')^-1 = (X'X)^-1
                double[][] l = cholesky[j];
                double[] b = drawn[j];
                for (int a = p - 1; a >= 0; a--) {
                    double s = z[a];
                    for (int c = a + 1; c < p; c++) {
                        s -= l[c][a] * b[c];
                    }
                    b[a] = s / l[a][a];
                }
                double[] bhat = coefficients[j];
                for (int a = 0; a < p; a++) {
                    b[a] = bhat[a] + sigma[j] * b[a];
                }
            }
        }

        /** The means given baseline at every visit under the treatment arm and the control arm: {@code m_h(1)}, {@code m_h(0)}. */
        private void means(int i) {
            double x0 = baseline[i];
            for (int h = 0; h < imputable; h++) {
                double[] b = drawn[h];
                double control = b[INTERCEPT] + b[BASELINE] * x0;
                double mine = control + b[ARM];
                for (int l = 0; l < h; l++) {
                    control += b[FIRST_VISIT + l] * reference[l];
                    mine += b[FIRST_VISIT + l] * own[l];
                }
                reference[h] = control;
                own[h] = mine;
            }
        }

        /** Under MAR: the drawn regression itself. */
        private double marDraw(int i, int j, Noise noise) {
            double[] b = drawn[j];
            double y = b[INTERCEPT] + (treated[i] ? b[ARM] : 0) + b[BASELINE] * baseline[i];
            for (int h = 0; h < j; h++) {
                y += b[FIRST_VISIT + h] * work[h][i];
            }
            return y + sigma[j] * noise.normal();
        }

        /** {@code y_j* = mu_j + sum_h f_jh (y_h - mu_h) + s_j z}, {@code mu} as the strategy assumes (after {@link #means}). */
        private double referenceDraw(int i, int j, Strategy strategy, int firstMissed, Noise noise) {
            double[] b = drawn[j];
            for (int h = 0; h <= j; h++) {
                assumed[h] = strategy == Strategy.COPY_REFERENCE || h >= firstMissed ? reference[h] : own[h];
            }
            double y = assumed[j];
            for (int h = 0; h < j; h++) {
                y += b[FIRST_VISIT + h] * (work[h][i] - assumed[h]);
            }
            return y + sigma[j] * noise.normal();
        }
    }
}
