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
 * The per-replicate analyses, for every endpoint and post-baseline visit; the arm effect is
 * treatment minus control. Each method of the plan is the {@link EndpointAnalysis} registered
 * under its name ({@link AnalysisRegistry}: ancova, lmm, welch, bayes and any added on the class
 * path), configured by the plan once and run on each endpoint. Patients who missed a visit are
 * left out of that visit's analysis (the mixed model keeps their other visits).
 */
public final class TrialAnalysis {

    /** Endpoints analysed, in output order. */
    public static final List<Endpoint> ENDPOINTS = List.of(Endpoint.values());
    /** Visits analysed, in output order. */
    public static final List<Visit> VISITS = List.of(Visit.POST, Visit.FU30, Visit.FU90);
    /** Every visit, baseline first: what each analysis sees of an endpoint. */
    private static final List<Visit> ALL_VISITS = List.of(Visit.values());
    private final AnalysisLayout layout;
    /** The analysis of each of the layout's methods, in its order. */
    private final List<EndpointAnalysis> analyses;
    /** [endpoint][method][visit] -> layout offset, looked up once here rather than once per replicate. */
    private final int[][][] offsets;
    private final int controlArm;

    /**
     * The analyses of the plan's treatment arm against its control arm.
     *
     * @throws IllegalArgumentException when the plan has more than one treatment arm (scenarios
     *         hold exactly two arms; the layout already keys results by contrast)
     */
    public TrialAnalysis(Analysis plan, TrialPlan trial) {
        List<Contrast> contrasts = Contrast.of(trial);
        if (contrasts.size() != 1) {
            throw new IllegalArgumentException("the analyses compare one treatment arm with the control, the plan has " + contrasts);
        }
        this.layout = new AnalysisLayout(contrasts, plan.methods());
        List<EndpointAnalysis> configured = new ArrayList<>(plan.methods().size());
        for (AnalysisMethod m : plan.methods()) {
            configured.add(AnalysisRegistry.configure(m, plan));
        }
        this.analyses = List.copyOf(configured);
        List<Endpoint> endpoints = layout.endpoints();
        List<Visit> visits = layout.visits();
        this.offsets = new int[endpoints.size()][analyses.size()][visits.size()];
        for (int e = 0; e < endpoints.size(); e++) {
            for (int m = 0; m < analyses.size(); m++) {
                for (int v = 0; v < visits.size(); v++) {
                    offsets[e][m][v] = layout.offset(new AnalysisKey(contrasts.get(0), endpoints.get(e), visits.get(v),
                            layout.methods().get(m)));
                }
            }
        }
        this.controlArm = trial.controlArm().index();
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
        List<PatientOutcome> patients = trial.patients();
        int n = patients.size();
        boolean[] treated = new boolean[n];
        for (int i = 0; i < n; i++) {
            treated[i] = patients.get(i).arm() != controlArm;
        }
        double[][] values = new double[ALL_VISITS.size()][n];
        List<AnalysisMethod> methods = layout.methods();
        TestResult[] out = new TestResult[layout.size()];
        for (int e = 0; e < layout.endpoints().size(); e++) {
            Endpoint endpoint = layout.endpoints().get(e);
            for (int v = 0; v < ALL_VISITS.size(); v++) {
                for (int i = 0; i < n; i++) {
                    values[v][i] = patients.get(i).observed(ALL_VISITS.get(v), endpoint);
                }
            }
            EndpointData data = new EndpointData(endpoint, ALL_VISITS, layout.visits(), treated, values);
            for (int m = 0; m < methods.size(); m++) {
                List<TestResult> effects = analyses.get(m).effects(data);
                if (effects.size() != layout.visits().size()) {
                    throw new IllegalStateException("analysis " + methods.get(m) + " returned " + effects.size() + " results for the "
                            + layout.visits().size() + " visits " + layout.visits());
                }
                for (int v = 0; v < effects.size(); v++) {
                    out[offsets[e][m][v]] = effects.get(v);
                }
            }
        }
        return new TrialResults(trial.nPerArm(), layout, out);
    }
}
