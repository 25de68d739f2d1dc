package org.reconsim.results.power;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntPredicate;

import org.reconsim.results.stats.BinomialInterval;
import org.reconsim.results.stats.ProportionInterval;

/**
 * The sample size reaching a target power, found by stochastic root finding: sample-average
 * approximation (Shapiro, Dentcheva and Ruszczynski 2009, ch. 5) with bisection. The power
 * curve is estimated on one fixed set of R virtual trials (replicates 0..R-1 at every size: the
 * trial at n per arm is the first n allocation blocks of the same trial at any larger size, so
 * the estimated curve is a smooth function of n rather than noise around one), and the integer
 * root of that curve is found by bracketing (doubling from the smallest analysable size) and
 * bisection, as SimDesign's {@code SimSolve} (Chalmers 2024) solves for n, but deterministic:
 * the same scenario and seed give the same size.
 *
 * <p>The answer carries an interval from the Monte Carlo error of the R trials: {@code low} is
 * the smallest size whose power's Wilson 95% interval reaches the target (below it the target
 * is missed with 95% confidence) and {@code high} the smallest whose interval lies wholly at or
 * above it (from it on the target is met with 95% confidence); the estimate lies between them.
 * More replicates narrow it. Each bisection assumes the curve increases with n; a curve that
 * dips (CRN makes that rare) is reported as found, at the first size the bisection met above the
 * target.
 *
 * <p>The solver only decides which sizes to simulate; {@link Evaluator} simulates them, so it runs
 * on any engine and its evaluations can be cached, printed and tested.
 */
public final class SampleSizeSolver {

    /** Rejections among the R fixed trials at n patients per arm. */
    @FunctionalInterface
    public interface Evaluator {
        long rejections(int nPerArm);
    }

    /** The power estimated at one size. */
    public record Point(int nPerArm, long rejections, long replicates, ProportionInterval interval) {
        public double power() {
            return (double) rejections / replicates;
        }
    }

    /**
     * The outcome.
     *
     * @param target     target power
     * @param estimate   the smallest size whose estimated power reaches the target (empty: not reached up to the maximum)
     * @param low        the smallest size whose 95% interval reaches the target
     * @param high       the smallest size whose 95% interval lies wholly at or above it (empty: none up to the maximum)
     * @param points     every size simulated, in increasing order
     */
    public record Solution(double target, Optional<Point> estimate, Optional<Point> low, Optional<Point> high, List<Point> points) {
        public Solution {
            points = List.copyOf(points);
        }
    }

    private SampleSizeSolver() {
    }

    /**
     * Solves power(n) = target over {@code min <= n <= max}.
     *
     * @param replicates R, the trials behind each estimate
     * @throws IllegalArgumentException for a target outside (0, 1), min &lt; 1, max &lt; min or R &lt; 1
     */
    public static Solution solve(Evaluator evaluator, long replicates, double target, int min, int max) {
        if (!(target > 0 && target < 1) || min < 1 || max < min || replicates < 1) {
            throw new IllegalArgumentException("target power must be within (0, 1), sizes 1 <= min <= max and replicates >= 1; got "
                    + target + ", " + min + ".." + max + ", " + replicates);
        }
        TreeMap<Integer, Point> cache = new TreeMap<>();
        java.util.function.IntFunction<Point> at = n -> cache.computeIfAbsent(n, k -> {
            long r = evaluator.rejections(k);
            return new Point(k, r, replicates, BinomialInterval.wilson(r, replicates, 0.95));
        });
        Optional<Point> estimate = smallest(cache, at, p -> p.power() >= target, min, max);
        Optional<Point> low = smallest(cache, at, p -> p.interval().high() >= target, min, max);
        Optional<Point> high = smallest(cache, at, p -> p.interval().low() >= target, min, max);
        return new Solution(target, estimate, low, high, new ArrayList<>(cache.values()));
    }

    /**
     * The smallest n in [min, max] whose point passes {@code reached}, starting from what
     * {@code known} already holds: under monotonicity the root lies above the largest known size
     * that fails and at or below the smallest known size that passes, so the later searches (the
     * interval's ends) bisect between sizes already simulated instead of doubling from min again.
     */
    private static Optional<Point> smallest(TreeMap<Integer, Point> known, java.util.function.IntFunction<Point> at,
                                            java.util.function.Predicate<Point> reached, int min, int max) {
        Integer pass = known.values().stream().filter(reached).map(Point::nPerArm).min(Integer::compare).orElse(null);
        Integer fail = known.values().stream().filter(p -> !reached.test(p) && (pass == null || p.nPerArm() < pass))
                .map(Point::nPerArm).max(Integer::compare).orElse(null);
        int from = fail == null ? min : fail + 1;
        int to = pass == null ? max : pass;
        if (from > to) {
            return Optional.empty();
        }
        return smallest(n -> reached.test(at.apply(n)), from, to).map(at::apply);
    }

    /** The smallest n in [min, max] where {@code reached} holds, by doubling then bisection (monotone assumed). */
    static Optional<Integer> smallest(IntPredicate reached, int min, int max) {
        if (reached.test(min)) {
            return Optional.of(min);
        }
        int lo = min;
        int hi = min;
        while (true) {
            if (hi == max) {
                return Optional.empty();
            }
            lo = hi;
            hi = (int) Math.min(max, 2L * hi);
            if (reached.test(hi)) {
                break;
            }
        }
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (reached.test(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Optional.of(hi);
    }
}
