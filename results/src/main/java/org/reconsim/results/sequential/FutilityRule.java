package org.reconsim.results.sequential;

import java.util.Arrays;
import java.util.List;

/**
 * How a one-sided group-sequential design sets its non-binding futility bounds
 * {@code a_1..a_{K-1}} (stop when {@code Z_k < a_k}). Non-binding: the efficacy bounds are
 * computed as if there were none, so that the type I error stays at most alpha when the
 * futility bounds are overruled (rpact's {@code bindingFutility = FALSE}).
 */
public sealed interface FutilityRule permits FutilityRule.None, FutilityRule.BetaSpending,
        FutilityRule.FixedBounds, FutilityRule.ConditionalPower, FutilityRule.ConditionalPowerUnderTrend,
        FutilityRule.PredictiveProbability {

    /** No futility stopping. */
    static FutilityRule none() {
        return new None();
    }

    /**
     * Futility bounds that spend the type II error {@code beta} along {@code spending}
     * (Pampallona, Tsiatis &amp; Kim 2001; rpact's {@code typeBetaSpending}) under the drift
     * {@code theta} that the design solves for: {@code P_theta(stop for futility at look k)
     * = f(beta, t_k) - f(beta, t_{k-1})} for {@code k < K}, with {@code theta} such that the
     * last futility bound meets the last efficacy bound, i.e. the power at {@code theta} is
     * {@code 1 - beta} with the futility bounds obeyed.
     *
     * @throws IllegalArgumentException if {@code beta} is outside {@code (0, 0.5]}
     */
    static FutilityRule betaSpending(double beta, SpendingFunction spending) {
        return new BetaSpending(beta, spending);
    }

    /**
     * Fixed futility z bounds, one per interim look ({@code -Infinity}: no futility stop at
     * that look).
     *
     * @throws IllegalArgumentException if a bound is {@code NaN} or {@code +Infinity}
     */
    static FutilityRule fixedBounds(double... z) {
        return new FixedBounds(Arrays.stream(z).boxed().toList());
    }

    /**
     * Stop at look {@code k} when the conditional power of the final test under the fixed
     * drift {@code theta} falls below {@code threshold}. With {@code B(t) = Z(t) sqrt(t)}
     * and the final bound {@code c = b_K}, the B-value argument of Lan &amp; Wittes (1988)
     * gives {@code CP_k(z) = 1 - Phi((c - z sqrt(t_k) - theta (1 - t_k)) / sqrt(1 - t_k))},
     * hence the bound
     * <pre>  a_k = (c - theta (1 - t_k) - sqrt(1 - t_k) z_{1-threshold}) / sqrt(t_k).</pre>
     * The conditional power is that of the final look alone, later interim looks ignored.
     *
     * @throws IllegalArgumentException if {@code threshold} is outside {@code (0, 1)} or
     *                                  {@code theta} is not finite
     */
    static FutilityRule conditionalPower(double threshold, double theta) {
        return new ConditionalPower(threshold, theta);
    }

    /**
     * As {@link #conditionalPower(double, double)} under the current trend
     * {@code theta = z / sqrt(t_k)} (the drift estimated at the look):
     * {@code CP_k(z) = 1 - Phi((c - z / sqrt(t_k)) / sqrt(1 - t_k))}, hence
     * <pre>  a_k = sqrt(t_k) (c - sqrt(1 - t_k) z_{1-threshold}).</pre>
     *
     * @throws IllegalArgumentException if {@code threshold} is outside {@code (0, 1)}
     */
    static FutilityRule conditionalPowerUnderTrend(double threshold) {
        return new ConditionalPowerUnderTrend(threshold);
    }

    /**
     * Stop at look {@code k} when the Bayesian predictive probability that the final test
     * rejects, under a flat prior on the drift, falls below {@code threshold} (Spiegelhalter,
     * Freedman &amp; Blackburn 1986; Jennison &amp; Turnbull 2000, ch. 10). With
     * {@code B(t) = Z(t) sqrt(t)}, the flat prior gives the posterior
     * {@code theta | Z_k = z ~ N(z / sqrt(t_k), 1 / t_k)}, so the final
     * {@code B(1) = B(t_k) + N(theta (1 - t_k), 1 - t_k)} is predicted as
     * {@code N(z / sqrt(t_k), (1 - t_k) / t_k)} and, with the final bound {@code c = b_K},
     * <pre>  PP_k(z) = Phi((z - c sqrt(t_k)) / sqrt(1 - t_k)),   a_k = c sqrt(t_k) - sqrt(1 - t_k) z_{1-threshold}.</pre>
     * As for conditional power, later interim looks are ignored.
     *
     * @throws IllegalArgumentException if {@code threshold} is outside {@code (0, 1)}
     */
    static FutilityRule predictiveProbability(double threshold) {
        return new PredictiveProbability(threshold);
    }

    /** See {@link #none()}. */
    record None() implements FutilityRule {
    }

    /** See {@link #betaSpending(double, SpendingFunction)}. */
    record BetaSpending(double beta, SpendingFunction spending) implements FutilityRule {

        public BetaSpending {
            if (!(beta > 0 && beta <= 0.5)) {
                throw new IllegalArgumentException("beta " + beta + " outside (0, 0.5]");
            }
            if (spending == null) {
                throw new IllegalArgumentException("beta spending needs a spending function");
            }
        }
    }

    /** See {@link #fixedBounds(double...)}. */
    record FixedBounds(List<Double> z) implements FutilityRule {

        public FixedBounds {
            z = List.copyOf(z);
            for (int k = 0; k < z.size(); k++) {
                if (z.get(k).isNaN() || z.get(k) == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("futility bound at look " + (k + 1) + " is " + z.get(k)
                            + "; use -Infinity for no futility stop");
                }
            }
        }
    }

    /** See {@link #conditionalPower(double, double)}. */
    record ConditionalPower(double threshold, double theta) implements FutilityRule {

        public ConditionalPower {
            checkThreshold(threshold);
            if (!Double.isFinite(theta)) {
                throw new IllegalArgumentException("drift for conditional power must be finite, not " + theta);
            }
        }
    }

    /** See {@link #conditionalPowerUnderTrend(double)}. */
    record ConditionalPowerUnderTrend(double threshold) implements FutilityRule {

        public ConditionalPowerUnderTrend {
            checkThreshold(threshold);
        }
    }

    /** See {@link #predictiveProbability(double)}. */
    record PredictiveProbability(double threshold) implements FutilityRule {

        public PredictiveProbability {
            checkThreshold(threshold);
        }
    }

    private static void checkThreshold(double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("conditional power threshold " + threshold + " outside (0, 1)");
        }
    }
}
