package org.reconsim.engine.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.models.pharmacology.ConcentrationProfile;
import org.reconsim.models.pharmacology.NonspecificEffect;

/**
 * One patient's drug course (docs/MODEL.md section 3): the plasma concentration of the arm's
 * infusion, NMDA occupancy over time as the reconsolidation choreography reads it, and the
 * nonspecific effects at the peak (the drug's own: ketamine's dissociation, midazolam's sedation).
 */
final class DrugCourse implements Reconsolidation.DrugExposure {

    private final TrialPlan plan;
    private final ArmPlan arm;
    private final ConcentrationProfile exposure;
    private final double infusionStart;
    /** Whether any active mechanism reads the momentary occupancy (fixed per plan; read on every trial). */
    private final boolean momentary;
    private final double peakConcentration;
    private final double peakOccupancy;
    private final double peakDissociation;
    private final double peakSedation;

    /** Draws the patient's PK parameters from {@code pkStream} (for every patient: common random numbers across arms). */
    DrugCourse(TrialPlan plan, ArmPlan arm, double weightKg, UniformRandomProvider pkStream) {
        this.plan = plan;
        this.arm = arm;
        PatientExposure px = PatientExposure.of(plan.scenario().pharmacology(), plan.pkCorrelation(), arm, weightKg, pkStream);
        this.exposure = px.profile();
        this.infusionStart = arm.infusionStart();
        this.momentary = plan.occupancyActsOnTrials();
        this.peakConcentration = px.exposed() ? exposure.peakNgPerMl() : 0;
        this.peakOccupancy = px.exposed() && arm.nmdaAntagonist() ? plan.occupancy().occupancy(peakConcentration) : 0;
        // each drug's own effect (none for saline); with no exposure the peak is 0 and so is the effect
        NonspecificEffect effect = plan.scenario().pharmacology().effectOf(arm.drug());
        this.peakDissociation = effect.dissociation(peakConcentration);
        this.peakSedation = effect.sedation(peakConcentration);
    }

    double peakConcentration() {
        return peakConcentration;
    }

    @Override
    public double peakOccupancy() {
        return peakOccupancy;
    }

    double peakDissociation() {
        return peakDissociation;
    }

    double peakSedation() {
        return peakSedation;
    }

    @Override
    public double hoursSinceDose(double t) {
        return t - infusionStart;
    }

    /**
     * NMDA occupancy at a simulation hour; 0 when no active mechanism reads the momentary
     * occupancy (the engine then need not evaluate the concentration on every trial).
     */
    @Override
    public double occupancyAt(double t) {
        if (exposure == null || !arm.nmdaAntagonist() || t < infusionStart || !momentary) {
            return 0;
        }
        return plan.occupancy().occupancy(exposure.plasmaNgPerMl((t - infusionStart) * 60));
    }

    @Override
    public double meanOccupancy(double from, double to) {
        if (exposure == null || !arm.nmdaAntagonist()) {
            return 0;
        }
        double fromMinutes = (from - infusionStart) * 60;
        // after the infusion the plasma concentration only falls (a sum of decaying exponentials
        // with positive weights), so the occupancy at the window's start bounds its mean: below
        // 1e-9 the integral is 0 to within its own error bound, and costs nothing
        if (fromMinutes > arm.infusionMinutes() && plan.occupancy().occupancy(exposure.plasmaNgPerMl(fromMinutes)) < 1e-9) {
            return 0;
        }
        return plan.occupancy().meanOccupancy(exposure, fromMinutes, (to - infusionStart) * 60);
    }
}
