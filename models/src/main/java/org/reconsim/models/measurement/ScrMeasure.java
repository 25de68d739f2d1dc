package org.reconsim.models.measurement;

import org.reconsim.models.population.LogNormal;

/**
 * Trauma-script skin conductance response (MODEL.md section 5): responders show
 * {@code gain * amplitudeUs * latent + noise} microsiemens, non-responders no response;
 * responses under {@code floorUs} are scored 0, then square-root transformed.
 *
 * @param nonresponderFraction share of non-responders (about 10%, Boucsein; 2-14%, Lonsdorf 2019)
 * @param amplitudeUs          response in uS per unit of fear expression
 * @param gainCv               coefficient of variation of the individual log-normal gain
 * @param noiseSdUs            scan-to-scan noise SD in uS
 * @param floorUs              scoring floor (0.02 uS)
 */
public record ScrMeasure(double nonresponderFraction, double amplitudeUs, double gainCv, double noiseSdUs, double floorUs) {

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
