package org.reconsim.results.dataset;

import static org.reconsim.results.dataset.DataColumn.of;

import java.util.ArrayList;
import java.util.List;

/**
 * The data dictionary of the trial tables: every column of what {@code run} and {@code generate}
 * write (csv tables and the BIDS TSVs), with type, unit, meaning and when it is NA. The writers
 * take their headers from here ({@link TrialTables}, {@link ScanTables}); docs/DATA.md is
 * {@link #markdown()} (DataDictionaryTest keeps both in step, and checks the headers of every
 * other command's tables against {@link ResultDictionary}).
 */
public final class DataDictionary {

    private static final DataColumn REPLICATE = of("replicate", "integer", "-", "virtual trial index (0 for run and generate)");
    private static final DataColumn SUBJECT = of("subject_id", "integer", "-", "subject number, global patient index + 1 (BIDS: sub-%03d)");
    private static final DataColumn ARM = of("arm", "text", "-", "randomized arm (scenario's design.arms name)");
    private static final DataColumn SITE = of("site", "text", "-", "recruiting site, site1..siteK");
    private static final String SCANNED = "pre, post, fu30 or fu90 (the scan visits)";
    private static final String MISSED = "the patient had left the study by this visit";

    public static final DataTable OBSERVATIONS = new DataTable("run, generate", "observations.csv",
            "one per subject, visit and measure that was observed (missed visits have no rows)", List.of(REPLICATE, SUBJECT, ARM, SITE,
            of("visit", "text", "-", SCANNED + ", or wkNN for the weekly home PCL-5 of week NN. The weekly rating is a separate "
                    + "administration of the scale with its own noise: when a week falls on a scan visit's day (wk01 and post are "
                    + "both day 7 in duek-2021) the subject has two PCL-5 values that day, and the analyses use the visit's"),
            of("day", "number", "day", "days since the pre-visit retrieval"),
            of("measure", "text", "-", "endpoint label: amygdala, hippocampus, vmpfc (trauma-minus-relax ROI betas), scr, "
                    + "pcl5, caps5, or a connectivity pair (e.g. amygdala_hippocampus); see docs/MODEL.md 5"),
            of("value", "number", "endpoint units", "the observed value (ROI betas in simulator units, PCL-5 0-80, CAPS-5 0-80 "
                    + "points, SCR in uS, connectivity Fisher z)")), null);

    public static final DataTable SUBJECTS = new DataTable("run, generate", "subjects.csv", "one per subject", subjectColumns(), null);

    public static final DataTable GROUND_TRUTH = new DataTable("run, generate", "ground_truth.csv", "one per subject and scan visit",
            List.of(REPLICATE, SUBJECT, ARM, of("visit", "text", "-", SCANNED), of("day", "number", "day",
                    "days since the pre-visit retrieval"),
            of("in_study", "boolean", "-", "whether the subject was still in the study at this visit"),
            of("trace_strength", "number", "model units 0..1", "trace strength E before the visit's own retrieval", MISSED),
            of("fear_expression_scanner", "number", "model units 0..1", "latent fear expression in the scanner context", MISSED),
            of("fear_expression_home", "number", "model units 0..1", "latent fear expression at home (what the clinical scales read)",
                    MISSED),
            of("extinction_recall_scanner", "number", "model units 0..1", "latent extinction recall in the scanner context", MISSED)),
            null);

    public static final DataTable SESSIONS = new DataTable("run, generate", "sessions.csv",
            "one per subject, PE session attended and exposure trial", List.of(REPLICATE, SUBJECT, ARM,
            of("session", "integer", "-", "PE session, 1-based"), of("trial", "integer", "-", "exposure trial within the session, 1-based"),
            of("hours", "number", "h", "hours since the pre-visit retrieval"),
            of("suds", "number", "0-100", "subjective units of distress: clamp(100 R + N(0, 8^2), 0, 100)")), null);

    public static final DataTable ESTIMATES = new DataTable("run", "estimates.csv", "one per contrast, endpoint, visit and analysis",
            List.of(REPLICATE, of("n_per_arm", "integer", "patients", "patients per arm"),
            of("contrast", "text", "-", "treatment arm against control, e.g. ketamine-vs-midazolam"),
            of("endpoint", "text", "-", "endpoint label (as measure in observations.csv)"),
            of("visit", "text", "-", "post, fu30 or fu90"),
            of("analysis", "text", "-", "ancova (visit on pre), lmm (value ~ arm * visit + (1 | subject), baseline included), welch (change scores), bayes"),
            of("estimate", "number", "endpoint units", "treatment minus control at this visit. For lmm it is the model's treated "
                    + "minus control difference at the visit, not the arm x visit interaction coefficient; for ancova the "
                    + "baseline-adjusted mean difference", "the analysis is undefined (too few patients with data)"),
            of("std_error", "number", "endpoint units", "standard error of the estimate", "the analysis is undefined"),
            of("df", "number", "-", "degrees of freedom of the test (Satterthwaite for lmm)", "the analysis is undefined or has none"),
            of("statistic", "number", "-", "test statistic of the analysis (t for ancova, lmm, welch)", "the analysis is undefined"),
            of("p_value", "number", "-", "two-sided p-value (docs/POWER.md for bayes)", "the analysis is undefined")), null);

    public static final DataTable TIMESERIES = new DataTable("generate --timeseries (csv)", "timeseries.csv",
            "one per subject, scan, volume and ROI", List.of(SUBJECT, ARM, of("visit", "text", "-", SCANNED),
            of("volume", "integer", "-", "volume index from 0"), of("seconds", "number", "s", "volume onset: volume x TR (1 s)"),
            of("roi", "text", "-", "amygdala, hippocampus or vmpfc"),
            of("value", "number", "arbitrary", "synthetic ROI BOLD signal (simulator units, not percent signal change)")), null);

    public static final DataTable CONNECTIVITY = new DataTable("generate --timeseries (csv)", "connectivity.csv",
            "one per subject, scan and ROI pair", List.of(SUBJECT, ARM, of("visit", "text", "-", SCANNED),
            of("roi_pair", "text", "-", "amygdala_hippocampus, amygdala_vmpfc or hippocampus_vmpfc"),
            of("fisher_z_trauma_minus_relax", "number", "Fisher z", "window-mean Fisher z of the GLM residuals' correlation in "
                    + "trauma windows minus relax windows (the series' own; the connectivity endpoint adds subject effect and noise)"),
            of("latent_coupling", "number", "-", "the latent trauma coupling that generated the series")), null);

    public static final DataTable PARTICIPANTS = new DataTable("generate --format bids", "participants.tsv", "one per subject",
            List.of(of("participant_id", "text", "-", "sub-<label>, the subject number with 3 digits"),
            of("age", "number", "year", "age at enrolment"), of("sex", "text", "-", "M or F"), of("arm", "text", "-", "randomized arm"),
            of("site", "text", "-", "recruiting site")), null);

    public static final DataTable EVENTS = new DataTable("generate --format bids", "sub-*_ses-*_task-memory_events.tsv",
            "one per script window of a run", List.of(of("onset", "number", "s", "script onset from the first volume"),
            of("duration", "number", "s", "script window length (30 s)"),
            of("trial_type", "text", "-", "trauma, sad or relax script")), null);

    public static final DataTable SESSIONS_TSV = new DataTable("generate --format bids", "sub-*_sessions.tsv",
            "one per session the subject was scanned", List.of(of("session_id", "text", "-", "ses-pre, ses-post, ses-fu30, ses-fu90")),
            null);

    public static final DataTable ROI_BETAS = new DataTable("generate --format bids", "derivatives/reconsim/roi_betas.tsv",
            "one per subject, session, ROI and condition", List.of(of("participant_id", "text", "-", "sub-<label>"),
            of("session", "text", "-", "session label"), of("roi", "text", "-", "amygdala, hippocampus or vmpfc"),
            of("contrast", "text", "-", "trauma, sad, relax, or trauma_minus_relax"),
            of("beta", "number", "arbitrary", "GLM estimate of the ROI series (trauma_minus_relax is the ROI endpoint)")), null);

    public static final DataTable BIDS_CONNECTIVITY = new DataTable("generate --format bids", "derivatives/reconsim/connectivity.tsv",
            "one per subject, session and ROI pair", List.of(of("participant_id", "text", "-", "sub-<label>"),
            of("session", "text", "-", "session label"), of("roi_a", "text", "-", "first region"), of("roi_b", "text", "-", "second region"),
            of("contrast", "text", "-", "trauma_minus_relax"),
            of("fisher_z", "number", "Fisher z", "difference of window-mean Fisher z between trauma and relax windows"),
            of("endpoint", "text", "-", "the connectivity endpoint of the pair"),
            of("endpoint_value", "number", "Fisher z", "the endpoint: fisher_z plus the subject effect and session noise")), null);

    public static final DataTable BIDS_GROUND_TRUTH = new DataTable("generate --format bids", "derivatives/reconsim/ground_truth.tsv",
            "one per subject, session and latent quantity", List.of(of("participant_id", "text", "-", "sub-<label>"),
            of("session", "text", "-", "session label"),
            of("quantity", "text", "-", "coupling_<pair>, trace_strength, fear_expression_scanner, fear_expression_home, "
                    + "extinction_recall_scanner"),
            of("value", "number", "model units", "its true value, before measurement noise")), null);

    /** Every table of run and generate, in the order of docs/DATA.md. */
    public static final List<DataTable> TRIAL_TABLES = List.of(OBSERVATIONS, SUBJECTS, GROUND_TRUTH, SESSIONS, ESTIMATES, TIMESERIES,
            CONNECTIVITY, PARTICIPANTS, EVENTS, SESSIONS_TSV, ROI_BETAS, BIDS_CONNECTIVITY, BIDS_GROUND_TRUTH);

    private DataDictionary() {
    }

    private static List<DataColumn> subjectColumns() {
        List<DataColumn> c = new ArrayList<>(List.of(REPLICATE, SUBJECT, ARM, SITE, of("sex", "text", "-", "M or F"),
                of("age_years", "number", "year", "age at enrolment"), of("weight_kg", "number", "kg", "body weight (doses per kg)"),
                of("memory_age_years", "number", "year", "age of the trauma memory at enrolment"),
                of("trace_strength_0", "number", "model units 0..1", "initial trace strength E0"),
                of("extinction_0", "number", "model units 0..1", "initial extinction memory"),
                of("learning_rate", "number", "-", "the patient's learning rate"),
                of("destabilized", "boolean", "-", "whether the pre-visit retrieval made the trace labile"),
                of("restabilization_efficiency", "number", "-", "rho applied when that labile window closed (1 = restored in full; "
                        + "1 also when the trace was not destabilized: no window, the trace unchanged)"),
                of("peak_concentration_ng_ml", "number", "ng/mL", "peak plasma concentration of the arm's drug"),
                of("peak_occupancy", "number", "0..1", "peak NMDA receptor occupancy"),
                of("labile_window_occupancy", "number", "0..1", "mean NMDA occupancy over the labile window the pre-visit retrieval "
                        + "opened", "the trace was not destabilized (no window)"),
                of("peak_dissociation", "number", "0..1", "peak dissociation score (ketamine)"),
                of("peak_sedation", "number", "0..1", "peak sedation score (midazolam)"),
                of("believes_active", "boolean", "-", "whether the patient believes they got the active drug (functional unblinding)"),
                of("completed", "boolean", "-", "whether the patient stayed to the last visit (did not drop out)"),
                of("dropout_before_session", "integer", "-", "PE session (1-based) at whose start the patient left", "completed"),
                of("caps5_responder", "boolean", "-", "CAPS-5 at post at least 30% below pre (Steenkamp 2015)",
                        "the post (or pre) visit was missed")));
        for (String latent : List.of("trace_strength", "fear_expression", "extinction_recall")) {
            for (String v : List.of("pre", "post", "fu30", "fu90")) {
                c.add(of(latent + "_" + v, "number", "model units 0..1", latent.replace('_', ' ') + " at the " + v + " visit"
                        + (latent.equals("trace_strength") ? "" : " (scanner context)"), v.equals("pre") ? "never" : MISSED));
            }
        }
        return c;
    }

    /** docs/DATA.md's tables: every table of {@link #TRIAL_TABLES} then {@link ResultDictionary#TABLES}. */
    public static String markdown() {
        StringBuilder s = new StringBuilder();
        List<DataTable> all = new ArrayList<>(TRIAL_TABLES);
        all.addAll(ResultDictionary.TABLES);
        for (DataTable t : all) {
            s.append("### ").append(t.file()).append("\n\n").append("Written by `").append(t.commands()).append("`; one row ")
                    .append(t.rows()).append(".\n\n| column | type | unit | meaning | NA when |\n|---|---|---|---|---|\n");
            for (DataColumn c : t.columns()) {
                s.append("| `").append(c.name()).append("` | ").append(c.type()).append(" | ").append(c.unit()).append(" | ")
                        .append(c.meaning().replace("|", "\\|")).append(" | ").append(c.na()).append(" |\n");
            }
            if (t.moreColumns() != null) {
                s.append("\nThen: ").append(t.moreColumns()).append('\n');
            }
            s.append('\n');
        }
        return s.toString();
    }
}
