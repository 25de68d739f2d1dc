package org.reconsim.models.measurement;

import org.reconsim.models.numerics.Fdlibm;
import org.reconsim.models.population.LogNormal;
import org.reconsim.models.spec.Spec;

/**
 * The parts of PTSD severity the trauma-memory trace does not carry (docs/MODEL.md section 5,
 * clinical scales; scenario section {@code measurement.symptoms}). Severity on the 0-80 metric
 * the PCL-5 and the CAPS-5 share (20 DSM-5 symptoms rated 0-4) is
 * <pre>
 *   severity(t) = slope * R_home(t) + trait - pe(n(t)) - nonspecific(t)
 *   pe(n)          = pe_max_points * m * (1 - (1 - pe_session_share)^n),   m log-normal, mean 1, CV pe_response_cv
 *   nonspecific(t) = nonspecific_points * (1 - exp(-days(t) / nonspecific_days))
 * </pre>
 * where R_home is fear expression at home (the memory's component, weighted by each scale's
 * {@code slope}), trait a patient's severity beyond the trace (avoidance, negative cognitions
 * and mood, arousal: about 60% of the PCL-5's items are not re-experiencing), n(t) the PE
 * sessions the patient has attended by t (a dropout attends fewer) and days(t) the time since
 * the pre-visit retrieval. Every component is in points and enters both scales with weight 1;
 * the weights of the components are these parameters, so a scenario can make symptoms follow
 * the memory (large slope, small rest) or mostly not (small slope).
 *
 * @param traitSd           SD of the patient's trait severity (points)
 * @param peMaxPoints       improvement PE teaches beyond the trace after many sessions (points)
 * @param peSessionShare    share of the remaining such improvement each attended session brings
 * @param peResponseCv      between-patient CV of that improvement
 * @param nonspecificPoints improvement from time, regression and contact, in either arm (points)
 * @param nonspecificDays   time constant of that improvement (days)
 */
public record PtsdSeverity(
        @Spec(doc = "SD of the patient's trait severity beyond the trauma-memory trace, shared by PCL-5 and CAPS-5",
                unit = "points", min = 0, max = 40,
                source = "[assumption] sized with the subject SDs so that baseline PCL-5 SD is about 13 (SD 12-14 in PTSD "
                        + "samples, e.g. 12.4 in PMC7443209) and CAPS-5 correlates with PCL-5 at about 0.66 (Weathers 2018)") double traitSd,
        @Spec(doc = "Improvement PE brings beyond the trauma-memory trace after many sessions (asymptote)", unit = "points",
                min = 0, max = 80,
                source = "[assumption] half of the PE-vs-control effect g 1.08 at post (Powers 2010) times PCL-5 SD 13; "
                        + "the other half left to the memory route") double peMaxPoints,
        @Spec(doc = "Share of the remaining beyond-trace improvement each attended PE session brings (diminishing returns)",
                min = 0, max = 1, source = "[assumption] 5 sessions bring 67% of the asymptote, 10 sessions 89%") double peSessionShare,
        @Spec(doc = "Between-patient coefficient of variation of the beyond-trace PE improvement (log-normal, mean 1)",
                min = 0, max = 3, source = "[assumption]") double peResponseCv,
        @Spec(doc = "Nonspecific improvement (time, regression to the mean, study contact) reached in either arm",
                unit = "points", min = 0, max = 80,
                source = "assessment-only and monitoring arms improve about 2 points (DuHamel 2010 PCL-C 34.0 to 32.1 at "
                        + "6 months; Pacella 2012 PSS-I 26.0 to 24.1)") double nonspecificPoints,
        @Spec(doc = "Time constant of the nonspecific improvement", unit = "day", min = 0, max = 3650, minExclusive = true,
                source = "[assumption]") double nonspecificDays) {

    public static PtsdSeverity defaults() {
        return new PtsdSeverity(10.0, 7.0, 0.2, 0.5, 2.0, 14.0);
    }

    /** The beyond-trace PE improvement after {@code sessions} attended sessions, for response multiplier {@code m}. */
    public double peImprovement(int sessions, double m) {
        return peMaxPoints * m * (1 - Math.pow(1 - peSessionShare, sessions));
    }

    /** A patient's PE response multiplier (mean 1, CV {@code pe_response_cv}) at standard-normal deviate {@code z}. */
    public double peResponse(double z) {
        return LogNormal.multiplier(peResponseCv, z);
    }

    /** The nonspecific improvement {@code days} after the pre-visit retrieval (0 before it). */
    public double nonspecificImprovement(double days) {
        return days <= 0 ? 0 : nonspecificPoints * -Fdlibm.expm1(-days / nonspecificDays);
    }
}
