package org.reconsim.engine.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.scenario.Pharmacology;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Variability;
import org.reconsim.models.pharmacology.CompartmentParameters;
import org.reconsim.models.pharmacology.ConcentrationProfile;
import org.reconsim.models.pharmacology.DosingRegimen;
import org.reconsim.models.population.CorrelatedNormals;
import org.reconsim.models.population.LogNormal;
import org.reconsim.models.population.PatientGenerator;

/**
 * One patient's drug exposure: individual PK parameters (log-normal variability around the
 * arm's model scaled to the patient's weight) and the concentration profile of the arm's
 * infusion, minute 0 = infusion start. Four deviates are drawn for every patient, whatever
 * the arm, so exposures stay aligned across arms and scenarios (common random numbers).
 *
 * @param parameters  individual compartment parameters, null without drug
 * @param profile     concentration profile, null without drug
 * @param doseMg      dose given
 */
public record PatientExposure(CompartmentParameters parameters, ConcentrationProfile profile, double doseMg) {

    /** Number of standard-normal deviates drawn from the PK stream. */
    public static final int DEVIATES = 4;

    public static PatientExposure of(Pharmacology ph, CorrelatedNormals correlation, ArmPlan arm, double weightKg,
                                     UniformRandomProvider pkStream) {
        double[] z = new double[DEVIATES];
        for (int k = 0; k < z.length; k++) {
            z[k] = PatientGenerator.standardNormal(pkStream);
        }
        if (arm.pk() == null || !(arm.doseMgPerKg() > 0)) {
            return new PatientExposure(null, null, 0);
        }
        Variability v = ph.variability();
        double[] eta = correlation.apply(z);
        CompartmentParameters p = arm.pk().forWeight(weightKg);
        if (ph.allometricScaling()) {
            p = p.allometric(weightKg, REFERENCE_KG, arm.pk().v1PerKg());
        }
        p = p.withVariability(LogNormal.logSd(v.clearanceCv()) * eta[0], LogNormal.logSd(v.v1Cv()) * eta[1],
                LogNormal.logSd(v.peripheralCv()) * eta[2], LogNormal.logSd(v.peripheralCv()) * eta[3]);
        double doseMg = arm.doseMgPerKg() * weightKg;
        return new PatientExposure(p, arm.pk().profile(p, DosingRegimen.infusion(0, arm.infusionMinutes(), doseMg)), doseMg);
    }

    /** Reference adult for allometric scaling, kg. */
    public static final double REFERENCE_KG = 70;

    public boolean exposed() {
        return profile != null;
    }

    /** Plasma concentration, ng/mL, {@code minutes} after the infusion start (0 before it). */
    public double concentration(double minutes) {
        return profile == null || minutes < 0 ? 0 : profile.plasmaNgPerMl(minutes);
    }
}
