package org.reconsim.engine.sim;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.scenario.PeSessions;
import org.reconsim.models.memory.Context;
import org.reconsim.models.population.PatientGenerator;

/**
 * A patient's prolonged-exposure course (docs/MODEL.md sections 2a and 4): each session opens
 * with the retelling, a retrieval of the trauma memory, then runs its imaginal-exposure trials,
 * each rated on the SUDS (0-100), so within- and between-session habituation are outputs.
 */
final class ExposureCourse {

    private final TrialPlan plan;
    private final Reconsolidation reconsolidation;
    private final UniformRandomProvider sudsStream;
    private final List<PatientOutcome.Suds> suds = new ArrayList<>();
    private double meanDistress;

    ExposureCourse(TrialPlan plan, Reconsolidation reconsolidation, UniformRandomProvider sudsStream) {
        this.plan = plan;
        this.reconsolidation = reconsolidation;
        this.sudsStream = sudsStream;
    }

    /**
     * Session {@code k} (0-based) at {@code now}; {@code uniform} decides the retelling's
     * destabilization. Returns the end of the labile window it opened, NaN if none.
     */
    double session(int k, double now, double uniform) {
        PeSessions pe = plan.scenario().protocol().peSessions();
        double labileUntil = reconsolidation.retrieve(Context.THERAPY, now, pe.trialsPerSession() * pe.trialMinutes(), uniform)
                ? reconsolidation.memory().labileUntil() : Double.NaN;
        double trialHours = pe.trialMinutes() / 60.0;
        double distress = 0;
        for (int i = 0; i < pe.trialsPerSession(); i++) {
            double ti = now + i * trialHours;
            double r = reconsolidation.trial(Context.THERAPY, ti, 0);
            if (plan.recording().sessionDetail()) {
                double rating = Math.max(0, Math.min(100, 100 * r
                        + plan.scenario().measurement().sudsNoiseSd() * PatientGenerator.standardNormal(sudsStream)));
                suds.add(new PatientOutcome.Suds(k + 1, i + 1, ti - plan.timeline().retrievalStart(), rating));
            }
            distress += r;
        }
        meanDistress = distress / pe.trialsPerSession();
        return labileUntil;
    }

    /** Mean fear expressed over the last session's trials (the unobserved distress of mnar dropout). */
    double meanDistress() {
        return meanDistress;
    }

    List<PatientOutcome.Suds> suds() {
        return List.copyOf(suds);
    }
}
