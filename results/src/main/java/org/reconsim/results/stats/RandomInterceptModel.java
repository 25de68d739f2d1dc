package org.reconsim.results.stats;

/**
 * Random-intercept linear mixed model for repeated measures of one outcome, fitted by
 * restricted maximum likelihood (REML), as lme4/lmerTest's
 * <pre>  lmer(value ~ arm * visit + (1 | subject), REML = TRUE)</pre>
 * with {@code visit} a factor whose first level is the reference (treatment contrasts):
 * <pre>
 *   y_ij = mu[a_i][v_ij] + u_i + e_ij,   u_i ~ N(0, sigma_u^2),   e_ij ~ N(0, sigma_e^2)
 * </pre>
 * where {@code mu} has one free mean per arm and visit ({@code p = 2V} fixed effects:
 * intercept, arm, {@code V - 1} visit dummies and {@code V - 1} arm x visit interactions).
 * The observations of a subject are exchangeable (compound symmetry),
 * {@code Var(y_i) = sigma_e^2 (I + rho J)} with {@code rho = sigma_u^2 / sigma_e^2}.
 *
 * <p>How: the REML criterion is profiled over {@code sigma_e^2} and minimized over the
 * single parameter {@code theta = sqrt(rho)} (lme4's relative standard deviation) by Brent's
 * method on {@code phi = theta / (1 + theta)} in {@code [0, 1)}, then compared with the
 * boundary {@code theta = 0}, which wins ties (lme4 reports such fits as singular); an
 * interior minimum is refined by Newton steps on the exact derivative. A criterion that is flat
 * in {@code theta} (its range over the points evaluated below {@link #FLAT_TOLERANCE}) means the
 * data do not identify the variance ratio: lme4 then returns whatever {@code theta} its optimizer
 * stopped at, with standard errors that depend on it; here the fit is undefined instead. Given
 * {@code rho} the GLS solution is closed-form: {@code V^-1} of a subject is
 * {@code (I - rho / (1 + n_i rho) J) / sigma_e^2}, so per-subject sufficient statistics,
 * summed over subjects of equal size, reduce every evaluation to two {@code V x V} Cholesky
 * factorizations (see {@link RemlProfile}); no {@code n x n} matrix is ever formed.
 *
 * <p>Inference on the arm effect at a visit (arm coefficient plus the arm x visit
 * interaction at that visit, i.e. the treated minus control mean at that visit) uses
 * Satterthwaite's degrees of freedom exactly as lmerTest's {@code contest1D(ddf =
 * "Satterthwaite")}, with the Hessian of the REML deviance in {@code (theta, sigma)} computed
 * analytically instead of lmerTest's numerical derivatives.
 */
public final class RandomInterceptModel {

    /**
     * Absolute tolerance on {@code phi = theta / (1 + theta)}; Brent adds a relative
     * {@code sqrt(eps)}, so {@code theta} is located to about 1e-8 relative, beyond which
     * the REML criterion is flat to rounding.
     */
    private static final double PHI_TOLERANCE = 1e-10;

    /**
     * Optima with {@code theta} above this ({@code phi} within ~1e-8 of 1) mean no
     * within-subject variation at all: the fit is undefined.
     */
    private static final double MAX_THETA = 1e8;

    /** At most this many Newton steps after Brent; from Brent's ~1e-8, one step reaches rounding. */
    private static final int NEWTON_STEPS = 3;

    /** A Newton step longer than this share of rho is not a refinement of Brent's minimum: refused. */
    private static final double NEWTON_TRUST = 1e-3;

    /**
     * Relative step after which the refinement has converged: Newton converges
     * quadratically, so the next step would be below {@code 1e-12} relative.
     */
    private static final double NEWTON_CONVERGED = 1e-6;

    /**
     * Values of {@code theta} at which the criterion is evaluated besides Brent's points (which
     * cluster at the minimum) and the boundary 0, so that a criterion that does not change is seen
     * over {@code theta} in [0, 9] (a subject SD from 0 to 9 residual SDs) whatever Brent visited.
     */
    private static final double[] FLATNESS_PROBES = {1.0 / 3, 1, 3, 9};

    /**
     * Largest range of the REML criterion ({@code -2} log restricted likelihood) over the
     * evaluated {@code theta} at which it counts as flat: the variance ratio is then not
     * identified and the fit is undefined ({@link UndefinedReason#FLAT_REML}).
     *
     * <p>Why 1e-6: the criterion is a real-analytic function of {@code rho} (sums of logarithms of
     * rational functions), so if it is constant on an interval it is constant everywhere, and an
     * exactly flat criterion is the non-identified case: the residual contrasts' covariance is
     * proportional to {@code sigma_u^2 + sigma_e^2} times a fixed matrix. For example a trial in
     * which one patient per arm has the follow-up visits and the others only their baseline: every
     * follow-up cell is fitted exactly, the only residuals are differences of baselines of
     * different patients, with variance {@code 2 (sigma_u^2 + sigma_e^2)}. Its computed range is
     * then rounding: at most 1e-13 in the fits measured (duek-2021 at 2 to 48 and timing-3arm at 2
     * to 5 patients per arm, 200 to 300 replicates each; lme4's sparse Cholesky gives 1.5e-7 over
     * {@code theta <= 1e4}), while every identified fit among them had a range of 2.26 or more. 1e-6 lies between, and means a
     * restricted likelihood ratio within 5e-7 of 1 between any two variance ratios: data so
     * uninformative that the ratio, and the standard errors that depend on it, are arbitrary.
     */
    static final double FLAT_TOLERANCE = 1e-6;

    /** The smallest and largest finite criterion seen. */
    private static final class CriterionRange {
        private double low = Double.POSITIVE_INFINITY;
        private double high = Double.NEGATIVE_INFINITY;
        private int finite;

        double seen(double criterion) {
            if (Double.isFinite(criterion)) {
                finite++;
                low = Math.min(low, criterion);
                high = Math.max(high, criterion);
            }
            return criterion;
        }

        /** Whether at least two finite values were seen and they differ by less than {@link #FLAT_TOLERANCE}. */
        boolean flat() {
            return finite >= 2 && high - low < FLAT_TOLERANCE;
        }

    }

    private RandomInterceptModel() {
    }

    /**
     * Fits the model to long data, one row per subject and visit.
     *
     * <p>Design: {@code visit} indexes the {@code visits} occasions that enter the model,
     * {@code 0 .. visits - 1}, with visit 0 the reference level. In reconsim these are
     * typically the post-baseline visits (post, 30 days, 90 days); the caller may include
     * the pre-treatment visit as visit 0 instead, and the arm effect at a visit is then still
     * the model-based treated minus control difference at that visit. Rows whose value is
     * {@code NaN} are dropped (missing visits); a subject without any value drops out.
     *
     * @param subject subject per row, a 0-based index; the subjects are 0 .. max index
     * @param visit   visit per row, in {@code [0, visits)}
     * @param treated allocation per row, {@code true} for the active arm; constant within a subject
     * @param value   outcome per row ({@code NaN} = missing)
     * @param rows    number of rows: the first {@code rows} entries of each array are used
     * @param visits  number of visit levels V, at least 1
     * @return the fit; {@link RandomInterceptFit#isDefined() undefined} when some arm x visit
     *         cell has no observation, there are no more observations than fixed effects
     *         ({@code n <= 2V}), no subject has two observations (the variance ratio is then
     *         not identified), the REML criterion is flat in the variance ratio (not identified
     *         either: {@link #FLAT_TOLERANCE}), or the fit leaves no residual or no within-subject
     *         variance; {@link RandomInterceptFit#reason()} says which
     * @throws IllegalArgumentException if {@code rows} is negative or exceeds an array's length,
     *         {@code visits < 1}, a subject index is negative, a visit is outside
     *         {@code [0, visits)}, or a subject's rows disagree on its arm
     */
    public static RandomInterceptFit fit(int[] subject, int[] visit, boolean[] treated, double[] value,
            int rows, int visits) {
        checkShape(subject, visit, treated, value, rows, visits);
        // Pass 1: check indices, count subjects, and the cell means used for centring
        // (cell a * V + v, a = 1 for the treated arm).
        int cells = 2 * visits;
        double[] counts = new double[cells];
        double[] cellMeans = new double[cells];
        int observations = 0;
        int subjects = 0;
        for (int r = 0; r < rows; r++) {
            if (subject[r] < 0) {
                throw new IllegalArgumentException("row " + r + ": negative subject index " + subject[r]);
            }
            if (visit[r] < 0 || visit[r] >= visits) {
                throw new IllegalArgumentException("row " + r + ": visit " + visit[r] + " outside [0, " + visits + ")");
            }
            subjects = Math.max(subjects, subject[r] + 1);
            if (!Double.isNaN(value[r])) {
                int cell = (treated[r] ? visits : 0) + visit[r];
                counts[cell]++;
                cellMeans[cell] += value[r];
                observations++;
            }
        }

        // Pass 2: check that each subject has one arm; per subject, size n_i, sum s_i of
        // centred values and counts by visit c_i.
        byte[] arm = new byte[subjects];
        int[] size = new int[subjects];
        double[] total = new double[subjects];
        int[] visitCounts = new int[subjects * visits];
        double sumOfSquares = 0;
        boolean estimable = observations > cells;
        for (int cell = 0; cell < cells; cell++) {
            estimable &= counts[cell] > 0;
            cellMeans[cell] /= counts[cell];
        }
        for (int r = 0; r < rows; r++) {
            int s = subject[r];
            byte a = treated[r] ? (byte) 2 : (byte) 1;
            if (arm[s] == 0) {
                arm[s] = a;
            } else if (arm[s] != a) {
                throw new IllegalArgumentException("row " + r + ": subject " + s + " is in both arms");
            }
            if (!Double.isNaN(value[r])) {
                double centred = value[r] - cellMeans[(treated[r] ? visits : 0) + visit[r]];
                size[s]++;
                total[s] += centred;
                visitCounts[s * visits + visit[r]]++;
                sumOfSquares += centred * centred;
            }
        }
        if (!estimable) {
            return RandomInterceptFit.undefined(visits, UndefinedReason.TOO_FEW_OBSERVATIONS);
        }

        // Group subjects by size: slot k for size sizes[k].
        int largest = 0;
        int present = 0;
        for (int s = 0; s < subjects; s++) {
            largest = Math.max(largest, size[s]);
            if (size[s] > 0) {
                present++;
            }
        }
        if (largest < 2) {
            return RandomInterceptFit.undefined(visits, UndefinedReason.TOO_FEW_OBSERVATIONS);
        }
        int[] slotOfSize = new int[largest + 1];
        int slots = 0;
        for (int s = 0; s < subjects; s++) {
            if (size[s] > 0 && slotOfSize[size[s]] == 0) {
                slotOfSize[size[s]] = ++slots;
            }
        }
        int[] sizes = new int[slots];
        for (int n = 1; n <= largest; n++) {
            if (slotOfSize[n] > 0) {
                sizes[--slotOfSize[n]] = n;
            }
        }
        double[] subjectsOfSize = new double[slots];
        double[] cross = new double[2 * slots * visits * visits];
        double[] sums = new double[2 * slots * visits];
        double[] squaredSums = new double[slots];
        for (int s = 0; s < subjects; s++) {
            if (size[s] == 0) {
                continue;
            }
            int k = slotOfSize[size[s]];
            int group = (arm[s] == 2 ? slots : 0) + k;
            subjectsOfSize[k]++;
            squaredSums[k] += total[s] * total[s];
            for (int i = 0; i < visits; i++) {
                int ci = visitCounts[s * visits + i];
                if (ci == 0) {
                    continue;
                }
                sums[group * visits + i] += total[s] * ci;
                for (int j = 0; j < visits; j++) {
                    cross[(group * visits + i) * visits + j] += ci * visitCounts[s * visits + j];
                }
            }
        }

        RemlProfile profile = new RemlProfile(visits, observations, cellMeans, counts, sizes, subjectsOfSize,
                cross, sums, squaredSums, sumOfSquares);
        CriterionRange range = new CriterionRange();
        double phi = BrentMinimizer.minimize(p -> range.seen(profile.deviance(square(p / (1 - p)))), 0, 1, PHI_TOLERANCE);
        double theta = phi / (1 - phi);
        double rho = theta * theta;
        double best = range.seen(profile.deviance(rho));
        double boundary = range.seen(profile.deviance(0));
        for (double probe : FLATNESS_PROBES) {
            range.seen(profile.deviance(probe * probe));
        }
        if (range.flat()) {
            return RandomInterceptFit.undefined(visits, UndefinedReason.FLAT_REML);
        }
        if (boundary <= best) {
            return profile.fitAt(0, present);
        }
        if (!(best < Double.POSITIVE_INFINITY) || theta > MAX_THETA) {
            return RandomInterceptFit.undefined(visits, UndefinedReason.NO_RESIDUAL_VARIANCE);
        }
        return profile.fitAt(polish(profile, rho), present);
    }

    /**
     * Newton steps on the exact derivative of the criterion from Brent's interior minimum,
     * kept only while they stay small and inside the parameter space.
     */
    private static double polish(RemlProfile profile, double rho) {
        for (int i = 0; i < NEWTON_STEPS; i++) {
            double step = profile.newtonStep(rho);
            if (!(Math.abs(step) <= NEWTON_TRUST * rho)) {
                break;
            }
            rho += step;
            if (Math.abs(step) <= NEWTON_CONVERGED * rho) {
                break;
            }
        }
        return rho;
    }

    private static double square(double x) {
        return x * x;
    }

    private static void checkShape(int[] subject, int[] visit, boolean[] treated, double[] value, int rows,
            int visits) {
        int shortest = Math.min(Math.min(subject.length, visit.length), Math.min(treated.length, value.length));
        if (rows < 0 || rows > shortest) {
            throw new IllegalArgumentException("rows = " + rows + " outside [0, " + shortest + "]");
        }
        if (visits < 1) {
            throw new IllegalArgumentException("visits = " + visits + ", need at least 1");
        }
    }
}
