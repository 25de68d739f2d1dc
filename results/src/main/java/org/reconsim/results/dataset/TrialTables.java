package org.reconsim.results.dataset;

import java.nio.file.Path;
import java.util.List;

import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.scenario.Timeline;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.power.AnalysisKey;
import org.reconsim.results.power.TrialResults;
import org.reconsim.results.stats.TestResult;

/**
 * The tables of {@code reconsim run}: observations (one row per subject, visit and measure),
 * subjects (covariates and latent ground truth) and estimates (one row per replicate,
 * endpoint, visit and analysis). Trials are appended in replicate order.
 */
public final class TrialTables implements AutoCloseable {

    public static final List<String> OBSERVATIONS = DataDictionary.OBSERVATIONS.names();
    public static final List<String> SUBJECTS = DataDictionary.SUBJECTS.names();
    public static final List<String> GROUND_TRUTH = DataDictionary.GROUND_TRUTH.names();
    public static final List<String> SESSIONS = DataDictionary.SESSIONS.names();
    public static final List<String> ESTIMATES = DataDictionary.ESTIMATES.names();

    private static final Visit PRE = Visit.PRE;
    private static final Visit POST = Visit.POST;
    private static final Visit FU30 = Visit.FU30;
    private static final Visit FU90 = Visit.FU90;
    /** Observations and ground truth cover every endpoint, in declaration order. */
    private static final List<Endpoint> ENDPOINTS = List.of(Endpoint.values());

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

    /** Appends one trial without analyses. */
    public void add(TrialOutcome trial) {
        add(trial, (TrialResults) null);
    }

    /** Appends one trial and its analyses, or none ({@code analysis} null). */
    public void add(TrialOutcome trial, TrialResults analysis) {
        for (PatientOutcome p : trial.patients()) {
            add(trial.replicate(), p);
        }
        if (estimates == null || analysis == null) {
            return;
        }
        for (AnalysisKey key : analysis.keys()) {
            TestResult r = analysis.get(key);
            estimates.row(trial.replicate(), trial.nPerArm(), key.contrast().label(), key.endpoint().label(), key.visit().label(), key.method().label(),
                    r.estimate(), r.stdError(), r.df(), r.statistic(), r.pValue());
        }
    }

    /** Appends one patient of replicate {@code replicate} to observations, ground truth, sessions and subjects. */
    public void add(int replicate, PatientOutcome p) {
        Timeline t = plan.timeline();
        String arm = plan.arms().get(p.arm()).name();
        String site = "site" + (p.site() + 1);
        for (Visit v : plan.scenario().protocol().visits().scanned()) {
            for (Endpoint e : ENDPOINTS) {
                double value = p.observed(v, e);
                if (!Double.isNaN(value)) {
                    observations.row(replicate, p.subjectId(), arm, site, v.label(), t.visitDay(v), e.label(), value);
                }
            }
            groundTruth.row(replicate, p.subjectId(), arm, v.label(), t.visitDay(v), !Double.isNaN(p.traceStrength(v)),
                    p.traceStrength(v), p.fearExpression(v), p.fearAtHome(v), p.extinctionRecall(v));
        }
        for (PatientOutcome.Rating w : p.weeklyPcl5()) {
            observations.row(replicate, p.subjectId(), arm, site, String.format(java.util.Locale.ROOT, "wk%02d", w.week()),
                    w.day(), "pcl5", w.value());
        }
        for (PatientOutcome.Suds sd : p.suds()) {
            sessions.row(replicate, p.subjectId(), arm, sd.session(), sd.trial(), sd.hours(), sd.value());
        }
        var c = p.covariates();
        subjects.row(replicate, p.subjectId(), arm, site, c.female() ? "F" : "M", c.ageYears(), c.weightKg(),
                c.memoryAgeYears(), c.traceStrength(), c.extinction(), c.learningRate(), p.destabilized(),
                p.restabilizationEfficiency(), p.peakConcentration(), p.peakOccupancy(),
                // no labile window, no mean occupancy over it: NA, not the 0 of a window without drug (docs/DATA.md)
                p.destabilized() ? p.labileOccupancy() : Double.NaN,
                p.peakDissociation(), p.peakSedation(), p.believesActive(), p.dropoutSession() == 0,
                p.dropoutSession() == 0 ? Double.NaN : p.dropoutSession(), responder(p),
                p.traceStrength(PRE), p.traceStrength(POST), p.traceStrength(FU30), p.traceStrength(FU90),
                p.fearExpression(PRE), p.fearExpression(POST), p.fearExpression(FU30), p.fearExpression(FU90),
                p.extinctionRecall(PRE), p.extinctionRecall(POST), p.extinctionRecall(FU30), p.extinctionRecall(FU90));
    }

    /**
     * PE response (Steenkamp 2015; docs/MODEL.md 4): CAPS-5 at post at least 30% below pre; NA when
     * the post visit is missing.
     */
    static Object responder(PatientOutcome p) {
        double pre = p.observed(PRE, Endpoint.CAPS5);
        double post = p.observed(POST, Endpoint.CAPS5);
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
