package org.reconsim.models.measurement;

import org.reconsim.models.spec.Spec;
import org.reconsim.models.population.LogNormal;

/**
 * Trauma-script skin conductance response (docs/MODEL.md section 5): responders show
 * {@code gain * amplitudeUs * latent + noise} microsiemens, non-responders no response;
 * responses under {@code floorUs} are scored 0, then square-root transformed.
 *
 * @param nonresponderFraction share of non-responders (about 10%, Boucsein; 2-14%, Lonsdorf 2019)
 * @param amplitudeUs          response in uS per unit of fear expression
 * @param gainCv               coefficient of variation of the individual log-normal gain
 * @param noiseSdUs            scan-to-scan noise SD in uS
 * @param floorUs              scoring floor (0.02 uS)
 */
public record ScrMeasure(
        @Spec(doc = "Share of non-responders", min = 0, max = 1, source = "about 10% (Boucsein); 2-14% (Lonsdorf 2019)")
        double nonresponderFraction,
        @Spec(doc = "Response per unit of fear expression", unit = "uS", min = 0, source = "imagery SCR 0.0-0.25 uS (PMC5847462)")
        double amplitudeUs,
        @Spec(doc = "CV of the individual gain", min = 0, max = 3, source = "[assumption]") double gainCv,
        @Spec(doc = "Scan-to-scan noise SD", unit = "uS", min = 0, source = "[assumption] within SD 0.1-0.4 (PMC5847462)")
        double noiseSdUs,
        @Spec(doc = "Responses below this are scored 0", unit = "uS", min = 0, source = "0.02 uS scoring floor (docs/MODEL.md 5)")
        double floorUs) {

    /** Defaults; each value's source is in its component's {@code @Spec}. */
    public static ScrMeasure defaults() {
        return new ScrMeasure(0.10, 0.3, 0.5, 0.1, 0.02);
    }


    /** Raw amplitude in uS (not below 0). */
    public double amplitude(boolean responder, double gain, double latent, double z) {
        if (!responder) {
            return 0;
        }
        return Math.max(0, gain * amplitudeUs * latent + noiseSdUs * z);
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
