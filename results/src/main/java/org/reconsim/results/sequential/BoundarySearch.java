package org.reconsim.results.sequential;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.NoBracketingException;

/**
 * Solves for group-sequential bounds look by look, each by Brent's root finder on the
 * probabilities of {@link ContinuationDensity}: the efficacy bounds of an error-spending
 * design (Lan &amp; DeMets 1983) and the futility bounds of a beta-spending design
 * (Pampallona, Tsiatis &amp; Kim 2001) with the drift that makes its bounds meet.
 */
final class BoundarySearch {

    /** Bounds are located to this absolute accuracy in z (rpact's default tolerance is 1e-8). */
    private static final double Z_ACCURACY = 1e-12;

    private static final int MAX_EVALUATIONS = 500;

    /** Efficacy bounds are searched in {@code [-10, 40]} ({@code 1 - Phi(40) ~ 1e-350}). */
    private static final double LOWEST_BOUND = -10;
    private static final double HIGHEST_BOUND = 40;

    /** Futility bounds are searched within this many standard deviations of the mean of {@code Z_k}. */
    private static final double FUTILITY_SPAN = 20;

    /** The drift of a beta-spending design is searched in {@code [0, 10]}, widened up to this. */
    private static final double LARGEST_DRIFT = 80;

    private BoundarySearch() {
    }

    /**
     * Efficacy bounds {@code b_k} with {@code P_0(first rejection at look k)} equal to the
     * alpha spent between looks {@code k-1} and {@code k}: {@code f(alpha, t_k) -
     * f(alpha, t_{k-1})} one-sided, {@code 2 (f(alpha/2, t_k) - f(alpha/2, t_{k-1}))} for
     * {@code |Z_k| >= b_k} two-sided. A look that spends nothing gets {@code +Infinity}.
     */
    static double[] efficacyBounds(double[] t, Sidedness sides, double alpha, SpendingFunction spending) {
        int looks = t.length;
        double[] bounds = new double[looks];
        double perSide = alpha / sides.sides();
        double spentBefore = 0;
        ContinuationDensity density = ContinuationDensity.start();
        for (int k = 0; k < looks; k++) {
            double spent = sides.sides() * spending.cumulative(perSide, t[k]);
            double increment = spent - spentBefore;
            spentBefore = spent;
            double tk = t[k];
            ContinuationDensity current = density;
            DoubleUnaryOperator excess = sides == Sidedness.TWO_SIDED
                    ? b -> current.upperTail(b, tk, 0) + current.lowerTail(-b, tk, 0) - increment
                    : b -> current.upperTail(b, tk, 0) - increment;
            double low = sides == Sidedness.TWO_SIDED ? 0 : LOWEST_BOUND;
            if (!(increment > 0) || excess.applyAsDouble(HIGHEST_BOUND) >= 0) {
                bounds[k] = Double.POSITIVE_INFINITY;
            } else if (k == 0) {
                // closed form: P(Z_1 >= b) = increment per side
                bounds[k] = StandardNormal.upperQuantile(increment / sides.sides());
            } else {
                bounds[k] = root(excess, low, HIGHEST_BOUND, "efficacy bound at look " + (k + 1));
            }
            if (k < looks - 1) {
                double below = sides == Sidedness.TWO_SIDED ? -bounds[k] : Double.NEGATIVE_INFINITY;
                density = density.next(below, bounds[k], tk, 0, BoundaryCrossing.GRID_SIZE);
            }
        }
        return bounds;
    }

    /** The futility bounds of a beta-spending design and the drift they were spent under. */
    record BetaSpendingSolution(double theta, double[] futilityZ) {
    }

    /**
     * The non-binding futility bounds that spend {@code beta} along {@code spending}, given the
     * (futility-free) efficacy bounds: for a drift {@code theta}, {@code a_k} solves
     * {@code P_theta(continue to k, Z_k < a_k) = f(beta, t_k) - f(beta, t_{k-1})} with the
     * trials continuing on {@code (a_j, b_j)} at earlier looks (capped at {@code b_k}, where
     * the interval closes); {@code theta} solves
     * {@code P_theta(reach K, Z_K < b_K) = beta - f(beta, t_{K-1})}, which is where the
     * implied last futility bound {@code a_K} meets {@code b_K} (rpact's
     * {@code typeBetaSpending} with {@code bindingFutility = FALSE}). At {@code theta = 0}
     * the type II error exceeds {@code 1 - alpha > beta}, so the root lies above 0.
     */
    static BetaSpendingSolution betaSpending(double[] t, double[] efficacyZ, double beta, SpendingFunction spending) {
        int looks = t.length;
        double[] futility = new double[looks];
        DoubleUnaryOperator excess = theta -> {
            ContinuationDensity density = futilityBounds(t, efficacyZ, beta, spending, theta, futility);
            double remaining = beta - (looks == 1 ? 0 : spending.cumulative(beta, t[looks - 2]));
            return density.lowerTail(efficacyZ[looks - 1], t[looks - 1], theta) - remaining;
        };
        double high = 10;
        while (excess.applyAsDouble(high) > 0) {
            high *= 2;
            if (high > LARGEST_DRIFT) {
                throw new IllegalArgumentException("no drift up to " + LARGEST_DRIFT
                        + " gives power 1 - beta = " + (1 - beta) + " with these bounds");
            }
        }
        double theta = root(excess, 0, high, "drift of the beta-spending design");
        futilityBounds(t, efficacyZ, beta, spending, theta, futility);
        futility[looks - 1] = Double.NaN;
        return new BetaSpendingSolution(theta, futility);
    }

    /**
     * Fills {@code futility[0..K-2]} with the beta-spending bounds under {@code theta} and
     * returns the sub-density of the trials that reach the last look.
     */
    private static ContinuationDensity futilityBounds(double[] t, double[] efficacyZ, double beta,
            SpendingFunction spending, double theta, double[] futility) {
        ContinuationDensity density = ContinuationDensity.start();
        double spentBefore = 0;
        for (int k = 0; k < t.length - 1; k++) {
            double spent = spending.cumulative(beta, t[k]);
            double increment = spent - spentBefore;
            spentBefore = spent;
            double tk = t[k];
            ContinuationDensity current = density;
            DoubleUnaryOperator excess = a -> current.lowerTail(a, tk, theta) - increment;
            double mean = theta * Math.sqrt(tk);
            double low = mean - FUTILITY_SPAN;
            double high = Math.min(efficacyZ[k], mean + FUTILITY_SPAN);
            if (!(increment > 0) || excess.applyAsDouble(low) >= 0) {
                futility[k] = Double.NEGATIVE_INFINITY;
            } else if (excess.applyAsDouble(high) <= 0) {
                futility[k] = high;
            } else {
                futility[k] = root(excess, low, high, "futility bound at look " + (k + 1));
            }
            density = density.next(futility[k], efficacyZ[k], tk, theta, BoundaryCrossing.GRID_SIZE);
        }
        return density;
    }

    private static double root(DoubleUnaryOperator f, double low, double high, String what) {
        BrentSolver solver = new BrentSolver(1e-15, Z_ACCURACY, 0);
        try {
            return solver.solve(MAX_EVALUATIONS, f::applyAsDouble, low, high);
        } catch (NoBracketingException e) {
            throw new IllegalStateException("cannot bracket the " + what + " in [" + low + ", " + high + "]", e);
        }
    }
}
