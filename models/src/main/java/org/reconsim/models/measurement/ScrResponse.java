package org.reconsim.models.measurement;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.special.Erf;

/**
 * Canonical skin conductance response function (Bach et al. 2010, Psychophysiology 47:1101;
 * PsPM's {@code pspm_bf_scrf_f}): a Gaussian smoothed onset convolved with a sum of two decaying
 * exponentials, in closed form (an exponentially modified Gaussian per rate):
 * <pre>
 *   f(t) = int_0^t exp(-(s - t0)^2 / (2 sigma^2)) [exp(-l1 (t - s)) + exp(-l2 (t - s))] ds
 *        = sum_l exp(-l (t - t0) + l^2 sigma^2 / 2) sigma sqrt(pi/2)
 *              [erf((t - m_l) / (sigma sqrt 2)) - erf(-m_l / (sigma sqrt 2))],   m_l = t0 + l sigma^2
 * </pre>
 * for {@code t > 0} (0 before). PsPM scales the function to peak 1; {@link #peakTime} finds the peak.
 *
 * @param t0        Gaussian peak, s (3.0745, Bach 2010)
 * @param sigma     Gaussian SD, s (0.7013, Bach 2010)
 * @param fastRate  faster decay rate, 1/s (0.3176, Bach 2010)
 * @param slowRate  slower decay rate, 1/s (0.0708, Bach 2010)
 */
public record ScrResponse(double t0, double sigma, double fastRate, double slowRate) {

    /** PsPM's canonical SCRF (Bach 2010): peak about 4.3 s after onset (docs/MODEL.md section 5). */
    public static final ScrResponse BACH_2010 = new ScrResponse(3.0745, 0.7013, 0.3176, 0.0708);

    private static final double SQRT2 = Math.sqrt(2);

    public ScrResponse {
        if (!(sigma > 0 && fastRate > 0 && slowRate > 0)) {
            throw new IllegalArgumentException("sigma and rates must be positive");
        }
    }

    /** {@code f(t)}, unscaled. */
    public double shape(double t) {
        if (t <= 0) {
            return 0;
        }
        return term(t, fastRate) + term(t, slowRate);
    }

    private double term(double t, double rate) {
        double upper = (t - t0 - rate * sigma * sigma) / (sigma * SQRT2);
        // erf(upper) is 1 to double precision beyond 6: the whole Gaussian has entered
        return upper > 6 ? tail(t, rate, tailMass(rate)) : tail(t, rate, Erf.erf(lower(rate), upper));
    }

    private double lower(double rate) {
        return -(t0 + rate * sigma * sigma) / (sigma * SQRT2);
    }

    private double tailMass(double rate) {
        return Erf.erfc(lower(rate));
    }

    private double tail(double t, double rate, double mass) {
        return Math.exp(-rate * (t - t0) + rate * rate * sigma * sigma / 2) * sigma * Math.sqrt(Math.PI / 2) * mass;
    }

    /** {@code f(i / fs) / f(t_peak)} for {@code i = 0 .. samples - 1}: the response sampled, peak 1. */
    public double[] sampled(double samplingHz, int samples) {
        double scale = 1 / shape(peakTime());
        double fastMass = tailMass(fastRate);
        double slowMass = tailMass(slowRate);
        double[] f = new double[samples];
        for (int i = 0; i < samples; i++) {
            double t = i / samplingHz;
            boolean entered = (t - t0 - Math.max(fastRate, slowRate) * sigma * sigma) / (sigma * SQRT2) > 6;
            // past the Gaussian only the exponentials change: no erf per sample
            f[i] = scale * (entered ? tail(t, fastRate, fastMass) + tail(t, slowRate, slowMass) : shape(t));
        }
        return f;
    }

    /** Time of the peak of {@code f}, s (Brent's method on [0, t0 + 10 sigma + 5 s]). */
    public double peakTime() {
        UnivariateFunction f = this::shape;
        return new BrentOptimizer(1e-12, 1e-12)
                .optimize(new MaxEval(500), new UnivariateObjectiveFunction(f), GoalType.MAXIMIZE,
                        new SearchInterval(0, t0 + 10 * sigma + 5))
                .getPoint();
    }
}
