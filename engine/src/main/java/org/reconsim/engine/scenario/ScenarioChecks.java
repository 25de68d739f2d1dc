package org.reconsim.engine.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks that need more than one field: names that must match, a timeline that must be in order. */
public final class ScenarioChecks {

    /** One problem found by a whole-file check: field path and message. */
    public record Finding(String path, String message) {
    }

    private ScenarioChecks() {
    }

    static List<Finding> check(Scenario s) {
        List<Finding> out = new ArrayList<>();
        Design d = s.design();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < d.arms().size(); i++) {
            Arm arm = d.arms().get(i);
            String path = "design.arms[" + i + "]";
            if (!arm.name().matches("[A-Za-z0-9_-]+")) {
                out.add(new Finding(path + ".name", "arm names use letters, digits, '-' and '_' only, got '" + arm.name() + "'"));
            }
            if (!names.add(arm.name())) {
                out.add(new Finding(path + ".name", "duplicate arm name '" + arm.name() + "'"));
            }
            if (arm.drug() != null && !arm.drug().active() && arm.doseMgPerKg() != 0) {
                out.add(new Finding(path + ".dose_mg_per_kg", arm.drug().label() + " has no active dose: use 0"));
            }
        }
        if (!names.contains(d.controlArm())) {
            out.add(new Finding("design.control_arm", "'" + d.controlArm() + "' is not an arm; allowed: " + String.join(", ", names)));
        }
        contrasts(out, d, names);
        InterimChecks.check(out, s);
        int smallest = d.smallestArm().allocation() * d.nPerArm();
        if (smallest < Design.MIN_ARM_PATIENTS) {
            out.add(new Finding("design.n_per_arm", "the smallest arm would hold " + smallest
                    + " patient: n_per_arm x allocation must be at least 2 in every arm"));
        }
        if (!s.name().matches("[A-Za-z0-9._-]+")) {
            out.add(new Finding("name", "scenario names use letters, digits, '.', '-' and '_' only (they name output folders), got '"
                    + s.name() + "'"));
        }

        if (!s.directEffects().isEmpty() && !s.mechanisms().active().isEmpty()) {
            out.add(new Finding("direct_effects", "direct effects replace the mechanisms: set mechanisms.active: [] (now "
                    + s.mechanisms().active().stream().map(org.reconsim.models.mechanism.MechanismType::label).toList() + ")"));
        }
        Set<Endpoint> seen = new HashSet<>();
        for (int i = 0; i < s.directEffects().size(); i++) {
            if (!seen.add(s.directEffects().get(i).endpoint())) {
                out.add(new Finding("direct_effects[" + i + "].endpoint", "endpoint '" + s.directEffects().get(i).endpoint().label()
                        + "' has two direct effects"));
            }
        }

        if (s.analysis().primaryVisit() == Visit.PRE) {
            // power has no result at the baseline: it stopped with an internal error here
            out.add(new Finding("analysis.primary_visit", "the primary analysis tests a treatment effect: use post, fu30 or fu90"));
        }
        List<FamilyMember> family = s.analysis().family();
        for (int i = 0; i < family.size(); i++) {
            if (family.get(i).visit() == Visit.PRE) {
                out.add(new Finding("analysis.family[" + i + "].visit", "the family tests treatment effects: use post, fu30 or fu90"));
            }
            if (family.indexOf(family.get(i)) != i) {
                out.add(new Finding("analysis.family[" + i + "]", "listed twice"));
            }
        }
        scannedVisits(out, s);
        Set<Endpoint> hypothesized = new HashSet<>();
        for (int i = 0; i < s.analysis().hypotheses().size(); i++) {
            if (!hypothesized.add(s.analysis().hypotheses().get(i).endpoint())) {
                out.add(new Finding("analysis.hypotheses[" + i + "].endpoint", "endpoint '"
                        + s.analysis().hypotheses().get(i).endpoint().label() + "' has two hypothesized directions"));
            }
        }
        if (s.analysis().adjustment() != Adjustment.NONE && family.size() < 2) {
            out.add(new Finding("analysis.family", "an adjustment needs a family of at least two endpoint-visit pairs"));
        }

        Population p = s.population();
        normal(out, "population.weight_kg", p.weightKg(), 1, 500);
        normal(out, "population.age_years", p.ageYears(), 0, 120);
        normal(out, "population.memory_age_years", p.memoryAgeYears(), 0, 120);
        normal(out, "population.trace_strength", p.traceStrength(), 0, 1);
        normal(out, "population.extinction", p.extinction(), 0, 1);

        List<List<Double>> r = s.pharmacology().variability().correlation();
        String rp = "pharmacology.variability.correlation";
        boolean square = r.size() == 4 && r.stream().allMatch(row -> row.size() == 4);
        if (!square) {
            out.add(new Finding(rp, "expected a 4x4 matrix (CL, V1, V2, V3), got " + r.size() + " rows"));
        } else {
            boolean ok = true;
            for (int i = 0; i < 4 && ok; i++) {
                if (Math.abs(r.get(i).get(i) - 1) > 1e-12) {
                    out.add(new Finding(rp, "the diagonal must be 1, row " + (i + 1) + " has " + r.get(i).get(i)));
                    ok = false;
                }
                for (int j = 0; j < 4 && ok; j++) {
                    if (Math.abs(r.get(i).get(j) - r.get(j).get(i)) > 1e-12 || Math.abs(r.get(i).get(j)) > 1) {
                        out.add(new Finding(rp, "must be symmetric with entries in -1..1 (row " + (i + 1) + ", column " + (j + 1) + ")"));
                        ok = false;
                    }
                }
            }
            if (ok) {
                try {
                    new org.reconsim.models.population.CorrelatedNormals(r);
                } catch (IllegalArgumentException e) {
                    out.add(new Finding(rp, "the matrix is not positive definite: no variables can have these correlations"));
                }
            }
        }
        checkMeasurement(s.measurement(), out);
        if (!(s.pharmacology().dissociation().lowNgPerMl() < s.pharmacology().dissociation().highNgPerMl())) {
            out.add(new Finding("pharmacology.dissociation.high_ng_per_ml", "must be greater than low_ng_per_ml"));
        }

        org.reconsim.models.memory.TwoTraceParameters tt = s.memory().twoTrace();
        if (tt.minReexposureMinutes() >= tt.maxReexposureMinutes()) {
            out.add(new Finding("memory.two_trace.max_reexposure_minutes",
                    "must be greater than min_reexposure_minutes (" + tt.minReexposureMinutes() + ")"));
        }

        Protocol pr = s.protocol();
        Visits v = pr.visits();
        if (!(v.post() < v.fu30())) {
            out.add(new Finding("protocol.visits.fu30", "inconsistent timeline: fu30 (day " + v.fu30() + ") must come after post (day " + v.post() + ")"));
        }
        if (!(v.fu30() < v.fu90())) {
            out.add(new Finding("protocol.visits.fu90", "inconsistent timeline: fu90 (day " + v.fu90() + ") must come after fu30 (day " + v.fu30() + ")"));
        }
        Timeline t = Timeline.of(s);
        PeSessions pe = pr.peSessions();
        double sessionHours = pe.trialsPerSession() * pe.trialMinutes() / 60.0;
        if (pe.count() > 1 && pe.spacingHours() < sessionHours) {
            out.add(new Finding("protocol.pe_sessions.spacing_hours", "inconsistent timeline: sessions of "
                    + sessionHours + " h overlap when spaced " + pe.spacingHours() + " h apart"));
        }
        if (pe.count() > 0 && t.sessionStart(0) < t.retrievalEnd()) {
            // the pre visit is the baseline: a patient who dropped out of therapy before it would never be observed
            out.add(new Finding("protocol.pe_sessions.first_hours_after_infusion", "inconsistent timeline: the first PE session (hour "
                    + String.format(java.util.Locale.ROOT, "%.2f", t.sessionStart(0) - t.retrievalStart())
                    + ") must start after the pre-visit retrieval, which ends at hour "
                    + String.format(java.util.Locale.ROOT, "%.2f", t.retrievalEnd() - t.retrievalStart())));
        }
        double lastEnd = t.treatmentEnd();
        for (Arm arm : d.arms()) {
            lastEnd = Math.max(lastEnd, t.treatmentEnd(t.infusionStart(arm.infusionStartHours(s.protocol())), arm.infusionMinutes()));
        }
        if (t.visitHours(Visit.POST) <= lastEnd) {
            out.add(new Finding("protocol.visits.post", "inconsistent timeline: the post scan (day " + v.post()
                    + ") must come after the infusion and the last PE session, which end at day "
                    + String.format(java.util.Locale.ROOT, "%.2f", (lastEnd - t.retrievalStart()) / 24.0)));
        }
        return out;
    }

    /** The scanned visits: pre and post among them, each once, in time order; the analysis reads only scanned visits. */
    private static void scannedVisits(List<Finding> out, Scenario s) {
        List<Visit> scanned = s.protocol().visits().scanned();
        String path = "protocol.visits.scanned";
        if (!scanned.contains(Visit.PRE) || !scanned.contains(Visit.POST)) {
            out.add(new Finding(path, "must include pre and post, got " + scanned.stream().map(Visit::label).toList()));
        }
        for (int i = 1; i < scanned.size(); i++) {
            if (scanned.get(i).ordinal() <= scanned.get(i - 1).ordinal()) {
                out.add(new Finding(path + "[" + i + "]", "visits are listed once each, in the order pre, post, fu30, fu90"));
            }
        }
        String allowed = String.join(", ", scanned.stream().map(Visit::label).toList());
        if (!scanned.contains(s.analysis().primaryVisit())) {
            out.add(new Finding("analysis.primary_visit", "'" + s.analysis().primaryVisit().label()
                    + "' is not scanned; scanned: " + allowed));
        }
        List<FamilyMember> family = s.analysis().family();
        for (int i = 0; i < family.size(); i++) {
            if (family.get(i).visit() != Visit.PRE && !scanned.contains(family.get(i).visit())) {
                out.add(new Finding("analysis.family[" + i + "].visit", "'" + family.get(i).visit().label()
                        + "' is not scanned; scanned: " + allowed));
            }
        }
    }

    /** Named contrasts: two different arms of the design, a pair not already compared, a name no other contrast has. */
    private static void contrasts(List<Finding> out, Design d, Set<String> arms) {
        Set<String> labels = new HashSet<>();
        Set<List<String>> pairs = new HashSet<>();
        for (Arm arm : d.arms()) {
            if (!arm.name().equals(d.controlArm())) {
                labels.add(arm.name() + "-vs-" + d.controlArm());
                pairs.add(List.of(arm.name(), d.controlArm()));
            }
        }
        String allowed = String.join(", ", d.arms().stream().map(Arm::name).toList());
        for (int i = 0; i < d.contrasts().size(); i++) {
            ArmContrast c = d.contrasts().get(i);
            String path = "design.contrasts[" + i + "]";
            if (!c.name().matches("[A-Za-z0-9_-]+")) {
                out.add(new Finding(path + ".name", "contrast names use letters, digits, '-' and '_' only, got '" + c.name() + "'"));
            }
            if (!labels.add(c.name())) {
                out.add(new Finding(path + ".name", "duplicate contrast name '" + c.name() + "'"));
            }
            if (!arms.contains(c.treatment())) {
                out.add(new Finding(path + ".treatment", "'" + c.treatment() + "' is not an arm; allowed: " + allowed));
            }
            if (!arms.contains(c.control())) {
                out.add(new Finding(path + ".control", "'" + c.control() + "' is not an arm; allowed: " + allowed));
            }
            if (c.treatment().equals(c.control())) {
                out.add(new Finding(path + ".control", "a contrast compares two different arms, got '" + c.control() + "' twice"));
            } else if (!pairs.add(List.of(c.treatment(), c.control()))) {
                out.add(new Finding(path, c.treatment() + " is already compared with " + c.control()));
            }
        }
    }

    private static void normal(List<Finding> out, String path, Normal n, double lo, double hi) {
        if (!(n.min() < n.max())) {
            out.add(new Finding(path + ".max", "must be greater than min (" + n.min() + ")"));
        }
        if (n.min() < lo || n.max() > hi) {
            out.add(new Finding(path, "truncation bounds must lie within " + SectionTypes.numberText(lo) + ".."
                    + SectionTypes.numberText(hi) + ", got " + n.min() + ".." + n.max()));
        }
    }

    /**
     * The correlation triples must be positive definite (their Cholesky factors draw the effects),
     * and each edge's subject SD must leave room for its window sampling variance: the session
     * noise is sized as what the ICC allows beyond that variance, and the subject SD is the part of
     * the true-score spread known before the population is calibrated.
     */
    private static void checkMeasurement(Measurement m, List<Finding> out) {
        org.reconsim.models.measurement.RegionCorrelation[] regions = {m.roiSubjectCorrelation(), m.roiNoiseCorrelation()};
        String[] regionPaths = {"measurement.roi_subject_correlation", "measurement.roi_noise_correlation"};
        for (int i = 0; i < regions.length; i++) {
            if (regions[i].factor() == null) {
                out.add(new Finding(regionPaths[i], "the three correlations are not positive definite: no three regions can have them"));
            }
        }
        org.reconsim.models.measurement.ConnectivityEdges c = m.connectivity();
        if (c.subjectCorrelation().factor() == null) {
            out.add(new Finding("measurement.connectivity.subject_correlation",
                    "the three correlations are not positive definite: no three edges can have them"));
        }
        if (c.noiseCorrelation().factor() == null) {
            out.add(new Finding("measurement.connectivity.noise_correlation",
                    "the three correlations are not positive definite: no three edges can have them"));
        }
        double v = org.reconsim.models.measurement.ConnectivitySampling.duek2023().outcomeVariance();
        for (org.reconsim.models.measurement.Roi.Pair p : org.reconsim.models.measurement.Roi.Pair.values()) {
            org.reconsim.models.measurement.EdgeCoupling e = c.edge(p);
            double needed = Math.sqrt(v * e.icc() / (1 - e.icc()));
            if (e.subjectSd() < needed) {
                out.add(new Finding("measurement.connectivity." + p.name().toLowerCase(java.util.Locale.ROOT) + ".subject_sd",
                        String.format(java.util.Locale.ROOT, "at icc %s the subject SD must be at least %.4f: window sampling "
                                + "alone has SD %.4f, got %s", e.icc(), needed, Math.sqrt(v), e.subjectSd())));
            }
        }
    }
}
