package org.reconsim.engine.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.models.measurement.RoiMeasure;
import org.reconsim.models.population.PatientGenerator;

/**
 * A patient's scan instruments (docs/MODEL.md section 5): amygdala, hippocampus and vmPFC
 * trauma-minus-relax betas from fear expression, trace strength and extinction recall in the
 * scanner, and the trauma-script skin conductance response. Each instrument's traits (subject
 * intercepts, SCR responder status and gain) come from the traits stream, its scan noise from
 * the noise stream, all drawn when the patient is made.
 */
final class ScanInstruments implements Instrument.Reading {

    /** Scan noise per visit: the three ROIs, then SCR. */
    private static final int CHANNELS = TrialPlan.ROI_COUNT + 1;

    private final TrialPlan plan;
    private final double[] roiIntercepts = new double[TrialPlan.ROI_COUNT];
    /** The patient's site intercept of each ROI. */
    private final double[] siteEffect;
    private final boolean scrResponder;
    private final double scrGain;
    private final double[][] noise;

    ScanInstruments(TrialPlan plan, UniformRandomProvider traits, UniformRandomProvider noiseStream, int visits,
                    double[] siteEffect) {
        this.plan = plan;
        this.siteEffect = siteEffect;
        for (int r = 0; r < roiIntercepts.length; r++) {
            roiIntercepts[r] = plan.roi(r).subjectSd() * PatientGenerator.standardNormal(traits);
        }
        this.scrResponder = PatientGenerator.open(traits) >= plan.scr().nonresponderFraction();
        this.scrGain = plan.scr().gain(PatientGenerator.standardNormal(traits));
        this.noise = new double[visits][CHANNELS];
        for (double[] visit : noise) {
            for (int k = 0; k < visit.length; k++) {
                visit[k] = PatientGenerator.standardNormal(noiseStream);
            }
        }
    }

    /** The built-in instrument "scan": a patient's reading, its traits and noise drawn now. */
    static Instrument.Reading open(Instrument.Patient p) {
        double[] siteEffect = new double[TrialPlan.ROI_COUNT];
        for (int k = 0; k < siteEffect.length; k++) {
            siteEffect[k] = p.siteEffect(p.site(), k);
        }
        return new ScanInstruments(p.plan(), p.stream(org.reconsim.engine.rng.Purpose.MEASUREMENT_TRAITS),
                p.stream(org.reconsim.engine.rng.Purpose.MEASUREMENT_NOISE), Visit.values().length, siteEffect);
    }

    /**
     * Writes the visit's ROI betas and SCR into {@code observed} (indexed by endpoint):
     * fear in the scanner, trace strength and extinction recall to amygdala, hippocampus, vmPFC.
     */
    @Override
    public void observe(int visit, Instrument.Latents latents, double[] observed) {
        double fear = latents.fearInScanner();
        double[] latent = {fear, latents.traceStrength(), latents.extinctionRecall()};
        for (int k = 0; k < TrialPlan.ROI_COUNT; k++) {
            RoiMeasure m = plan.roi(k);
            observed[k] = m.observe(latent[k], roiIntercepts[k], siteEffect[k], noise[visit][k]);
        }
        int scr = Endpoint.SCR.ordinal();
        observed[scr] = plan.scr().score(plan.scr().amplitude(scrResponder, scrGain, fear, noise[visit][TrialPlan.ROI_COUNT]));
    }

    /** The SCR amplitude of one script event with latent {@code latent} and deviate {@code z} (continuous EDA). */
    double scrAmplitude(double latent, double z) {
        return plan.scr().amplitude(scrResponder, scrGain, latent, z);
    }
}
