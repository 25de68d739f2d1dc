package org.reconsim.results.power;

import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.analysis.AnalysisRegistry;
import org.reconsim.results.analysis.EndpointAnalysis;
import org.reconsim.results.analysis.EndpointData;
import org.reconsim.results.stats.TestResult;

/**
 * The per-replicate analyses, for every contrast, endpoint and post-baseline visit; a contrast's
 * effect is its treatment arm minus its control arm, estimated on those two arms' patients
 * alone (pairwise: the other arms neither enter nor pool the residual variance, so each
 * contrast is the two-arm trial a reader would analyse; multiplicity across contrasts is the
 * reader's, docs/ARCHITECTURE.md). Each method of the plan is the {@link EndpointAnalysis} registered
 * under its name ({@link AnalysisRegistry}: ancova, lmm, welch, bayes, mmrm, bayes-t, mi, mi-j2r, mi-cr, cmi, cmi-j2r, cmi-cr and any added on the class
 * path), configured by the plan once and run on each endpoint. Patients who missed a visit are
 * left out of that visit's analysis (the mixed model keeps their other visits).
 */
public final class TrialAnalysis {

    /** Endpoints analysed, in output order. */
    public static final List<Endpoint> ENDPOINTS = List.of(Endpoint.values());
    /** Every post-baseline visit, in output order (a trial analyses those it scans). */
    public static final List<Visit> VISITS = List.of(Visit.POST, Visit.FU30, Visit.FU90);
    /** The scanned visits, baseline first: what each analysis sees of an endpoint. */
    private final List<Visit> scanned;
    private final AnalysisLayout layout;
    /** The analysis of each of the layout's methods, in its order. */
    private final List<EndpointAnalysis> analyses;
    /** [contrast][endpoint][method][visit] -> layout offset, looked up once here rather than once per replicate. */
    private final int[][][][] offsets;
    /** Arm index of each contrast's treatment and control arm. */
    private final int[] treatmentArm;
    private final int[] controlArm;
    /** Whether the trial has only its contrasts' two arms: then every patient is in the contrast and none is filtered out. */
    private final boolean twoArms;

    /** The analyses of every contrast of the plan ({@link Contrast#of}): each on its two arms' patients. */
    public TrialAnalysis(Analysis plan, TrialPlan trial) {
        List<Contrast> contrasts = Contrast.of(trial);
        this.scanned = trial.scenario().protocol().visits().scanned();
        this.layout = new AnalysisLayout(contrasts, trial.scenario().protocol().visits().followUps(), plan.methods());
        List<EndpointAnalysis> configured = new ArrayList<>(plan.methods().size());
        for (AnalysisMethod m : plan.methods()) {
            configured.add(AnalysisRegistry.configure(m, plan));
        }
        this.analyses = List.copyOf(configured);
        List<Endpoint> endpoints = layout.endpoints();
        List<Visit> visits = layout.visits();
        this.offsets = new int[contrasts.size()][endpoints.size()][analyses.size()][visits.size()];
        this.treatmentArm = new int[contrasts.size()];
        this.controlArm = new int[contrasts.size()];
        this.twoArms = trial.arms().size() == 2;
        for (int c = 0; c < contrasts.size(); c++) {
            treatmentArm[c] = trial.arm(contrasts.get(c).treatment()).index();
            controlArm[c] = trial.arm(contrasts.get(c).control()).index();
            for (int e = 0; e < endpoints.size(); e++) {
                for (int m = 0; m < analyses.size(); m++) {
                    for (int v = 0; v < visits.size(); v++) {
                        offsets[c][e][m][v] = layout.offset(new AnalysisKey(contrasts.get(c), endpoints.get(e), visits.get(v),
                                layout.methods().get(m)));
                    }
                }
            }
        }
    }

    public List<AnalysisMethod> methods() {
        return layout.methods();
    }

    /** What {@link #analyse} returns, and in which order. */
    public AnalysisLayout layout() {
        return layout;
    }

    /** Every analysis of {@link #layout()} on {@code trial}. */
    public TrialResults analyse(TrialOutcome trial) {
        TestResult[] out = new TestResult[layout.size()];
        for (int c = 0; c < treatmentArm.length; c++) {
            analyse(trial.patients(), c, out);
        }
        return new TrialResults(trial.nPerArm(), layout, out);
    }

    /**
     * The first method's result at one endpoint and post-baseline visit for every contrast, in
     * contrast order: what a group-sequential look tests ({@link LookStatistics}), without the
     * other analyses. The same result {@link #analyse} gives for that key.
     */
    public TestResult[] primary(TrialOutcome trial, Endpoint endpoint, Visit visit) {
        int at = layout.visits().indexOf(visit);
        if (at < 0) {
            throw new IllegalArgumentException(visit + " is not a post-baseline visit of " + layout);
        }
        int[] visitAt = scanned.stream().mapToInt(Visit::ordinal).toArray();
        TestResult[] out = new TestResult[treatmentArm.length];
        for (int c = 0; c < out.length; c++) {
            List<PatientOutcome> patients = new ArrayList<>(trial.patients().size());
            for (PatientOutcome p : trial.patients()) {
                if (p.arm() == treatmentArm[c] || p.arm() == controlArm[c]) {
                    patients.add(p);
                }
            }
            int n = patients.size();
            boolean[] treated = new boolean[n];
            double[][] values = new double[visitAt.length][n];
            for (int i = 0; i < n; i++) {
                PatientOutcome p = patients.get(i);
                treated[i] = p.arm() == treatmentArm[c];
                for (int v = 0; v < visitAt.length; v++) {
                    values[v][i] = p.observed(visitAt[v], endpoint.ordinal());
                }
            }
            out[c] = analyses.get(0).effects(new EndpointData(endpoint, scanned, layout.visits(), treated, values)).get(at);
        }
        return out;
    }

    /** Contrast {@code c} on the patients of its two arms (the others are not part of it). */
    private void analyse(List<PatientOutcome> all, int c, TestResult[] out) {
        List<PatientOutcome> patients = twoArms ? all : new ArrayList<>(all.size());
        if (!twoArms) {
            for (PatientOutcome p : all) {
                if (p.arm() == treatmentArm[c] || p.arm() == controlArm[c]) {
                    patients.add(p);
                }
            }
        }
        int n = patients.size();
        boolean[] treated = new boolean[n];
        for (int i = 0; i < n; i++) {
            treated[i] = patients.get(i).arm() == treatmentArm[c];
        }
        List<Endpoint> endpoints = layout.endpoints();
        int[] visitAt = scanned.stream().mapToInt(Visit::ordinal).toArray();
        int[] endpointAt = endpoints.stream().mapToInt(Endpoint::ordinal).toArray();
        // [endpoint][visit][patient], filled patient by patient: each patient's rows are read once, in order
        double[][][] byEndpoint = new double[endpoints.size()][visitAt.length][n];
        for (int i = 0; i < n; i++) {
            PatientOutcome p = patients.get(i);
            for (int v = 0; v < visitAt.length; v++) {
                for (int e = 0; e < endpointAt.length; e++) {
                    byEndpoint[e][v][i] = p.observed(visitAt[v], endpointAt[e]);
                }
            }
        }
        List<AnalysisMethod> methods = layout.methods();
        for (int e = 0; e < endpoints.size(); e++) {
            Endpoint endpoint = endpoints.get(e);
            EndpointData data = new EndpointData(endpoint, scanned, layout.visits(), treated, byEndpoint[e]);
            for (int m = 0; m < methods.size(); m++) {
                List<TestResult> effects = analyses.get(m).effects(data);
                if (effects.size() != layout.visits().size()) {
                    throw new IllegalStateException("analysis " + methods.get(m) + " returned " + effects.size() + " results for the "
                            + layout.visits().size() + " visits " + layout.visits());
                }
                for (int v = 0; v < effects.size(); v++) {
                    out[offsets[c][e][m][v]] = effects.get(v);
                }
            }
        }
    }
}
