package org.reconsim.models.measurement;

import org.reconsim.models.spec.Spec;
import org.reconsim.models.population.LogNormal;

/**
 * Trauma-script skin conductance response (docs/MODEL.md section 5): responders show
 * {@code gain * amplitudeUs * latent + noise} microsiemens, non-responders no response;
 * responses under {@code floorUs} are scored 0, then square-root transformed. The scan-to-scan
 * noise SD is not a parameter: it is sized so that two scores of an unchanged state correlate at
 * {@code testRetest} across the population ({@link #noiseSdFor}), because the floor, the square
 * root and the non-responders make the score's reliability a nonlinear function of it.
 *
 * @param nonresponderFraction share of non-responders (about 10%, Boucsein; 2-14%, Lonsdorf 2019)
 * @param amplitudeUs          response in uS per unit of fear expression
 * @param gainCv               coefficient of variation of the individual log-normal gain
 * @param testRetest           target test-retest correlation of the score
 * @param floorUs              scoring floor (0.02 uS)
 */
public record ScrMeasure(
        @Spec(doc = "Share of non-responders", min = 0, max = 1, source = "about 10% (Boucsein); 2-14% (Lonsdorf 2019)")
        double nonresponderFraction,
        @Spec(doc = "Response per unit of fear expression", unit = "uS", min = 0, source = "imagery SCR 0.0-0.25 uS (PMC5847462)")
        double amplitudeUs,
        @Spec(doc = "CV of the individual gain", min = 0, max = 3, source = "[assumption]") double gainCv,
        @Spec(doc = "Target test-retest correlation of the score; the scan-to-scan noise is sized to it", min = 0.1, max = 1,
                maxExclusive = true, source = "Fredrikson 1993: 3-week stability r 0.37-0.72; the range's midpoint")
        double testRetest,
        @Spec(doc = "Responses below this are scored 0", unit = "uS", min = 0, source = "0.02 uS scoring floor (docs/MODEL.md 5)")
        double floorUs) {

    /** Defaults; each value's source is in its component's {@code @Spec}. */
    public static ScrMeasure defaults() {
        return new ScrMeasure(0.10, 0.3, 0.5, 0.55, 0.02);
    }


    /** Raw amplitude in uS (not below 0) with scan-to-scan noise SD {@code noiseSdUs} and deviate {@code z}. */
    public double amplitude(boolean responder, double gain, double latent, double noiseSdUs, double z) {
        if (!responder) {
            return 0;
        }
        return Math.max(0, gain * amplitudeUs * latent + noiseSdUs * z);
    }

    /**
     * The noise SD at which two scores of the same patients, with latents {@code latent},
     * responder flags {@code responder}, gains {@code gain} and independent deviates {@code z1},
     * {@code z2}, correlate at {@link #testRetest()}: bisection on log SD over 1e-6..1e3 uS to a
     * relative 1e-6 (the correlation falls as the noise grows). When even the largest noise keeps
     * the correlation above the target (non-responders alone make two scores agree), the largest;
     * when no one responds, 0 (the score is 0 whatever the noise).
     */
    public double noiseSdFor(double[] latent, boolean[] responder, double[] gain, double[] z1, double[] z2) {
        double lo = Math.log(1e-6);
        double hi = Math.log(1e3);
        if (Double.isNaN(retest(1, latent, responder, gain, z1, z2))) {
            return 0;
        }
        while (hi - lo > 1e-6) {
            double mid = (lo + hi) / 2;
            double r = retest(Math.exp(mid), latent, responder, gain, z1, z2);
            if (r > testRetest) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private double retest(double noiseSd, double[] latent, boolean[] responder, double[] gain, double[] z1, double[] z2) {
        int n = latent.length;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = score(amplitude(responder[i], gain[i], latent[i], noiseSd, z1[i]));
            b[i] = score(amplitude(responder[i], gain[i], latent[i], noiseSd, z2[i]));
        }
        return pearson(a, b);
    }

    /** Pearson correlation; NaN when either has no spread. */
    static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Double.NaN;
    }

    /** Scored value: 0 under the floor, else the square root of the amplitude. */
    public double score(double amplitudeUs) {
        return amplitudeUs < floorUs ? 0 : Math.sqrt(amplitudeUs);
    }

    /** Log-normal gain with mean 1 and the given CV, from a standard-normal deviate. */
    public double gain(double z) {
        return LogNormal.multiplier(gainCv, z);
    }
}
