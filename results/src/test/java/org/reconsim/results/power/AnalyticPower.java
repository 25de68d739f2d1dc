package org.reconsim.results.power;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Analytic power of the two-sided two-sample t test (as R's {@code power.t.test}), and of
 * ANCOVA through it with the residual SD {@code sd * sqrt(1 - rho^2)} (rho the baseline-outcome
 * correlation) and one degree of freedom fewer. The noncentral t probabilities are integrals
 * over the chi-square distribution of the variance estimate:
 * <pre>  P(T' > c) = int_0^inf [1 - Phi(c sqrt(v / df) - ncp)] f_chi2(v; df) dv  </pre>
 * A test oracle: the independent check of the simulated power, so it lives with the tests (the
 * simulation must never use it).
 */
final class AnalyticPower {

    private static final NormalDistribution Z = new NormalDistribution(null, 0, 1);

    private AnalyticPower() {
    }

    /** Power of the two-sided t test with {@code df} degrees of freedom and noncentrality {@code ncp}. */
    static double tTest(double ncp, double df, double alpha) {
        double c = new TDistribution(null, df).inverseCumulativeProbability(1 - alpha / 2);
        ChiSquaredDistribution chi = new ChiSquaredDistribution(null, df);
        double upper = df + 40 * Math.sqrt(2 * df) + 100;
        IterativeLegendreGaussIntegrator gauss = new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-12);
        return gauss.integrate(100_000, v -> {
            double s = c * Math.sqrt(v / df);
            return (1 - Z.cumulativeProbability(s - ncp) + Z.cumulativeProbability(-s - ncp)) * chi.density(v);
        }, 0, upper);
    }

    /** power.t.test(n, delta, sd, sig.level) for two groups of n. */
    static double twoSample(int nPerArm, double delta, double sd, double alpha) {
        return tTest(delta / (sd * Math.sqrt(2.0 / nPerArm)), 2.0 * nPerArm - 2, alpha);
    }

    /** ANCOVA with a baseline correlating {@code rho} with the outcome: residual SD sd sqrt(1 - rho^2), df 2n - 3. */
    static double ancova(int nPerArm, double delta, double sd, double rho, double alpha) {
        double residual = sd * Math.sqrt(1 - rho * rho);
        return tTest(delta / (residual * Math.sqrt(2.0 / nPerArm)), 2.0 * nPerArm - 3, alpha);
    }
}
