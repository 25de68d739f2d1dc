package org.reconsim.engine.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Nonspecific;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.models.measurement.PtsdSeverity;
import org.reconsim.models.population.PatientGenerator;

/**
 * A patient's clinical scales (docs/MODEL.md section 5): PCL-5 self-report and CAPS-5 clinician
 * rating of PTSD severity, which is the trauma memory's fear expression at home plus what the
 * trace does not carry ({@link PtsdSeverity}: trait severity, the improvement PE brings beyond
 * the trace in the sessions the patient attended, nonspecific improvement with time); each
 * scale adds its own subject intercept and visit noise sized from its test-retest reliability.
 * The functional unblinding lets expectancy move the self-report only (docs/MODEL.md section 3,
 * null and nonspecific effects). Scan visits and weekly ratings read the same severity.
 *
 * <p>Draw order on the clinical stream (fixed, so a patient's scores do not depend on what
 * else is simulated): the unblinding guess, the PCL-5 intercept and one deviate per visit, the
 * CAPS-5 intercept and one deviate per visit, then one deviate per weekly rating. The severity
 * components draw from their own stream {@code instrument/clinical/symptoms}: the trait, then
 * the PE response multiplier, so adding them left the clinical stream's draws unchanged.
 */
final class ClinicalScales implements Instrument.Reading {

    /** The visits by ordinal, once ({@code Visit.values()} copies its array at every call). */
    private static final Visit[] VISITS = Visit.values();

    private final TrialPlan plan;
    private final PtsdSeverity severity;
    private final UniformRandomProvider clinical;
    private final boolean believesActive;
    private final double pcl5Intercept;
    private final double[] pcl5Noise;
    private final double caps5Intercept;
    private final double[] caps5Noise;
    private final double trait;
    private final double peResponse;
    private int sessionsAttended;

    ClinicalScales(TrialPlan plan, double peakDissociation, double peakSedation, UniformRandomProvider clinical,
                   UniformRandomProvider symptoms, int visits) {
        this.plan = plan;
        this.severity = plan.scenario().measurement().symptoms();
        this.clinical = clinical;
        Nonspecific ns = plan.scenario().mechanisms().nonspecific();
        this.believesActive = PatientGenerator.open(clinical) < Math.min(1, ns.unblindingBase()
                + ns.unblindingPerDissociation() * peakDissociation + ns.unblindingPerSedation() * peakSedation);
        this.pcl5Intercept = plan.pcl5().scale().subjectSd() * PatientGenerator.standardNormal(clinical);
        this.pcl5Noise = deviates(clinical, visits);
        this.caps5Intercept = plan.caps5().scale().subjectSd() * PatientGenerator.standardNormal(clinical);
        this.caps5Noise = deviates(clinical, visits);
        this.trait = severity.traitSd() * PatientGenerator.standardNormal(symptoms);
        this.peResponse = severity.peResponse(PatientGenerator.standardNormal(symptoms));
    }

    /** The built-in instrument "clinical": a patient's scales, the unblinding guess, traits and noise drawn now. */
    static Instrument.Reading open(Instrument.Patient p) {
        return new ClinicalScales(p.plan(), p.peakDissociation(), p.peakSedation(),
                p.stream(org.reconsim.engine.rng.Purpose.CLINICAL), p.stream("symptoms"), Visit.values().length);
    }

    @Override
    public void observe(int visit, Instrument.Latents latents, double[] row) {
        double hours = plan.timeline().visitHours(VISITS[visit]);
        // both scales read the same severity beyond the trace at the visit: computed once
        double beyond = beyondTrace(hours);
        row[Endpoint.PCL5.ordinal()] = pcl5(beyond, latents.fearAtHome(), pcl5Noise[visit], visit > 0);
        row[Endpoint.CAPS5.ordinal()] = plan.caps5().observe(latents.fearAtHome(), beyond, caps5Intercept, caps5Noise[visit]);
    }

    private static double[] deviates(UniformRandomProvider stream, int n) {
        double[] z = new double[n];
        for (int v = 0; v < n; v++) {
            z[v] = PatientGenerator.standardNormal(stream);
        }
        return z;
    }

    boolean believesActive() {
        return believesActive;
    }

    /** The patient attended one more PE session (the protocol calls this; dropouts attend fewer). */
    void sessionAttended() {
        sessionsAttended++;
    }

    /** The deviate of the next weekly rating: drawn for every patient (aligned streams), used only while in the study. */
    double nextWeeklyDeviate() {
        return PatientGenerator.standardNormal(clinical);
    }

    /**
     * A weekly PCL-5 at home at simulation time {@code hours}, with deviate {@code z}, through the
     * same pathway as at a visit; expectancy acts once the patient's own infusion has started
     * ({@code afterInfusion}: arms may start it at different times).
     */
    double weeklyPcl5(double hours, double fearAtHome, double z, boolean afterInfusion) {
        return pcl5(beyondTrace(hours), fearAtHome, z, afterInfusion);
    }

    /** PCL-5 with severity {@code beyond} the trace; after the infusion, patients who believe they got the active drug report less. */
    private double pcl5(double beyond, double fearAtHome, double z, boolean afterInfusion) {
        double expectancy = believesActive && afterInfusion ? plan.scenario().mechanisms().nonspecific().expectancyPcl5() : 0;
        return plan.pcl5().observe(fearAtHome, beyond - expectancy, pcl5Intercept, z);
    }

    /** Severity the trace does not carry at {@code hours}: trait minus PE (sessions attended so far) and nonspecific improvement. */
    private double beyondTrace(double hours) {
        double days = (hours - plan.timeline().retrievalStart()) / 24.0;
        return trait - severity.peImprovement(sessionsAttended, peResponse) - severity.nonspecificImprovement(days);
    }
}
