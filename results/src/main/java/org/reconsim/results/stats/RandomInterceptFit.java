package org.reconsim.results.stats;

import java.util.Arrays;

/**
 * A fitted {@link RandomInterceptModel}: fixed effects, variance components, REML
 * criterion, and the test of the arm effect at each visit. Immutable.
 */
public final class RandomInterceptFit {

    private final int visits;
    private final int observations;
    private final int subjects;
    /** [a * V + v], fitted mean of arm a (1 = treated) at visit v. */
    private final double[] cellMeans;
    private final double[] armEffect;
    private final double[] stdError;
    private final double[] df;
    private final VarianceComponents variance;
    private final double remlCriterion;
    /** Why the fit is undefined; null when it is defined. */
    private final UndefinedReason reason;

    RandomInterceptFit(int visits, int observations, int subjects, double[] cellMeans, double[] armEffect,
            double[] stdError, double[] df, VarianceComponents variance, double remlCriterion) {
        this(visits, observations, subjects, cellMeans, armEffect, stdError, df, variance, remlCriterion, null);
    }

    private RandomInterceptFit(int visits, int observations, int subjects, double[] cellMeans, double[] armEffect,
            double[] stdError, double[] df, VarianceComponents variance, double remlCriterion, UndefinedReason reason) {
        this.reason = reason;
        this.visits = visits;
        this.observations = observations;
        this.subjects = subjects;
        this.cellMeans = cellMeans;
        this.armEffect = armEffect;
        this.stdError = stdError;
        this.df = df;
        this.variance = variance;
        this.remlCriterion = remlCriterion;
    }

    /** A fit the data cannot support, for {@code reason}: every number NaN, every test undefined for that reason. */
    static RandomInterceptFit undefined(int visits, UndefinedReason reason) {
        double[] nan = new double[2 * visits];
        Arrays.fill(nan, Double.NaN);
        double[] nanPerVisit = Arrays.copyOf(nan, visits);
        return new RandomInterceptFit(visits, 0, 0, nan, nanPerVisit, nanPerVisit, nanPerVisit,
                new VarianceComponents(Double.NaN, Double.NaN), Double.NaN, java.util.Objects.requireNonNull(reason, "reason"));
    }

    /** Whether the model could be fitted. */
    public boolean isDefined() {
        return reason == null && !Double.isNaN(remlCriterion);
    }

    /** Why the model could not be fitted; null when it was. */
    public UndefinedReason reason() {
        return isDefined() ? null : reason == null ? UndefinedReason.UNSPECIFIED : reason;
    }

    /** Number of visit levels V. */
    public int visits() {
        return visits;
    }

    /** Rows used (non-missing values); 0 when undefined. */
    public int observations() {
        return observations;
    }

    /** Subjects with at least one value; 0 when undefined. */
    public int subjects() {
        return subjects;
    }

    /**
     * Test of the arm effect (treated minus control) at a visit, the arm coefficient plus the
     * arm x visit interaction at that visit ({@code visit = 0}: the arm coefficient alone):
     * <pre>
     *   estimate = mu[treated][v] - mu[control][v]
     *   se       = sqrt(c' Var(beta) c),   Var(beta) = sigma_e^2 (X' H^-1 X)^-1
     *   df       = 2 (c' Var(beta) c)^2 / (g' A g)   (Satterthwaite, as lmerTest)
     *   t        = estimate / se,  p two-sided from t(df)
     * </pre>
     * where {@code g} is the gradient of {@code c' Var(beta) c} in {@code (theta, sigma_e)} and
     * {@code A} their asymptotic covariance (twice the inverse Hessian of the REML deviance).
     *
     * @return the test; undefined for the fit's {@link #reason()} when the fit is undefined, and
     *         {@link UndefinedReason#NO_DEGREES_OF_FREEDOM} when the Satterthwaite df is not positive and finite
     * @throws IllegalArgumentException if {@code visit} is outside {@code [0, visits)}
     */
    public TestResult armEffect(int visit) {
        checkVisit(visit);
        if (!isDefined()) {
            return TestResult.undefined(reason());
        }
        double t = armEffect[visit] / stdError[visit];
        if (Double.isNaN(t)) {
            return TestResult.undefined(UndefinedReason.NO_RESIDUAL_VARIANCE);
        }
        if (!(df[visit] > 0) || Double.isInfinite(df[visit])) {
            return TestResult.undefined(UndefinedReason.NO_DEGREES_OF_FREEDOM);
        }
        return new TestResult(armEffect[visit], stdError[visit], df[visit], t, StudentT.twoSidedPValue(t, df[visit]));
    }

    /**
     * Fitted (model-based) mean of an arm at a visit, {@code mu[arm][visit]}; {@code NaN} when undefined.
     *
     * @throws IllegalArgumentException if {@code visit} is outside {@code [0, visits)}
     */
    public double mean(boolean treated, int visit) {
        checkVisit(visit);
        return cellMeans[(treated ? visits : 0) + visit];
    }

    /**
     * Fixed effects in lme4's order and treatment contrasts: intercept (control, visit 0),
     * arm, visit 1 .. V-1, arm x visit 1 .. V-1. A new array on each call.
     */
    public double[] fixedEffects() {
        double[] beta = new double[2 * visits];
        double control0 = cellMeans[0];
        double treated0 = cellMeans[visits];
        beta[0] = control0;
        beta[1] = treated0 - control0;
        for (int v = 1; v < visits; v++) {
            beta[1 + v] = cellMeans[v] - control0;
            beta[visits + v] = (cellMeans[visits + v] - treated0) - (cellMeans[v] - control0);
        }
        return beta;
    }

    /** REML estimates of the variance components; NaN when undefined. A subject variance of 0 is a boundary (singular) fit. */
    public VarianceComponents varianceComponents() {
        return variance;
    }

    /** The REML criterion at the optimum, {@code -2} times the restricted log-likelihood, as lme4's {@code REMLcrit}. */
    public double remlCriterion() {
        return remlCriterion;
    }

    private void checkVisit(int visit) {
        if (visit < 0 || visit >= visits) {
            throw new IllegalArgumentException("visit " + visit + " outside [0, " + visits + ")");
        }
    }

    @Override
    public String toString() {
        if (!isDefined()) {
            return "RandomInterceptFit[visits=" + visits + ", undefined: " + reason().code() + "]";
        }
        return "RandomInterceptFit[visits=" + visits + ", observations=" + observations + ", subjects=" + subjects
                + ", variance=" + variance + ", remlCriterion=" + remlCriterion + "]";
    }
}
