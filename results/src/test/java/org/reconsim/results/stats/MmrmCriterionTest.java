package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The analytic gradient and Hessian of the REML criterion against central differences, away
 * from the optimum (where the terms in Gamma, zero at the optimum, count), on data with
 * non-monotone missingness, so that every pattern-level term is exercised.
 */
class MmrmCriterionTest {

    @Test
    void derivativesMatchCentralDifferences() {
        MmrmTest.Trial trial = MmrmTest.Trial.simulate(21, 60, 4, 0.25);
        Random random = new Random(5);
        for (double[] visit : trial.values()) {
            for (int i = 0; i < visit.length; i++) {
                if (random.nextDouble() < 0.1) {
                    visit[i] = Double.NaN; // intermittent gaps
                }
            }
        }
        MissingPatterns data = MissingPatterns.of(trial.baseline(), trial.treated(), trial.values(), 60);
        assertThat(data.problem()).isNull();
        MmrmCriterion criterion = data.criterion();
        int q = criterion.parameters();
        double[] theta = new double[q];
        for (int a = 0; a < q; a++) {
            theta[a] = 0.5 + random.nextGaussian(); // Sigma well away from the REML optimum
        }
        double f = criterion.evaluate(theta);
        assertThat(f).isFinite();
        double[] gradient = criterion.gradient().clone();
        double[] hessian = criterion.hessian().clone();
        double h = 1e-5;
        double scale = 0;
        for (double g : hessian) {
            scale = Math.max(scale, Math.abs(g));
        }
        for (int a = 0; a < q; a++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[a] += h;
            minus[a] -= h;
            // central differences: error h^2 f''' / 6 plus rounding eps |f| / h, both ~1e-9 relative here
            double numeric = (criterion.value(plus) - criterion.value(minus)) / (2 * h);
            assertThat(gradient[a]).as("gradient " + a).isCloseTo(numeric, within(1e-6 * (1 + Math.abs(numeric))));
            criterion.evaluate(plus);
            double[] gPlus = criterion.gradient().clone();
            criterion.evaluate(minus);
            double[] gMinus = criterion.gradient().clone();
            for (int b = 0; b < q; b++) {
                double second = (gPlus[b] - gMinus[b]) / (2 * h);
                assertThat(hessian[a * q + b]).as("hessian " + a + "," + b).isCloseTo(second, within(1e-6 * scale));
            }
        }
    }
}
