package org.reconsim.models.measurement;

import org.apache.commons.math3.special.Gamma;

/**
 * A double-gamma haemodynamic response function, as SPM's {@code spm_hrf} builds it:
 * <pre>
 *   h(t) = g(t - onset; a1, b1) - g(t - onset; a2, b2) / ratio,
 *   a1 = peakDelay / peakDispersion,             b1 = peakDispersion,
 *   a2 = undershootDelay / undershootDispersion, b2 = undershootDispersion,
 *   g(t; a, b) = t^(a-1) exp(-t / b) / (Gamma(a) b^a)   (gamma density, shape a, scale b; 0 for t <= 0)
 * </pre>
 * sampled at {@code t = k dt, k = 0 .. floor(kernelSeconds / dt)} and divided by its sum, so a
 * step input of height 1 convolved with the kernel settles at 1. SPM's {@code spm_Gpdf(u, h, l)}
 * in microtime bins {@code u = t / dt} with rate {@code l = dt / dispersion} equals {@code dt g(t; h, dispersion)};
 * the common factor {@code dt} cancels in the normalization, so the kernel equals SPM's at the same
 * {@code dt} (SPM samples at the microtime and keeps every 16th bin: the same points).
 *
 * <p>Note: the "peak delay" 6 s is the mean of the first gamma; its mode, and the peak of
 * {@code h}, lies at about 5.0 s (the undershoot moves it slightly earlier).
 *
 * @param peakDelay            delay of the response, s (SPM p(1) = 6)
 * @param undershootDelay      delay of the undershoot, s (SPM p(2) = 16)
 * @param peakDispersion       dispersion of the response, s (SPM p(3) = 1)
 * @param undershootDispersion dispersion of the undershoot, s (SPM p(4) = 1)
 * @param ratio                ratio of response to undershoot (SPM p(5) = 6)
 * @param onset                onset, s (SPM p(6) = 0)
 * @param kernelSeconds        length of the kernel, s (SPM p(7) = 32)
 */
public record Hrf(double peakDelay, double undershootDelay, double peakDispersion, double undershootDispersion,
        double ratio, double onset, double kernelSeconds) {

    /** SPM's canonical HRF: {@code spm_hrf} default parameters [6 16 1 1 6 0 32] (SPM12; Friston et al. 1998). */
    public static final Hrf SPM_CANONICAL = new Hrf(6, 16, 1, 1, 6, 0, 32);

    /** SPM's microtime resolution: bins per scan ({@code fMRI_T = 16}). */
    public static final int MICROTIME_BINS = 16;

    public Hrf {
        if (!(peakDispersion > 0 && undershootDispersion > 0 && ratio > 0 && kernelSeconds > 0)) {
            throw new IllegalArgumentException("HRF dispersions, ratio and kernel length must be positive");
        }
    }

    /** {@code h(t)} before normalization (1/s). */
    public double value(double t) {
        double u = t - onset;
        return gammaDensity(u, peakDelay / peakDispersion, peakDispersion)
                - gammaDensity(u, undershootDelay / undershootDispersion, undershootDispersion) / ratio;
    }

    /** The kernel sampled every {@code dt} seconds from 0 to {@code kernelSeconds}, unit sum. */
    public double[] kernel(double dt) {
        if (!(dt > 0)) {
            throw new IllegalArgumentException("dt must be positive");
        }
        // tolerance so 32 / 0.1 counts 320 whole steps despite rounding
        int last = (int) Math.floor(kernelSeconds / dt + 1e-9);
        double[] h = new double[last + 1];
        double sum = 0;
        for (int k = 0; k <= last; k++) {
            h[k] = value(k * dt);
            sum += h[k];
        }
        for (int k = 0; k <= last; k++) {
            h[k] /= sum;
        }
        return h;
    }

    /** {@code g(t; a, b)}, shape {@code a}, scale {@code b}; 0 for {@code t <= 0}. */
    static double gammaDensity(double t, double shape, double scale) {
        if (t <= 0) {
            return 0;
        }
        return Math.exp((shape - 1) * Math.log(t) - t / scale - Gamma.logGamma(shape) - shape * Math.log(scale));
    }
}
