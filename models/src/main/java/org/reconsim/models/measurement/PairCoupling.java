package org.reconsim.models.measurement;

import org.reconsim.models.spec.Spec;

/**
 * The latent trauma-script coupling of two regions' synthesized time series, as a linear function
 * of the memory state at the scan (docs/MODEL.md section 5), clamped to +-0.95 so the series stay
 * synthesizable:
 * <pre>  c = clamp(intercept + perFear * fear + perTrace * trace, -0.95, 0.95)  </pre>
 *
 * @param intercept coupling with no fear and no trace
 * @param perFear   change per unit of fear expression in the scanner
 * @param perTrace  change per unit of trauma-trace strength
 */
public record PairCoupling(
        @Spec(doc = "Coupling with no fear and no trace", min = -0.95, max = 0.95, source = "[assumption]") double intercept,
        @Spec(doc = "Change of the coupling per unit of fear expression in the scanner", min = -10, max = 10,
                source = "[assumption]") double perFear,
        @Spec(doc = "Change of the coupling per unit of trauma-trace strength", min = -10, max = 10, source = "[assumption]")
        double perTrace) {

    /** The largest coupling magnitude the time-series synthesis accepts. */
    public static final double LIMIT = 0.95;

    public double at(double fear, double trace) {
        return Math.max(-LIMIT, Math.min(LIMIT, intercept + perFear * fear + perTrace * trace));
    }
}
