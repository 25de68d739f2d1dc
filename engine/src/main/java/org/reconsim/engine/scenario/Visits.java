package org.reconsim.engine.scenario;

import java.util.List;
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
        double fu90,
        @Spec(doc = "The visits the trial scans, in order; pre and post are required (Duek 2023 scanned pre, post and fu30)",
                source = "Duek 2021: pre, post, 30 and 90 days")
        List<Visit> scanned) {

    public Visits {
        scanned = ReadOnly.list(scanned);
    }

    /** Every visit scanned at these days. */
    public Visits(double pre, double post, double fu30, double fu90) {
        this(pre, post, fu30, fu90, List.of(Visit.values()));
    }

    public static Visits defaults() {
        return new Visits(0, 7, 30, 90);
    }

    /** Whether {@code visit} is scanned. */
    public boolean scans(Visit visit) {
        return scanned.contains(visit);
    }

    /** The scanned visits after the pre visit: the visits a treatment effect is estimated at. */
    public List<Visit> followUps() {
        return scanned.stream().filter(v -> v != Visit.PRE).toList();
    }
}
