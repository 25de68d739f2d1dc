package org.reconsim.results.sequential;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * A group-sequential design for a normal test statistic with looks at information fractions
 * {@code t_1 < ... < t_K = 1}: error-spending efficacy bounds (Lan &amp; DeMets 1983) and
 * optional non-binding futility bounds, computed by recursive numerical integration
 * (Jennison &amp; Turnbull 2000, ch. 19; see {@link BoundaryCrossing}), as rpact's
 * {@code getDesignGroupSequential} (Wassmer &amp; Pahlke) computes them with
 * {@code bindingFutility = FALSE}.
 *
 * <p>The z statistic at look {@code k} has {@code Z_k ~ N(theta sqrt(t_k), 1)}, where the
 * drift {@code theta} is the mean of the final z statistic: for a two-arm comparison of means
 * with {@code n} patients per arm at the last look, {@code theta = delta / (sigma sqrt(2 / n))}.
 * Instances are immutable.
 */
public final class GroupSequentialDesign {

    private final double[] informationFractions;
    private final Sidedness sides;
    private final double alpha;
    private final SpendingFunction efficacySpending;
    private final FutilityRule futilityRule;
    private final double[] efficacyZ;
    private final double[] futilityZ;
    private final double betaSpendingDrift;
    /** The futility bounds with -Infinity for none, as {@link BoundaryCrossing} takes them. */
    private final double[] futilityOrNone;
    /** Cumulative type I error of the efficacy bounds by the quadrature, computed once. */
    private final double[] typeOneError;

    private GroupSequentialDesign(double[] informationFractions, Sidedness sides, double alpha,
            SpendingFunction efficacySpending, FutilityRule futilityRule, double[] efficacyZ, double[] futilityZ,
            double betaSpendingDrift) {
        this.informationFractions = informationFractions;
        this.sides = sides;
        this.alpha = alpha;
        this.efficacySpending = efficacySpending;
        this.futilityRule = futilityRule;
        this.efficacyZ = efficacyZ;
        this.futilityZ = futilityZ;
        this.betaSpendingDrift = betaSpendingDrift;
        this.futilityOrNone = Arrays.stream(futilityZ).map(a -> Double.isNaN(a) ? Double.NEGATIVE_INFINITY : a)
                .toArray();
        this.typeOneError = BoundaryCrossing.cumulativeTypeOneError(informationFractions, sides, efficacyZ);
    }

    /** An efficacy-only design: see {@link #of(double[], Sidedness, double, SpendingFunction, FutilityRule)}. */
    public static GroupSequentialDesign of(double[] informationFractions, Sidedness sides, double alpha,
            SpendingFunction efficacySpending) {
        return of(informationFractions, sides, alpha, efficacySpending, FutilityRule.none());
    }

    /**
     * The design with efficacy bounds that spend {@code alpha} along {@code efficacySpending}
     * (ignoring futility) and futility bounds set by {@code futility}.
     *
     * @param informationFractions {@code 0 < t_1 < ... < t_K = 1}
     * @param sides                one-sided level {@code alpha}, or two-sided level {@code alpha}
     *                             spending {@code alpha / 2} on each side
     * @param alpha                the type I error, in {@code (0, 0.5)}
     * @param efficacySpending     the alpha-spending function
     * @param futility             the futility rule; other than {@link FutilityRule#none()} only
     *                             for one-sided designs
     * @throws IllegalArgumentException if a parameter is out of range, a two-sided design is
     *                                  given a futility rule, fixed futility bounds are not one
     *                                  per interim look, or a futility bound is not below its
     *                                  efficacy bound
     */
    public static GroupSequentialDesign of(double[] informationFractions, Sidedness sides, double alpha,
            SpendingFunction efficacySpending, FutilityRule futility) {
        BoundaryCrossing.checkFractions(informationFractions);
        double[] t = informationFractions.clone();
        if (sides == null) {
            throw new IllegalArgumentException("sidedness missing");
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha " + alpha + " outside (0, 0.5)");
        }
        if (efficacySpending == null) {
            throw new IllegalArgumentException("efficacy spending function missing");
        }
        if (futility == null) {
            throw new IllegalArgumentException("futility rule missing: use FutilityRule.none()");
        }
        if (sides == Sidedness.TWO_SIDED && !(futility instanceof FutilityRule.None)) {
            throw new IllegalArgumentException("futility bounds are supported for one-sided designs only");
        }
        int looks = t.length;
        double[] efficacy = BoundarySearch.efficacyBounds(t, sides, alpha, efficacySpending);
        double[] futilityBounds = new double[looks];
        Arrays.fill(futilityBounds, Double.NaN);
        double drift = Double.NaN;
        double last = efficacy[looks - 1];
        if (futility instanceof FutilityRule.BetaSpending beta) {
            BoundarySearch.BetaSpendingSolution solution =
                    BoundarySearch.betaSpending(t, efficacy, beta.beta(), beta.spending());
            futilityBounds = solution.futilityZ();
            drift = solution.theta();
        } else if (futility instanceof FutilityRule.FixedBounds fixed) {
            if (fixed.z().size() != looks - 1) {
                throw new IllegalArgumentException("need " + (looks - 1) + " fixed futility bounds, one per interim"
                        + " look, got " + fixed.z().size());
            }
            for (int k = 0; k < looks - 1; k++) {
                futilityBounds[k] = fixed.z().get(k);
            }
        } else if (futility instanceof FutilityRule.ConditionalPower cp) {
            double quantile = StandardNormal.upperQuantile(cp.threshold());
            for (int k = 0; k < looks - 1; k++) {
                double rest = 1 - t[k];
                futilityBounds[k] = (last - cp.theta() * rest - Math.sqrt(rest) * quantile) / Math.sqrt(t[k]);
            }
        } else if (futility instanceof FutilityRule.ConditionalPowerUnderTrend cp) {
            double quantile = StandardNormal.upperQuantile(cp.threshold());
            for (int k = 0; k < looks - 1; k++) {
                futilityBounds[k] = Math.sqrt(t[k]) * (last - Math.sqrt(1 - t[k]) * quantile);
            }
        } else if (futility instanceof FutilityRule.PredictiveProbability pp) {
            double quantile = StandardNormal.upperQuantile(pp.threshold());
            for (int k = 0; k < looks - 1; k++) {
                futilityBounds[k] = last * Math.sqrt(t[k]) - Math.sqrt(1 - t[k]) * quantile;
            }
        }
        for (int k = 0; k < looks - 1; k++) {
            if (futilityBounds[k] == Double.NEGATIVE_INFINITY) {
                futilityBounds[k] = Double.NaN;
            }
            if (!(futility instanceof FutilityRule.BetaSpending) && futilityBounds[k] >= efficacy[k]) {
                throw new IllegalArgumentException("futility bound " + futilityBounds[k] + " at look " + (k + 1)
                        + " is not below the efficacy bound " + efficacy[k]);
            }
        }
        return new GroupSequentialDesign(t, sides, alpha, efficacySpending, futility, efficacy, futilityBounds, drift);
    }

    /** Number of looks {@code K}. */
    public int looks() {
        return informationFractions.length;
    }

    /** {@code t_1..t_K}. */
    public double[] informationFractions() {
        return informationFractions.clone();
    }

    public Sidedness sides() {
        return sides;
    }

    /** The type I error, one-sided or two-sided as {@link #sides()}. */
    public double alpha() {
        return alpha;
    }

    public SpendingFunction efficacySpending() {
        return efficacySpending;
    }

    public FutilityRule futilityRule() {
        return futilityRule;
    }

    /** Efficacy bounds {@code b_1..b_K} on the z scale (two-sided: reject when {@code |Z_k| >= b_k}). */
    public double[] efficacyBounds() {
        return efficacyZ.clone();
    }

    /**
     * Non-binding futility bounds {@code a_1..a_K} on the z scale (stop when {@code Z_k < a_k});
     * {@code NaN} where there is none, always at the last look. A beta-spending bound whose
     * spending would need {@code a_k > b_k} is {@code b_k}: the trial then stops at look
     * {@code k} whatever it sees.
     */
    public double[] futilityBounds() {
        return futilityZ.clone();
    }

    /**
     * The one-sided nominal level of each efficacy bound, {@code 1 - Phi(b_k)}: the p-value
     * at or below which look {@code k} rejects (per side for a two-sided design).
     */
    public double[] nominalLevels() {
        return Arrays.stream(efficacyZ).map(StandardNormal::upperTail).toArray();
    }

    /**
     * The cumulative alpha the spending function allots by each look, {@code f(alpha, t_k)}
     * one-sided, {@code 2 f(alpha / 2, t_k)} two-sided; the bounds spend exactly this.
     */
    public double[] cumulativeAlphaSpent() {
        double perSide = alpha / sides.sides();
        return Arrays.stream(informationFractions).map(t -> sides.sides() * efficacySpending.cumulative(perSide, t))
                .toArray();
    }

    /**
     * For a beta-spending futility rule, the drift {@code theta} under which the futility
     * bounds spend {@code beta}; the power there is {@code 1 - beta} (rpact's {@code shift} is
     * its square). Empty for other rules.
     */
    public OptionalDouble betaSpendingDrift() {
        return Double.isNaN(betaSpendingDrift) ? OptionalDouble.empty() : OptionalDouble.of(betaSpendingDrift);
    }

    /** The stopping probabilities at every look under drift {@code theta}, futility obeyed. */
    public OperatingCharacteristics operatingCharacteristics(double theta) {
        if (!Double.isFinite(theta)) {
            throw new IllegalArgumentException("drift " + theta + " is not finite");
        }
        return BoundaryCrossing.probabilities(informationFractions, sides, efficacyZ, futilityOrNone, theta,
                typeOneError);
    }

    /** Shorthand for {@code operatingCharacteristics(theta).stages()}. */
    public List<Stage> stages(double theta) {
        return operatingCharacteristics(theta).stages();
    }

    /**
     * The drift at which the design has the given power, {@code P_theta(reject with
     * Z_k >= b_k at some look)}, the futility bounds obeyed (rpact's design characteristics).
     *
     * @throws IllegalArgumentException if {@code power} is not between the upper rejection
     *                                  probability at {@code theta = 0} and 1
     */
    public double driftForPower(double power) {
        double atZero = operatingCharacteristics(0).upperRejectionProbability();
        if (!(power > atZero && power < 1)) {
            throw new IllegalArgumentException("power " + power + " outside (" + atZero + ", 1)");
        }
        DoubleUnaryOperator shortfall = theta -> operatingCharacteristics(theta).upperRejectionProbability() - power;
        double high = 10;
        while (shortfall.applyAsDouble(high) < 0) {
            high *= 2;
            if (high > 80) {
                throw new IllegalArgumentException("no drift up to 80 reaches power " + power);
            }
        }
        return new BrentSolver(1e-15, 1e-12, 0).solve(500, shortfall::applyAsDouble, 0, high);
    }

    /**
     * The maximum-information inflation factor
     * {@code R = (theta_power / (z_{1-alpha/s} + z_{power}))^2}, {@code s} the number of
     * sides: the maximum sample size of the design relative to the fixed-sample design with
     * the same power (Jennison &amp; Turnbull 2000, sec. 2.4).
     */
    public double inflationFactor(double power) {
        double fixed = StandardNormal.upperQuantile(alpha / sides.sides()) + StandardNormal.upperQuantile(1 - power);
        double ratio = driftForPower(power) / fixed;
        return ratio * ratio;
    }

    @Override
    public String toString() {
        return "GroupSequentialDesign[t=" + Arrays.toString(informationFractions) + ", " + sides + ", alpha=" + alpha
                + ", " + efficacySpending + ", " + futilityRule + ", efficacy=" + Arrays.toString(efficacyZ)
                + ", futility=" + Arrays.toString(futilityZ) + "]";
    }
}
