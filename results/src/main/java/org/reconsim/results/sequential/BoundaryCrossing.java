package org.reconsim.results.sequential;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Boundary-crossing probabilities of given group-sequential bounds under a drift, by the
 * recursive numerical integration of {@link ContinuationDensity} (Jennison &amp; Turnbull
 * 2000, ch. 19): at look {@code k}, with {@code h_{k-1}} the sub-density of the trials still
 * running,
 * <pre>
 *   P(reject upper at k) = integral h_{k-1}(y) (1 - Phi((b_k sqrt(t_k) - y sqrt(t_{k-1}) - theta D_k) / sqrt(D_k))) dy
 *   P(futility at k)     = integral h_{k-1}(y) Phi((a_k sqrt(t_k) - y sqrt(t_{k-1}) - theta D_k) / sqrt(D_k)) dy
 * </pre>
 * and the trials continue on {@code (a_k, b_k)} ({@code (-b_k, b_k)} two-sided).
 */
public final class BoundaryCrossing {

    /**
     * Grid size parameter {@code r} of Jennison &amp; Turnbull (2000, sec. 19.2), who find
     * {@code r = 16} accurate to about {@code 1e-6}; twice that costs 4 times the work and
     * leaves the quadrature error well below the {@code 1e-8} tolerance of rpact's own bounds.
     */
    static final int GRID_SIZE = 32;

    private BoundaryCrossing() {
    }

    /**
     * The stopping probabilities at every look under drift {@code theta}, the futility bounds
     * obeyed, and the cumulative type I error of the efficacy bounds alone (futility
     * ignored, as non-binding futility is).
     *
     * @param informationFractions {@code t_1 < ... < t_K = 1}
     * @param sides                one- or two-sided efficacy bounds
     * @param efficacyZ            {@code b_1..b_K}; {@code +Infinity} for no efficacy stop
     * @param futilityZ            {@code a_1..a_K}, or {@code null} for none; {@code NaN} or
     *                             {@code -Infinity} where there is none; the last is ignored
     * @param theta                the drift: {@code Z_k ~ N(theta sqrt(t_k), 1)}
     * @throws IllegalArgumentException if the fractions are not increasing in {@code (0, 1]}
     *                                  ending at 1, the arrays have other lengths, a bound is
     *                                  NaN, a futility bound is above its efficacy bound,
     *                                  a two-sided design has futility bounds, or
     *                                  {@code theta} is not finite
     */
    public static OperatingCharacteristics probabilities(double[] informationFractions, Sidedness sides,
            double[] efficacyZ, double[] futilityZ, double theta) {
        checkFractions(informationFractions);
        int looks = informationFractions.length;
        double[] futility = checkBounds(looks, sides, efficacyZ, futilityZ);
        if (!Double.isFinite(theta)) {
            throw new IllegalArgumentException("drift " + theta + " is not finite");
        }
        return probabilities(informationFractions, sides, efficacyZ, futility, theta,
                cumulativeTypeOneError(informationFractions, sides, efficacyZ));
    }

    /**
     * As the public method, for checked bounds ({@code -Infinity} for no futility) and the
     * cumulative type I error already known.
     */
    static OperatingCharacteristics probabilities(double[] informationFractions, Sidedness sides,
            double[] efficacyZ, double[] futility, double theta, double[] alphaSpent) {
        int looks = informationFractions.length;
        List<Stage> stages = new ArrayList<>(looks);
        ContinuationDensity density = ContinuationDensity.start();
        for (int k = 0; k < looks; k++) {
            double t = informationFractions[k];
            double b = efficacyZ[k];
            double upper = density.upperTail(b, t, theta);
            double lower = sides == Sidedness.TWO_SIDED ? density.lowerTail(-b, t, theta) : 0;
            boolean last = k == looks - 1;
            double a = last || sides == Sidedness.TWO_SIDED ? Double.NEGATIVE_INFINITY : futility[k];
            double stopFutility = last ? 0 : density.lowerTail(a, t, theta);
            stages.add(new Stage(k + 1, t, b, last || a == Double.NEGATIVE_INFINITY ? Double.NaN : a,
                    alphaSpent[k], density.mass(), upper, lower, stopFutility));
            if (!last) {
                double continueAbove = sides == Sidedness.TWO_SIDED ? -b : a;
                density = density.next(continueAbove, b, t, theta, GRID_SIZE);
            }
        }
        return new OperatingCharacteristics(theta, stages);
    }

    /** Cumulative {@code P_0(reject by look k)} of the efficacy bounds alone. */
    static double[] cumulativeTypeOneError(double[] informationFractions, Sidedness sides, double[] efficacyZ) {
        int looks = informationFractions.length;
        double[] spent = new double[looks];
        double cumulative = 0;
        ContinuationDensity density = ContinuationDensity.start();
        for (int k = 0; k < looks; k++) {
            double t = informationFractions[k];
            double b = efficacyZ[k];
            cumulative += density.upperTail(b, t, 0);
            if (sides == Sidedness.TWO_SIDED) {
                cumulative += density.lowerTail(-b, t, 0);
            }
            spent[k] = cumulative;
            if (k < looks - 1) {
                double below = sides == Sidedness.TWO_SIDED ? -b : Double.NEGATIVE_INFINITY;
                density = density.next(below, b, t, 0, GRID_SIZE);
            }
        }
        return spent;
    }

    /** Checks {@code 0 < t_1 < ... < t_K = 1}. */
    static void checkFractions(double[] t) {
        if (t == null || t.length == 0) {
            throw new IllegalArgumentException("a design needs at least one information fraction");
        }
        for (int k = 0; k < t.length; k++) {
            double previous = k == 0 ? 0 : t[k - 1];
            if (!(t[k] > previous && t[k] <= 1)) {
                throw new IllegalArgumentException("information fraction " + t[k] + " at look " + (k + 1)
                        + " is not in (" + previous + ", 1]: fractions must increase");
            }
        }
        if (t[t.length - 1] != 1) {
            throw new IllegalArgumentException("the last information fraction must be 1, not " + t[t.length - 1]);
        }
    }

    /** The futility bounds with {@code NaN} read as none ({@code -Infinity}), after the checks. */
    private static double[] checkBounds(int looks, Sidedness sides, double[] efficacyZ, double[] futilityZ) {
        if (sides == null) {
            throw new IllegalArgumentException("sidedness missing");
        }
        if (efficacyZ == null || efficacyZ.length != looks) {
            throw new IllegalArgumentException("need " + looks + " efficacy bounds, got "
                    + (efficacyZ == null ? "none" : efficacyZ.length));
        }
        for (int k = 0; k < looks; k++) {
            if (Double.isNaN(efficacyZ[k]) || (sides == Sidedness.TWO_SIDED && efficacyZ[k] < 0)) {
                throw new IllegalArgumentException("efficacy bound " + efficacyZ[k] + " at look " + (k + 1)
                        + (sides == Sidedness.TWO_SIDED ? " is not a non-negative number" : " is not a number"));
            }
        }
        double[] futility = new double[looks];
        Arrays.fill(futility, Double.NEGATIVE_INFINITY);
        if (futilityZ == null) {
            return futility;
        }
        if (futilityZ.length != looks) {
            throw new IllegalArgumentException("need " + looks + " futility bounds (the last ignored), got "
                    + futilityZ.length);
        }
        for (int k = 0; k < looks - 1; k++) {
            if (Double.isNaN(futilityZ[k]) || futilityZ[k] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            if (sides == Sidedness.TWO_SIDED) {
                throw new IllegalArgumentException("futility bounds are supported for one-sided designs only");
            }
            // a_k = b_k is allowed: every trial stops at look k (a capped beta-spending bound)
            if (futilityZ[k] > efficacyZ[k]) {
                throw new IllegalArgumentException("futility bound " + futilityZ[k] + " at look " + (k + 1)
                        + " is above the efficacy bound " + efficacyZ[k]);
            }
            futility[k] = futilityZ[k];
        }
        return futility;
    }
}
