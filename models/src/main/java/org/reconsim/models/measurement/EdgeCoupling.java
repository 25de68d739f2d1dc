package org.reconsim.models.measurement;

import org.reconsim.models.spec.Spec;

/**
 * One connectivity edge: the latent coupling of two regions and how its trauma-minus-relax Fisher
 * z is measured (docs/MODEL.md section 5). The latent coupling is the correlation of the two
 * regions' residual BOLD fluctuations within a script window. In sad and relax windows (and between
 * windows) it is {@code base}; in trauma windows the memory state moves it:
 * <pre>
 *   rho_trauma = clamp(base + perFear * R + perTrace * E + perExtinction * X, -0.95, 0.95)
 * </pre>
 * with R the fear expression in the scanner, E the trace strength and X the extinction recall in
 * the scanner at the scan. No direction of a drug effect is written here: a drug moves the edge
 * only through what it does to R, E and X, with these loadings.
 *
 * @param base          coupling with no memory-driven component (sad and relax scripts)
 * @param perFear       change of the trauma coupling per unit of fear expression in the scanner
 * @param perTrace      change per unit of trace strength
 * @param perExtinction change per unit of extinction recall in the scanner
 * @param subjectSd     SD of subject effects on the edge's trauma-minus-relax z
 * @param icc           target test-retest ICC of the edge (sizes the session noise)
 */
public record EdgeCoupling(
        @Spec(doc = "Window correlation of the two regions' residual BOLD without memory-driven coupling (sad, relax, rest)",
                min = -0.95, max = 0.95, source = "[assumption]") double base,
        @Spec(doc = "Change of the trauma-window coupling per unit of fear expression in the scanner", min = -2, max = 2,
                source = "[assumption]") double perFear,
        @Spec(doc = "Change of the trauma-window coupling per unit of trace strength", min = -2, max = 2,
                source = "[assumption]") double perTrace,
        @Spec(doc = "Change of the trauma-window coupling per unit of extinction recall in the scanner", min = -2, max = 2,
                source = "[assumption]") double perExtinction,
        @Spec(doc = "SD of subject effects on the trauma-minus-relax Fisher z", unit = "z", min = 0, max = 5,
                source = "[assumption]") double subjectSd,
        @Spec(doc = "Target test-retest ICC of the edge; its session noise is sized to it", min = 0, max = 1, minExclusive = true,
                maxExclusive = true, source = "Noble 2019: ROI-to-ROI edges mean ICC 0.29") double icc) {

    /** The largest coupling magnitude the model uses (the series stay synthesizable, atanh stays finite). */
    public static final double LIMIT = 0.95;

    /** The latent coupling in trauma windows at fear {@code fear}, trace {@code trace}, extinction recall {@code extinction}. */
    public double trauma(double fear, double trace, double extinction) {
        return clamp(base + perFear * fear + perTrace * trace + perExtinction * extinction);
    }

    private static double clamp(double c) {
        return Math.max(-LIMIT, Math.min(LIMIT, c));
    }
}
