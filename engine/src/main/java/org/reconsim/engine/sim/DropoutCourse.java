package org.reconsim.engine.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.scenario.Dropout;
import org.reconsim.engine.scenario.DropoutMechanism;
import org.reconsim.engine.scenario.Normal;
import org.reconsim.engine.scenario.Scenario;

/**
 * Whether and when a patient leaves therapy (docs/MODEL.md section 4): a per-session hazard,
 * constant (mcar) or scaled by {@code exp(slope * distress)} where distress is the observed
 * baseline PCL-5 (mar) or the unobserved distress of the last session (mnar), in SDs.
 */
final class DropoutCourse {

    private final TrialPlan plan;
    private final Dropout d;
    private final UniformRandomProvider stream;
    private double distress;
    private int session;

    DropoutCourse(TrialPlan plan, UniformRandomProvider stream) {
        this.plan = plan;
        this.d = plan.scenario().therapy().dropout();
        this.stream = stream;
    }

    /** The pre visit sets the distress: fear at home (mnar) or the observed PCL-5 (mar). */
    void baseline(double fearAtHome, double pcl5) {
        distress = d.mechanism() == DropoutMechanism.MNAR ? standardizedFear(fearAtHome) : standardizedPcl5(pcl5);
    }

    /** Whether the patient drops out at the start of session {@code k} (0-based); draws one uniform. */
    boolean leavesAt(int k) {
        if (stream.nextDouble() < hazard()) {
            session = k + 1;
            return true;
        }
        return false;
    }

    /** Under mnar a session's mean distress drives the next session's hazard. */
    void sessionDistress(double meanFear) {
        if (d.mechanism() == DropoutMechanism.MNAR) {
            distress = standardizedFear(meanFear);
        }
    }

    boolean droppedOut() {
        return session > 0;
    }

    /** The session (1-based) at whose start the patient left; 0: completed. */
    int session() {
        return session;
    }

    private double hazard() {
        if (d.mechanism() == DropoutMechanism.MCAR) {
            return plan.dropoutHazardPerSession();
        }
        return Math.min(1, plan.dropoutHazardPerSession() * Math.exp(d.distressSlope() * distress));
    }

    /**
     * A PCL-5 score as SDs from the population's expected baseline: mean from the trace's
     * population mean, SD from every true-score component and the noise (the plan's measure).
     */
    private double standardizedPcl5(double score) {
        org.reconsim.models.measurement.ClinicalMeasure q = plan.pcl5();
        Normal e0 = plan.scenario().population().traceStrength();
        double mean = q.scale().intercept() + q.scale().slope() * e0.mean();
        double sd = q.baselineSd(plan.latentSpread().fearAtHome(), plan.scenario().measurement().symptoms().traitSd());
        return (score - mean) / sd;
    }

    /** Fear expression as SDs from the population's baseline trace strength. */
    private double standardizedFear(double r) {
        Normal e0 = plan.scenario().population().traceStrength();
        return (r - e0.mean()) / Math.max(1e-9, e0.sd());
    }
}
