package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;

/** The virtual patient population (scenario section {@code population}). */
public record Population(
        @Spec(doc = "Body weight", unit = "kg", source = "docs/MODEL.md 1: N(80, 15) truncated to 45..150") Normal weightKg,
        @Spec(doc = "Age", unit = "years", source = "[assumption] adult PTSD trial samples") Normal ageYears,
        @Spec(doc = "Share of women", min = 0, max = 1, source = "[assumption]") double femaleFraction,
        @Spec(doc = "Years since the trauma", unit = "years", source = "[assumption] chronic PTSD") Normal memoryAgeYears,
        @Spec(doc = "Initial trauma-trace strength E0 (0..1, maps to severity)", source = "[assumption]")
        Normal traceStrength,
        @Spec(doc = "Initial extinction X0 (near 0)", source = "docs/MODEL.md 1: near 0") Normal extinction,
        @Spec(doc = "CV of the individual learning-rate multiplier (log-normal)", min = 0, max = 3,
                source = "[assumption] calibrated: about half respond to PE (>= 30% CAPS-5 drop; Steenkamp 2015)")
        double learningRateCv) {

    public static Population defaults() {
        return new Population(
                new Normal(80, 15, 45, 150),   // docs/MODEL.md section 1
                new Normal(38, 11, 18, 70),    // [assumption]
                0.5,                           // [assumption]
                new Normal(10, 8, 0.5, 50),    // [assumption]
                new Normal(0.7, 0.12, 0.2, 1), // [assumption]
                new Normal(0.05, 0.03, 0, 0.3),
                1.2);                          // [assumption] about half respond to PE (Steenkamp 2015): 45% with placebo (MODEL.md 4)
    }
}
