package org.reconsim.results.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted {@link Mmrm}: the baseline-adjusted treatment contrast at each post-baseline visit
 * with its Satterthwaite test, the REML estimate of the unstructured covariance and the REML
 * criterion; or, when the data cannot support the model, an undefined fit that says why.
 * Immutable.
 */
public final class MmrmFit {

    private final int visits;
    private final int subjects;
    private final int observations;
    private final double[] estimate;
    private final double[] stdError;
    private final double[] df;
    /** Row-major V x V. */
    private final double[] covariance;
    private final double remlCriterion;
    private final int iterations;
    private final String reason;

    MmrmFit(int visits, int subjects, int observations, double[] estimate, double[] stdError, double[] df,
            double[] covariance, double remlCriterion, int iterations) {
        this.visits = visits;
        this.subjects = subjects;
        this.observations = observations;
        this.estimate = estimate;
        this.stdError = stdError;
        this.df = df;
        this.covariance = covariance;
        this.remlCriterion = remlCriterion;
        this.iterations = iterations;
        this.reason = "";
    }

    private MmrmFit(int visits, String reason) {
        double[] nan = new double[visits];
        Arrays.fill(nan, Double.NaN);
        double[] nanSquare = new double[visits * visits];
        Arrays.fill(nanSquare, Double.NaN);
        this.visits = visits;
        this.subjects = 0;
        this.observations = 0;
        this.estimate = nan;
        this.stdError = nan;
        this.df = nan;
        this.covariance = nanSquare;
        this.remlCriterion = Double.NaN;
        this.iterations = 0;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** A fit the data cannot support: every number NaN, every test undefined, and why. */
    static MmrmFit undefined(int visits, String reason) {
        return new MmrmFit(visits, reason);
    }

    /** Whether the model could be fitted. */
    public boolean isDefined() {
        return reason.isEmpty();
    }

    /** Why the fit is undefined (too few subjects, no convergence, ...); empty when it is defined. */
    public String reason() {
        return reason;
    }

    /** Number of post-baseline visits V. */
    public int visits() {
        return visits;
    }

    /** Subjects in the fit (a baseline and at least one post-baseline value); 0 when undefined. */
    public int subjects() {
        return subjects;
    }

    /** Post-baseline values in the fit; 0 when undefined. */
    public int observations() {
        return observations;
    }

    /**
     * Test of the treatment contrast at post-baseline visit {@code visit} (0-based),
     * {@code beta_j}, treated minus control adjusted for baseline:
     * <pre>
     *   se = sqrt([(X' V^-1 X)^-1]_jj)          at the REML Sigma
     *   df = 2 se^4 / (g' A g)                   Satterthwaite: g = d se^2 / d theta, A = 2 H^-1
     *   t  = estimate / se,  p two-sided from t(df)
     * </pre>
     * with {@code H} the observed Hessian of the REML criterion in the covariance parameters.
     *
     * @return the test; {@link TestResult#undefined()} when the fit is undefined
     * @throws IllegalArgumentException if {@code visit} is outside {@code [0, visits)}
     */
    public TestResult treatmentEffect(int visit) {
        checkVisit(visit);
        double t = estimate[visit] / stdError[visit];
        if (!isDefined() || Double.isNaN(t) || !(df[visit] > 0) || Double.isInfinite(df[visit])) {
            return TestResult.undefined();
        }
        return new TestResult(estimate[visit], stdError[visit], df[visit], t, StudentT.twoSidedPValue(t, df[visit]));
    }

    /** The REML estimate of Sigma between post-baseline visits {@code i} and {@code j}; NaN when undefined. */
    public double covariance(int i, int j) {
        checkVisit(i);
        checkVisit(j);
        return covariance[i * visits + j];
    }

    /** The REML criterion at the optimum, {@code -2} times the restricted log-likelihood, as nlme's {@code -2 logLik}. */
    public double remlCriterion() {
        return remlCriterion;
    }

    /** Newton iterations the fit took; 0 when undefined. */
    public int iterations() {
        return iterations;
    }

    private void checkVisit(int visit) {
        if (visit < 0 || visit >= visits) {
            throw new IllegalArgumentException("visit " + visit + " outside [0, " + visits + ")");
        }
    }

    @Override
    public String toString() {
        return isDefined()
                ? "MmrmFit[visits=" + visits + ", subjects=" + subjects + ", observations=" + observations
                        + ", remlCriterion=" + remlCriterion + ", iterations=" + iterations + "]"
                : "MmrmFit[undefined: " + reason + "]";
    }
}
