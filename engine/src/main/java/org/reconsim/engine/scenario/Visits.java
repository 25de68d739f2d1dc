package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;

/** Scan visits in days after the pre-visit retrieval ({@code protocol.visits}). */
public record Visits(
        @Spec(doc = "Pre-treatment scan with the trauma-script retrieval: protocol time 0", unit = "day", min = 0, max = 0,
                source = "Duek 2021: retrieval in the scanner before the infusion") double pre,
        @Spec(doc = "Post-treatment scan", unit = "day", min = 0, max = 3650, minExclusive = true,
                source = "[assumption] a day after the last of 5 daily sessions")
        double post,
        @Spec(doc = "30-day follow-up scan", unit = "day", min = 0, max = 3650, minExclusive = true, source = "Duek 2021")
        double fu30,
        @Spec(doc = "90-day follow-up scan", unit = "day", min = 0, max = 3650, minExclusive = true, source = "Duek 2021")
        double fu90) {

    public static Visits defaults() {
        return new Visits(0, 7, 30, 90);
    }
}
