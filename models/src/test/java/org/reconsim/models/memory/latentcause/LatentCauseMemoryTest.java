package org.reconsim.models.memory.latentcause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class LatentCauseMemoryTest {

    private static final double TOL = 1e-12;
    private static final int K = 15;

    /** Gaussian density with variance {@code var}, written out here, independent of the model. */
    private static double n(double x, double mean, double var) {
        return Math.exp(-(x - mean) * (x - mean) / (2 * var)) / Math.sqrt(2 * Math.PI * var);
    }

    /** CR = 1 - Phi(theta; V, lambda), from commons-math's normal distribution. */
    private static double cr(double v, double theta, double lambda) {
        return 1 - new NormalDistribution(v, lambda).cumulativeProbability(theta);
    }

    /** A K-vector starting with {@code head}, the rest {@code tail}. */
    private static double[] causes(double tail, double... head) {
        double[] out = new double[K];
        java.util.Arrays.fill(out, tail);
        System.arraycopy(head, 0, out, 0, head.length);
        return out;
    }

    /**
     * Three trials worked by hand: two acquisition trials (x = (1, 0.5), r = 1) at t = 0 and 1,
     * one extinction trial in a changed context (x = (1, 0), r = 0) at t = 3, then time passes
     * to t = 10. Parameters are not the defaults so that every one of them shows in the
     * arithmetic (g != 1, sigma_x^2 != 1) and the response stays off its 0/1 plateaus:
     * alpha 0.5, g 0.5, eta 0.3, maxIter 3, sigma_r^2 0.4, sigma_x^2 0.8, theta 0.3, lambda 0.2.
     * Iterations: trial 1 gets 1 (next trial 1 unit later), trial 2 gets min(3, 2) = 2, trial 3
     * gets 1 at once and 2 more when time advances by 7.
     */
    @Test
    void handWorkedThreeTrials() {
        LatentCauseParameters p = new LatentCauseParameters(0.5, 0.5, 0.3, 3, 0.4, 0.8, 0.3, 0.2, K);
        LatentCauseMemory m = new LatentCauseMemory(p, 2);

        // ---- trial 1, t = 0, x = (1, 0.5), r = 1
        double cr1 = m.trial(0, new double[] {1, 0.5}, 1);
        // prior: only the first new cause, alpha / alpha = 1
        assertThat(m.prior()).containsExactly(causes(0, 1), within(TOL));
        // unused cause: mean 0, variance sx/(0 + sx) + sx = 1 + 0.8 = 1.8 per feature
        double lNew1 = n(1, 0, 1.8) * n(0.5, 0, 1.8);
        assertThat(m.likelihood()).containsExactly(causes(lNew1), within(TOL));
        assertThat(m.posteriorBeforeOutcome()).containsExactly(causes(0, 1), within(TOL));
        // V = 0 (all weights 0): CR = 1 - Phi(0.3 / 0.2) = 1 - Phi(1.5)
        assertThat(m.prediction()).isEqualTo(0);
        assertThat(cr1).isCloseTo(0.0668072012688581, within(TOL));
        // one iteration: post = (1), w1 = 0 + 0.3 * (1 - 0) * 1 * x = (0.3, 0.15)
        assertThat(m.posterior()).containsExactly(causes(0, 1), within(TOL));
        assertThat(m.weights()[0]).containsExactly(new double[] {0.3, 0.15}, within(TOL));
        assertThat(m.causesInUse()).isEqualTo(1);

        // ---- trial 2, t = 1, x = (1, 0.5), r = 1
        double cr2 = m.trial(1, new double[] {1, 0.5}, 1);
        // prior: cause 1 has kernel (1 - 0)^-0.5 = 1, the new cause alpha = 0.5
        double prior2c1 = 1 / 1.5;
        double prior2c2 = 0.5 / 1.5;
        assertThat(m.prior()).containsExactly(causes(0, prior2c1, prior2c2), within(TOL));
        // cause 1 (N = 1, S = x): mean S / (1 + 0.8), variance 0.8 / 1.8 + 0.8
        double nu1 = 0.8 / 1.8 + 0.8;
        double l2c1 = n(1, 1 / 1.8, nu1) * n(0.5, 0.5 / 1.8, nu1);
        assertThat(m.likelihood()).containsExactly(causes(lNew1, l2c1, lNew1), within(TOL));
        double q2c1 = prior2c1 * l2c1 / (prior2c1 * l2c1 + prior2c2 * lNew1);
        double q2c2 = 1 - q2c1;
        assertThat(m.posteriorBeforeOutcome()).containsExactly(causes(0, q2c1, q2c2), within(TOL));
        // V = q1 (x . w1) + q2 (x . 0), x . w1 = 0.3 + 0.5 * 0.15 = 0.375
        double v2 = q2c1 * 0.375;
        assertThat(m.prediction()).isCloseTo(v2, within(TOL));
        assertThat(cr2).isCloseTo(cr(v2, 0.3, 0.2), within(TOL));
        // iteration 1: post_k ~ q_k N(1; x . w_k, 0.4); w_k += 0.3 (1 - x . w_k) post_k x
        double a1 = q2c1 * n(1, 0.375, 0.4);
        double a2 = q2c2 * n(1, 0, 0.4);
        double post2c1 = a1 / (a1 + a2);
        double post2c2 = a2 / (a1 + a2);
        double w1a = 0.3 + 0.3 * (1 - 0.375) * post2c1 * 1;
        double w1b = 0.15 + 0.3 * (1 - 0.375) * post2c1 * 0.5;
        double w2a = 0.3 * (1 - 0) * post2c2 * 1;
        double w2b = 0.3 * (1 - 0) * post2c2 * 0.5;
        assertThat(m.posterior()).containsExactly(causes(0, post2c1, post2c2), within(TOL));
        assertThat(m.weights()[0]).containsExactly(new double[] {w1a, w1b}, within(TOL));
        assertThat(m.weights()[1]).containsExactly(new double[] {w2a, w2b}, within(TOL));

        // ---- trial 3, t = 3, x = (1, 0), r = 0; first trial 2's second iteration (2 units passed)
        double cr3 = m.trial(3, new double[] {1, 0}, 0);
        double b1 = w1a + 0.5 * w1b;
        double b2 = w2a + 0.5 * w2b;
        double c1 = q2c1 * n(1, b1, 0.4);
        double c2 = q2c2 * n(1, b2, 0.4);
        double post2c1b = c1 / (c1 + c2);
        double post2c2b = c2 / (c1 + c2);
        w1a += 0.3 * (1 - b1) * post2c1b * 1;
        w1b += 0.3 * (1 - b1) * post2c1b * 0.5;
        w2a += 0.3 * (1 - b2) * post2c2b * 1;
        w2b += 0.3 * (1 - b2) * post2c2b * 0.5;
        // MAP: trial 2 goes to cause 1, so cause 1 has N = 2, S = (2, 1), trials at 0 and 1
        assertThat(post2c1b).isGreaterThan(post2c2b);
        double prior3c1raw = Math.pow(3, -0.5) + Math.pow(2, -0.5);
        double prior3c1 = prior3c1raw / (prior3c1raw + 0.5);
        double prior3c2 = 0.5 / (prior3c1raw + 0.5);
        assertThat(m.prior()).containsExactly(causes(0, prior3c1, prior3c2), within(TOL));
        double nu2 = 0.8 / 2.8 + 0.8;
        double l3c1 = n(1, 2 / 2.8, nu2) * n(0, 1 / 2.8, nu2);
        double lNew3 = n(1, 0, 1.8) * n(0, 0, 1.8);
        assertThat(m.likelihood()).containsExactly(causes(lNew3, l3c1, lNew3), within(TOL));
        double q3c1 = prior3c1 * l3c1 / (prior3c1 * l3c1 + prior3c2 * lNew3);
        double q3c2 = 1 - q3c1;
        assertThat(m.posteriorBeforeOutcome()).containsExactly(causes(0, q3c1, q3c2), within(TOL));
        // x = (1, 0): x . w_k is the first weight
        double v3 = q3c1 * w1a + q3c2 * w2a;
        assertThat(m.prediction()).isCloseTo(v3, within(TOL));
        assertThat(cr3).isCloseTo(cr(v3, 0.3, 0.2), within(TOL));
        // iteration 1 with r = 0: only the first weight moves
        double d1 = q3c1 * n(0, w1a, 0.4);
        double d2 = q3c2 * n(0, w2a, 0.4);
        double post3c1 = d1 / (d1 + d2);
        double post3c2 = d2 / (d1 + d2);
        double w1a3 = w1a + 0.3 * (0 - w1a) * post3c1;
        double w2a3 = w2a + 0.3 * (0 - w2a) * post3c2;
        assertThat(m.posterior()).containsExactly(causes(0, post3c1, post3c2), within(TOL));
        assertThat(m.weights()[0]).containsExactly(new double[] {w1a3, w1b}, within(TOL));
        assertThat(m.weights()[1]).containsExactly(new double[] {w2a3, w2b}, within(TOL));
        assertThat(m.weights()[2]).containsExactly(new double[] {0, 0}, within(TOL));
        assertThat(m.causesInUse()).isEqualTo(1); // trial 3 provisionally to cause 1 (post 0.77)
        assertThat(post3c1).isGreaterThan(post3c2);

        // ---- 7 units pass: trial 3 gets its 2nd and 3rd iterations (min(3, 7) = 3 in all)
        m.advanceTo(10);
        double e1 = q3c1 * n(0, w1a3, 0.4);
        double e2 = q3c2 * n(0, w2a3, 0.4);
        double w1a4 = w1a3 - 0.3 * w1a3 * e1 / (e1 + e2);
        double w2a4 = w2a3 - 0.3 * w2a3 * e2 / (e1 + e2);
        double f1 = q3c1 * n(0, w1a4, 0.4);
        double f2 = q3c2 * n(0, w2a4, 0.4);
        double w1a5 = w1a4 - 0.3 * w1a4 * f1 / (f1 + f2);
        double w2a5 = w2a4 - 0.3 * w2a4 * f2 / (f1 + f2);
        assertThat(m.posterior()).containsExactly(causes(0, f1 / (f1 + f2), f2 / (f1 + f2)), within(TOL));
        assertThat(m.weights()[0]).containsExactly(new double[] {w1a5, w1b}, within(TOL));
        assertThat(m.weights()[1]).containsExactly(new double[] {w2a5, w2b}, within(TOL));
        // more time adds nothing: all maxIter iterations are done
        m.advanceTo(50);
        assertThat(m.weights()[0]).containsExactly(new double[] {w1a5, w1b}, within(TOL));
    }

    @Test
    void proteinSynthesisInhibitionScalesWeightsByPosterior() {
        LatentCauseMemory m = new LatentCauseMemory(LatentCauseParameters.defaults(), 1);
        m.trial(0, new double[] {1}, 1);
        m.trial(21, new double[] {1}, 0);
        double[] post = m.posterior();
        double[][] before = m.weights();
        m.inhibitProteinSynthesis(0.4);
        double[][] after = m.weights();
        for (int k = 0; k < K; k++) {
            assertThat(after[k][0]).isCloseTo(before[k][0] * (1 - 0.4 * post[k]), within(TOL));
        }
    }

    @Test
    void newCausesStopAtTheCap() {
        LatentCauseParameters p = new LatentCauseParameters(0.1, 1, 0.3, 3, 0.4, 0.05, 0.02, 0.01, 2);
        LatentCauseMemory m = new LatentCauseMemory(p, 1);
        // features far apart with a small sigma_x^2: each wants its own cause
        m.trial(0, new double[] {0}, 1);
        m.trial(100, new double[] {5}, 0);
        m.trial(200, new double[] {-5}, 0);
        assertThat(m.causesInUse()).isEqualTo(2);
        assertThat(m.posterior()).hasSize(2);
        assertThat(m.weights()).hasDimensions(2, 1);
    }

    @Test
    void rejectsInvalidInput() {
        LatentCauseMemory m = new LatentCauseMemory(LatentCauseParameters.defaults(), 2);
        assertThatThrownBy(() -> m.inhibitProteinSynthesis(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> m.trial(0, new double[] {1}, 1)).isInstanceOf(IllegalArgumentException.class);
        m.trial(5, new double[] {1, 0}, 1);
        assertThatThrownBy(() -> m.trial(5, new double[] {1, 0}, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.trial(6, new double[] {1, Double.NaN}, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.inhibitProteinSynthesis(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.advanceTo(4)).isInstanceOf(IllegalArgumentException.class);
        m.useParameters(LatentCauseParameters.defaults().withAlpha(0.2).withSigmaR2(0.3));
        assertThat(m.parameters().alpha()).isEqualTo(0.2);
        assertThatThrownBy(() -> m.useParameters(new LatentCauseParameters(0.1, 1, 0.3, 3, 0.4, 1, 0.02, 0.01, 5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatentCauseParameters(0, 1, 0.3, 3, 0.4, 1, 0.02, 0.01, 15))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
