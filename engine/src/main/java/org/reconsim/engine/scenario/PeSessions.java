package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;

/** The prolonged-exposure course ({@code protocol.pe_sessions}). */
public record PeSessions(
        @Spec(doc = "Number of PE sessions", min = 0, max = 100, source = "Duek 2021: 5 sessions") int count,
        @Spec(doc = "First session, hours after the infusion start", unit = "h", min = 0, max = 8760, source = "Duek 2023: therapy starting 24 h later")
        double firstHoursAfterInfusion,
        @Spec(doc = "Time between sessions", unit = "h", min = 0, max = 8760, minExclusive = true, source = "Duek 2023: daily sessions")
        double spacingHours,
        @Spec(doc = "Imaginal-exposure trials per session", min = 1, max = 100, source = "docs/MODEL.md 2a: 8 trials per session")
        int trialsPerSession,
        @Spec(doc = "Duration of one exposure trial", unit = "min", min = 0, max = 240, minExclusive = true,
                source = "[assumption] 40-45 min of imaginal exposure per PE session (Foa 2007 manual)")
        double trialMinutes) {

    public static PeSessions defaults() {
        return new PeSessions(5, 24.0, 24.0, 8, 5.0);
    }
}
