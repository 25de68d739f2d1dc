package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;

/** The protocol timeline (scenario section {@code protocol}): the pre-visit retrieval, the infusion, PE sessions, scan visits. */
public record Protocol(
        @Spec(doc = "Duration of the trauma-script retrieval in the scanner at the pre visit", unit = "min", min = 0, max = 600,
                minExclusive = true, source = "[assumption] script-driven imagery of a few minutes (Duek 2023: 30-s script windows)")
        double retrievalMinutes,
        @Spec(doc = "Infusion start relative to the end of the retrieval (negative: before it)", unit = "h", min = -48, max = 240,
                source = "Duek 2021: right after reactivation")
        double infusionStartHours,
        @Spec(doc = "Prolonged-exposure sessions") PeSessions peSessions,
        @Spec(doc = "Scan visits, in days after the pre-visit retrieval") Visits visits) {

    public static Protocol defaults() {
        return new Protocol(5.0, 0.0, PeSessions.defaults(), Visits.defaults());
    }

    public Protocol withInfusionStartHours(double hours) {
        return new Protocol(retrievalMinutes, hours, peSessions, visits);
    }
}
