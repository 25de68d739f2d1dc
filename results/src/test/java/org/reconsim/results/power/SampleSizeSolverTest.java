package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.reconsim.models.population.StandardNormal;

/**
 * The solver on a trial whose power is known in closed form: a two-arm z test of a standardized
 * effect d with n per arm has power Phi(d sqrt(n/2) - z_{0.975}) (ignoring the far tail). Trials
 * are simulated with common random numbers exactly as the engine does: trial r at n is the first
 * n patients of trial r at any larger size.
 */
class SampleSizeSolverTest {

    private static final double D = 0.5;
    private static final int R = 4000;
    private static final int MAX_N = 400;

    /** Per trial, the running sums of the two arms' unit-variance outcomes, patient by patient. */
    private static final double[][] TREATED = new double[R][MAX_N];
    private static final double[][] CONTROL = new double[R][MAX_N];

    static {
        SplittableRandom rng = new SplittableRandom(20261202);
        for (int r = 0; r < R; r++) {
            double t = 0;
            double c = 0;
            for (int i = 0; i < MAX_N; i++) {
                t += StandardNormal.quantile(open(rng)) + D;
                c += StandardNormal.quantile(open(rng));
                TREATED[r][i] = t;
                CONTROL[r][i] = c;
            }
        }
    }

    private static double open(SplittableRandom rng) {
        return (rng.nextLong(1L << 53) + 0.5) / (1L << 53);
    }

    private static long rejections(int n) {
        long k = 0;
        for (int r = 0; r < R; r++) {
            double diff = (TREATED[r][n - 1] - CONTROL[r][n - 1]) / n;
            if (Math.abs(diff / Math.sqrt(2.0 / n)) > 1.959963984540054) {
                k++;
            }
        }
        return k;
    }

    private static double analyticPower(int n) {
        return 0.5 * org.apache.commons.numbers.gamma.Erfc.value(-(D * Math.sqrt(n / 2.0) - 1.959963984540054) / Math.sqrt(2));
    }

    @Test
    void theSizeReachesTheTargetAndItsIntervalBracketsTheAnalyticRoot() {
        int[] calls = {0};
        SampleSizeSolver.Solution s = SampleSizeSolver.solve(n -> {
            calls[0]++;
            return rejections(n);
        }, R, 0.8, 2, MAX_N);
        // analytic: n = 2 ((z_0.975 + z_0.8) / d)^2 = 62.79, so 63 per arm
        int analytic = 2;
        while (analyticPower(analytic) < 0.8) {
            analytic++;
        }
        assertThat(analytic).isEqualTo(63);
        int n = s.estimate().orElseThrow().nPerArm();
        int low = s.low().orElseThrow().nPerArm();
        int high = s.high().orElseThrow().nPerArm();
        assertThat(low).isLessThanOrEqualTo(n).isLessThanOrEqualTo(analytic);
        assertThat(high).isGreaterThanOrEqualTo(n).isGreaterThanOrEqualTo(analytic);
        // the simulated power at the size found brackets the target within its interval
        SampleSizeSolver.Point at = s.estimate().orElseThrow();
        assertThat(at.power()).isGreaterThanOrEqualTo(0.8);
        assertThat(at.interval().low()).isLessThanOrEqualTo(0.8 + 0.02);
        // with 4000 trials the interval spans a few patients, and the search needed few sizes
        assertThat(high - low).isLessThanOrEqualTo(12);
        assertThat(calls[0]).isEqualTo(s.points().size()).isLessThanOrEqualTo(30);
    }

    @Test
    void aTargetBeyondTheLargestSizeIsReportedAsNotReached() {
        SampleSizeSolver.Solution s = SampleSizeSolver.solve(SampleSizeSolverTest::rejections, R, 0.99, 2, 40);
        assertThat(s.estimate()).isEmpty();
        assertThat(s.high()).isEmpty();
        assertThat(s.points().get(s.points().size() - 1).nPerArm()).isEqualTo(40);
    }

    @Test
    void theSmallestSizeIsReturnedWhenItAlreadyReachesTheTarget() {
        SampleSizeSolver.Solution s = SampleSizeSolver.solve(n -> R, R, 0.8, 5, 100);
        assertThat(s.estimate().orElseThrow().nPerArm()).isEqualTo(5);
        assertThat(s.points()).hasSize(1);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> SampleSizeSolver.solve(n -> 0, R, 1.0, 2, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleSizeSolver.solve(n -> 0, R, 0.8, 10, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bisectionFindsTheFirstSizeOfAMonotoneCondition() {
        for (int root = 3; root < 200; root += 7) {
            int r = root;
            assertThat(SampleSizeSolver.smallest(n -> n >= r, 3, 500)).contains(root);
        }
        assertThat(SampleSizeSolver.smallest(n -> n >= 501, 3, 500)).isEmpty();
    }
}
