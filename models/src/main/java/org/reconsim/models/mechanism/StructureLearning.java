package org.reconsim.models.mechanism;

import org.reconsim.models.spec.Spec;

/**
 * Mechanism M4 (latent-cause model only): NMDA occupancy shifts structure learning, the
 * concentration {@code alpha} (readiness to infer a new cause) and the outcome variance
 * {@code sigma_r^2} (docs/MODEL.md section 3):
 * <pre>  alpha' = alpha (1 + kAlpha O),  sigma_r^2' = sigma_r^2 (1 + kSigma O)  </pre>
 *
 * @param kAlpha relative change of alpha per unit occupancy (negative: fewer new causes)
 * @param kSigma relative change of sigma_r^2 per unit occupancy
 */
public record StructureLearning(
        @Spec(doc = "Relative change of alpha per unit occupancy (negative: fewer new causes)", min = -1, max = 10,
                source = "[assumption] alpha halved at full occupancy") double kAlpha,
        @Spec(doc = "Relative change of sigma_r^2 per unit occupancy", min = -1, max = 10, source = "[assumption] unchanged")
        double kSigma) implements Mechanism {

    public static StructureLearning defaults() {
        // [assumption] the drug makes a new cause less likely (updating of the old memory
        // rather than a new one), halving alpha at full occupancy; sigma_r^2 unchanged
        return new StructureLearning(-0.5, 0.0);
    }

    @Override
    public boolean readsCurrentOccupancy() {
        return true;
    }

    @Override
    public double alphaFactor(double occupancy) {
        return Math.max(1e-6, 1 + kAlpha * occupancy);
    }

    @Override
    public double sigmaFactor(double occupancy) {
        return Math.max(1e-6, 1 + kSigma * occupancy);
    }
}
