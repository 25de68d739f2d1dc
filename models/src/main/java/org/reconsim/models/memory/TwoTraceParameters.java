package org.reconsim.models.memory;

import org.reconsim.models.numerics.Fdlibm;
import org.reconsim.models.spec.Spec;

/**
 * Parameters of the two-trace model (docs/MODEL.md section 2a). Every field is a scenario
 * parameter; the defaults in {@link #defaults()} cite their source.
 *
 * <p>Destabilization probability of a retrieval with prediction error {@code PE} and
 * re-exposure duration {@code d} minutes, for a trace of strength {@code E} and age
 * {@code a} days:
 * <pre>
 *   b       = (1 + ageSlope * ln(1 + a / 30)) * (1 + strengthSlope * E)
 *   p       = pMax * (1 - exp(-PE / predictionErrorScale))
 *                  * logistic(ln(d / (b * minReexposureMinutes)) / durationWidth)
 *                  * logistic(ln(b * maxReexposureMinutes / d) / durationWidth)
 * </pre>
 *
 * @param pMax                   upper bound of the destabilization probability
 * @param predictionErrorScale   prediction error at which destabilization reaches 63% of pMax
 * @param minReexposureMinutes   shortest re-exposure that destabilizes a young, weak trace
 * @param maxReexposureMinutes   re-exposure beyond which extinction takes over, young weak trace
 * @param durationWidth          width (log-minutes) of both duration thresholds
 * @param ageSlope               boundary factor per log unit of memory age (months)
 * @param strengthSlope          boundary factor per unit of trace strength
 * @param labileWindowHours      how long a destabilized trace stays labile (W)
 * @param etaUpdate              update of E per non-reinforced trial while labile (eta_E)
 * @param etaExtinction          Rescorla-Wagner extinction learning rate per trial (eta_X)
 * @param extinctionDecayHours   time constant of extinction decay (tau_X)
 * @param extinctionRetention    share of extinction that never decays
 * @param contextTransfer        transfer of extinction to another context (s_k, 0..1)
 * @param etaAcquisition         Rescorla-Wagner rate of E on reinforced trials (eta_A)
 * @param reinstatementRate      gain of context fear per unsignalled aversive event
 * @param reinstatementDecayHours time constant of that context fear
 */
public record TwoTraceParameters(
        @Spec(doc = "Upper bound of the destabilization probability", min = 0, max = 1, source = "[assumption] Sevenster 2013")
        double pMax,
        @Spec(doc = "Prediction error at which destabilization reaches 63% of p_max", min = 0, minExclusive = true,
                source = "[assumption] Sevenster 2013")
        double predictionErrorScale,
        @Spec(doc = "Shortest re-exposure that destabilizes a young weak trace", unit = "min", min = 0, minExclusive = true,
                source = "[assumption] Monfils 2009")
        double minReexposureMinutes,
        @Spec(doc = "Re-exposure beyond which extinction takes over (young weak trace)", unit = "min", min = 0, minExclusive = true,
                source = "[assumption] Suzuki 2004")
        double maxReexposureMinutes,
        @Spec(doc = "Width of both duration thresholds", unit = "log-min", min = 0, minExclusive = true, source = "[assumption]")
        double durationWidth,
        @Spec(doc = "Boundary factor per log unit of memory age in months", min = 0,
                source = "[assumption] Suzuki 2004; Wang 2009")
        double ageSlope,
        @Spec(doc = "Boundary factor per unit of trace strength", min = 0, source = "[assumption] Suzuki 2004")
        double strengthSlope,
        @Spec(doc = "Labile window W", unit = "h", min = 0, max = 48, minExclusive = true,
                source = "Nader 2000; Monfils 2009; Schiller 2010")
        double labileWindowHours,
        @Spec(doc = "Update of E per non-reinforced trial while labile (eta_E)", min = 0, max = 1,
                source = "[assumption] Monfils 2009")
        double etaUpdate,
        @Spec(doc = "Extinction learning rate per trial (eta_X)", min = 0, max = 1,
                source = "[assumption] calibrated: ~50% PE responders")
        double etaExtinction,
        @Spec(doc = "Time constant of extinction decay (tau_X)", unit = "h", min = 0, minExclusive = true,
                source = "[assumption] Rescorla 2004")
        double extinctionDecayHours,
        @Spec(doc = "Share of extinction that never decays", min = 0, max = 1, source = "[assumption]")
        double extinctionRetention,
        @Spec(doc = "Transfer of extinction to other contexts (s_k)", min = 0, max = 1, source = "[assumption] Bouton 2004")
        double contextTransfer,
        @Spec(doc = "Rescorla-Wagner rate of the trauma trace on reinforced trials (eta_A)", min = 0, max = 1,
                source = "[assumption] Rescorla & Wagner 1972")
        double etaAcquisition,
        @Spec(doc = "Context fear gained per unsignalled aversive event (reinstatement)", min = 0, max = 1,
                source = "[assumption] Rescorla & Heth 1975")
        double reinstatementRate,
        @Spec(doc = "Decay time constant of that context fear", unit = "h", min = 0, minExclusive = true,
                source = "[assumption] Bouton 2004")
        double reinstatementDecayHours) {

    /** Defaults; each value's source is on its line. */
    public static TwoTraceParameters defaults() {
        return new TwoTraceParameters(
                0.9,    // pMax [assumption]: most reactivations with prediction error destabilize (Sevenster 2013: ~all with PE)
                0.2,    // PE scale [assumption]: no destabilization without prediction error (Sevenster 2013)
                0.25,   // min re-exposure [assumption]: a single 30-s CS destabilizes a 1-day-old 3-shock memory (Monfils 2009)
                10.0,   // max re-exposure [assumption]: 3 min reconsolidates, 30 min extinguishes a 1-shock memory (Suzuki 2004)
                0.2,    // duration width [assumption]
                0.25,   // age slope [assumption]: older memories need longer re-exposure (Suzuki 2004; Wang 2009)
                0.5,    // strength slope [assumption]: stronger memories need longer re-exposure (Suzuki 2004)
                6.0,    // labile window 6 h (Nader 2000; window >=10 min and <6 h: Monfils 2009, Schiller 2010)
                0.05,   // eta_E [assumption]: labile trace updated by non-reinforced trials (Monfils 2009)
                0.03,   // eta_X [assumption]: in-context distress falls ~70% over 40 PE trials, about half respond (Steenkamp 2015)
                720.0,  // tau_X 30 days [assumption]: spontaneous recovery (Rescorla 2004)
                0.5,    // retention [assumption]: partial relapse at follow-up after PE (docs/MODEL.md section 2a, row 13)
                0.5,    // s_k [assumption]: extinction transfers partly across contexts (renewal, Bouton 2004)
                0.3,    // eta_A [assumption]: 3 tone-shock pairings bring E to ~0.66 (Rescorla & Wagner 1972 rates)
                0.6,    // reinstatement [assumption]: one unsignalled US restores most extinguished fear (Rescorla & Heth 1975)
                72.0);  // context fear decays over days [assumption]; reinstatement tested 24 h after the US (Bouton 2004)
    }

    /** The boundary factor b for a trace of strength {@code e} and age {@code ageDays}. */
    public double boundaryFactor(double e, double ageDays) {
        return (1 + ageSlope * Fdlibm.log1p(Math.max(0, ageDays) / 30.0)) * (1 + strengthSlope * Math.max(0, e));
    }

    /** Destabilization probability (formula in the class comment). */
    public double destabilizationProbability(double predictionError, double reexposureMinutes, double e, double ageDays) {
        if (!(predictionError > 0) || !(reexposureMinutes > 0)) {
            return 0;
        }
        double b = boundaryFactor(e, ageDays);
        double gate = 1 - Math.exp(-predictionError / predictionErrorScale);
        double longEnough = logistic(Math.log(reexposureMinutes / (b * minReexposureMinutes)) / durationWidth);
        double shortEnough = logistic(Math.log(b * maxReexposureMinutes / reexposureMinutes) / durationWidth);
        return pMax * gate * longEnough * shortEnough;
    }

    private static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
