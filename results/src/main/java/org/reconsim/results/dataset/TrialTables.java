package org.reconsim.results.dataset;

import java.nio.file.Path;
import java.util.List;

import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Timeline;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.power.TrialAnalysis;
import org.reconsim.results.stats.TestResult;

/**
 * The tables of {@code reconsim run}: observations (one row per subject, visit and measure),
 * subjects (covariates and latent ground truth) and estimates (one row per replicate,
 * endpoint, visit and analysis). Trials are appended in replicate order.
 */
public final class TrialTables implements AutoCloseable {

    public static final List<String> OBSERVATIONS = List.of("replicate", "subject_id", "arm", "site", "visit", "day", "measure", "value");
    public static final List<String> SUBJECTS = List.of("replicate", "subject_id", "arm", "site", "sex", "age_years", "weight_kg",
            "memory_age_years", "trace_strength_0", "extinction_0", "learning_rate", "destabilized", "restabilization_efficiency",
            "peak_concentration_ng_ml", "peak_occupancy", "labile_window_occupancy", "peak_dissociation", "peak_sedation",
            "believes_active", "dropout_before_session", "caps5_responder",
            "trace_strength_pre", "trace_strength_post", "trace_strength_fu30", "trace_strength_fu90",
            "fear_expression_pre", "fear_expression_post", "fear_expression_fu30", "fear_expression_fu90",
            "extinction_recall_pre", "extinction_recall_post", "extinction_recall_fu30", "extinction_recall_fu90");
    public static final List<String> GROUND_TRUTH = List.of("replicate", "subject_id", "arm", "visit", "day", "in_study",
            "trace_strength", "fear_expression_scanner", "fear_expression_home", "extinction_recall_scanner");
    public static final List<String> SESSIONS = List.of("replicate", "subject_id", "arm", "session", "trial", "hours", "suds");
    public static final List<String> ESTIMATES = List.of("replicate", "n_per_arm", "endpoint", "visit", "analysis", "estimate",
            "std_error", "df", "statistic", "p_value");

    private final TrialPlan plan;
    private final CsvTable observations;
    private final CsvTable subjects;
    private final CsvTable groundTruth;
    private final CsvTable sessions;
    private final CsvTable estimates;

    /** The tables of a run; {@code withEstimates} false leaves out estimates.csv (a dataset for pipelines). */
    public TrialTables(TrialPlan plan, Path folder, boolean withEstimates) {
        this.plan = plan;
        this.observations = new CsvTable(folder.resolve("observations.csv"), OBSERVATIONS);
        this.subjects = new CsvTable(folder.resolve("subjects.csv"), SUBJECTS);
        this.groundTruth = new CsvTable(folder.resolve("ground_truth.csv"), GROUND_TRUTH);
        this.sessions = new CsvTable(folder.resolve("sessions.csv"), SESSIONS);
        this.estimates = withEstimates ? new CsvTable(folder.resolve("estimates.csv"), ESTIMATES) : null;
    }

    public TrialTables(TrialPlan plan, Path folder) {
        this(plan, folder, true);
    }

    /** The files these tables write. */
    public List<String> files() {
        return estimates == null ? List.of("observations.csv", "subjects.csv", "ground_truth.csv", "sessions.csv")
                : List.of("observations.csv", "subjects.csv", "ground_truth.csv", "sessions.csv", "estimates.csv");
    }

    /** Appends one trial and its analyses ([endpoint][visit][method], methods named by {@code methods}), or none. */
    public void add(TrialOutcome trial, TestResult[][][] analysis, List<org.reconsim.engine.scenario.Scenario.Method> methods) {
        Timeline t = plan.timeline();
        Scenario.Visit[] visits = Scenario.Visit.values();
        Scenario.Endpoint[] endpoints = Scenario.Endpoint.values();
        for (PatientOutcome p : trial.patients()) {
            String arm = plan.arms().get(p.arm()).name();
            String site = "site" + (p.site() + 1);
            double[] traceStrength = p.traceStrength();
            double[] fearExpression = p.fearExpression();
            double[] fearAtHome = p.fearAtHome();
            double[] extinctionRecall = p.extinctionRecall();
            for (Scenario.Visit v : visits) {
                for (Scenario.Endpoint e : endpoints) {
                    double value = p.observed(v.ordinal(), e.ordinal());
                    if (!Double.isNaN(value)) {
                        observations.row(trial.replicate(), p.subjectId(), arm, site, v.label(), t.visitDay(v), e.label(), value);
                    }
                }
                groundTruth.row(trial.replicate(), p.subjectId(), arm, v.label(), t.visitDay(v), !Double.isNaN(traceStrength[v.ordinal()]),
                        traceStrength[v.ordinal()], fearExpression[v.ordinal()], fearAtHome[v.ordinal()],
                        extinctionRecall[v.ordinal()]);
            }
            for (PatientOutcome.Rating w : p.weeklyPcl5()) {
                observations.row(trial.replicate(), p.subjectId(), arm, site, String.format(java.util.Locale.ROOT, "wk%02d", w.week()),
                        w.day(), "pcl5", w.value());
            }
            for (PatientOutcome.Suds sd : p.suds()) {
                sessions.row(trial.replicate(), p.subjectId(), arm, sd.session(), sd.trial(), sd.hours(), sd.value());
            }
            var c = p.covariates();
            subjects.row(trial.replicate(), p.subjectId(), arm, site, c.female() ? "F" : "M", c.ageYears(), c.weightKg(),
                    c.memoryAgeYears(), c.traceStrength(), c.extinction(), c.learningRate(), p.destabilized(),
                    p.restabilizationEfficiency(), p.peakConcentration(), p.peakOccupancy(), p.labileOccupancy(),
                    p.peakDissociation(), p.peakSedation(), p.believesActive(), p.dropoutSession(), responder(p),
                    traceStrength[0], traceStrength[1], traceStrength[2], traceStrength[3],
                    fearExpression[0], fearExpression[1], fearExpression[2], fearExpression[3],
                    extinctionRecall[0], extinctionRecall[1], extinctionRecall[2], extinctionRecall[3]);
        }
        if (estimates == null || analysis == null) {
            return;
        }
        for (int e = 0; e < TrialAnalysis.ENDPOINTS.size(); e++) {
            for (int v = 0; v < TrialAnalysis.VISITS.size(); v++) {
                for (int m = 0; m < methods.size(); m++) {
                    TestResult r = analysis[e][v][m];
                    estimates.row(trial.replicate(), trial.nPerArm(), TrialAnalysis.ENDPOINTS.get(e).label(),
                            TrialAnalysis.VISITS.get(v).label(), methods.get(m).label(), r.estimate(), r.stdError(), r.df(),
                            r.statistic(), r.pValue());
                }
            }
        }
    }

    /**
     * PE response (Steenkamp 2015; MODEL.md 4): CAPS-5 at post at least 30% below pre; NA when
     * the post visit is missing.
     */
    static Object responder(PatientOutcome p) {
        int caps = org.reconsim.engine.scenario.Scenario.Endpoint.CAPS5.ordinal();
        double pre = p.observed(0, caps);
        double post = p.observed(org.reconsim.engine.scenario.Scenario.Visit.POST.ordinal(), caps);
        if (Double.isNaN(post) || Double.isNaN(pre)) {
            return Double.NaN;
        }
        return post <= 0.7 * pre;
    }

    /** Renames all tables into place. */
    public void commit() {
        observations.commit();
        subjects.commit();
        groundTruth.commit();
        sessions.commit();
        if (estimates != null) {
            estimates.commit();
        }
    }

    @Override
    public void close() {
        observations.close();
        subjects.close();
        groundTruth.close();
        sessions.close();
        if (estimates != null) {
            estimates.close();
        }
    }
}
