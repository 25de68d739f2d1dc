package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;
import java.util.List;

/** Inter-individual PK variability, log-normal ({@code pharmacology.variability}). */
public record Variability(
        @Spec(doc = "CV of clearance", min = 0, max = 3, source = "docs/MODEL.md 3: 30% [background]") double clearanceCv,
        @Spec(doc = "CV of the central volume V1", min = 0, max = 3, source = "docs/MODEL.md 3: 30% [background]") double v1Cv,
        @Spec(doc = "CV of the peripheral volumes", min = 0, max = 3, source = "docs/MODEL.md 3: 25% [background]")
        double peripheralCv,
        @Spec(doc = "Correlation of the log-parameters (CL, V1, V2, V3) as a 4x4 matrix; default: independent", maxItems = 4)
        List<List<Double>> correlation) {

    public Variability {
        correlation = ReadOnly.rows(correlation);
    }


    public static Variability defaults() {
        return new Variability(0.30, 0.30, 0.25, IDENTITY4);
    }

    private static final List<List<Double>> IDENTITY4 = List.of(List.of(1.0, 0.0, 0.0, 0.0), List.of(0.0, 1.0, 0.0, 0.0),
            List.of(0.0, 0.0, 1.0, 0.0), List.of(0.0, 0.0, 0.0, 1.0));
}
