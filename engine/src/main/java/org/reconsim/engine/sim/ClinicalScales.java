package org.reconsim.engine.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Nonspecific;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.models.measurement.RoiMeasure;
import org.reconsim.models.population.PatientGenerator;

/**
 * A patient's clinical scales (docs/MODEL.md section 5): PCL-5 self-report and CAPS-5 clinician
 * rating from fear expression at home, each with a subject intercept and visit noise sized from
 * its test-retest reliability; and the functional unblinding that lets expectancy move the
 * self-report only (docs/MODEL.md section 3, null and nonspecific effects).
 *
 * <p>Draw order on the clinical stream (fixed, so a patient's scores do not depend on what
 * else is simulated): the unblinding guess, the PCL-5 intercept and one deviate per visit, the
 * CAPS-5 intercept and one deviate per visit, then one deviate per weekly rating.
 */
final class ClinicalScales implements Instrument.Reading {

    private final Scenario s;
    private final UniformRandomProvider clinical;
    private final boolean believesActive;
    private final double pcl5Intercept;
    private final double[] pcl5Noise;
    private final double caps5Intercept;
    private final double[] caps5Noise;

    ClinicalScales(Scenario s, double peakDissociation, double peakSedation, UniformRandomProvider clinical, int visits) {
        this.s = s;
        this.clinical = clinical;
        Nonspecific ns = s.mechanisms().nonspecific();
        this.believesActive = PatientGenerator.open(clinical) < Math.min(1, ns.unblindingBase()
                + ns.unblindingPerDissociation() * peakDissociation + ns.unblindingPerSedation() * peakSedation);
        this.pcl5Intercept = s.measurement().pcl5().subjectSd() * PatientGenerator.standardNormal(clinical);
        this.pcl5Noise = deviates(clinical, visits);
        this.caps5Intercept = s.measurement().caps5().subjectSd() * PatientGenerator.standardNormal(clinical);
        this.caps5Noise = deviates(clinical, visits);
    }

    /** The built-in instrument "clinical": a patient's scales, the unblinding guess and noise drawn now. */
    static Instrument.Reading open(Instrument.Patient p) {
        return new ClinicalScales(p.plan().scenario(), p.peakDissociation(), p.peakSedation(),
                p.stream(org.reconsim.engine.rng.Purpose.CLINICAL), Visit.values().length);
    }

    @Override
    public void observe(int visit, Instrument.Latents latents, double[] row) {
        row[Endpoint.PCL5.ordinal()] = pcl5(visit, latents.fearAtHome());
        row[Endpoint.CAPS5.ordinal()] = caps5(visit, latents.fearAtHome());
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

    /** PCL-5 at a scan visit; after the pre visit, patients who believe they got the active drug report less. */
    double pcl5(int visit, double fearAtHome) {
        double expectancy = believesActive && visit > 0 ? s.mechanisms().nonspecific().expectancyPcl5() : 0;
        return score(s.measurement().pcl5(), fearAtHome, pcl5Intercept, pcl5Noise[visit], expectancy);
    }

    /** CAPS-5 at a scan visit: a clinician's rating, no expectancy. */
    double caps5(int visit, double fearAtHome) {
        return score(s.measurement().caps5(), fearAtHome, caps5Intercept, caps5Noise[visit], 0);
    }

    /** The deviate of the next weekly rating: drawn for every patient (aligned streams), used only while in the study. */
    double nextWeeklyDeviate() {
        return PatientGenerator.standardNormal(clinical);
    }

    /** A weekly PCL-5 at home with deviate {@code z}; expectancy acts once the infusion has started. */
    double weeklyPcl5(double fearAtHome, double z, boolean afterInfusion) {
        double expectancy = believesActive && afterInfusion ? s.mechanisms().nonspecific().expectancyPcl5() : 0;
        return score(s.measurement().pcl5(), fearAtHome, pcl5Intercept, z, expectancy);
    }

    /** intercept + slope * fear + subject + within-SD * z - expectancy, clamped to the scale's 0..80. */
    private static double score(org.reconsim.models.measurement.ClinicalScale q, double fearAtHome, double subject, double z, double expectancy) {
        double v = q.intercept() + q.slope() * fearAtHome + subject + RoiMeasure.withinSd(q.subjectSd(), q.icc()) * z - expectancy;
        return Math.max(0, Math.min(80, v));
    }
}
