package org.reconsim.results.power;

import java.util.List;

import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.results.stats.Ancova;
import org.reconsim.results.stats.TestResult;

/**
 * The per-replicate analysis: for every endpoint and post-baseline visit, ANCOVA of the
 * value at the visit on the pre-visit baseline and arm ({@code value ~ baseline + arm});
 * the arm effect is treatment minus control. Patients who missed the visit are left out.
 */
public final class TrialAnalysis {

    /** Endpoints analysed, in output order. */
    public static final List<Scenario.Endpoint> ENDPOINTS = List.of(Scenario.Endpoint.values());
    /** Visits analysed, in output order. */
    public static final List<Scenario.Visit> VISITS = List.of(Scenario.Visit.POST, Scenario.Visit.FU30, Scenario.Visit.FU90);
    /** Name of the analysis in output tables. */
    public static final String ANCOVA = "ancova";

    private TrialAnalysis() {
    }

    /** Results indexed [endpoint][visit] in the order of {@link #ENDPOINTS} and {@link #VISITS}. */
    public static TestResult[][] analyse(TrialOutcome trial, int controlArm) {
        List<PatientOutcome> patients = trial.patients();
        int n = patients.size();
        double[] y = new double[n];
        double[] base = new double[n];
        boolean[] treated = new boolean[n];
        for (int i = 0; i < n; i++) {
            treated[i] = patients.get(i).arm() != controlArm;
        }
        TestResult[][] out = new TestResult[ENDPOINTS.size()][VISITS.size()];
        int pre = Scenario.Visit.PRE.ordinal();
        for (int e = 0; e < ENDPOINTS.size(); e++) {
            int endpoint = ENDPOINTS.get(e).ordinal();
            for (int i = 0; i < n; i++) {
                base[i] = patients.get(i).observed()[pre][endpoint];
            }
            for (int v = 0; v < VISITS.size(); v++) {
                int visit = VISITS.get(v).ordinal();
                for (int i = 0; i < n; i++) {
                    y[i] = patients.get(i).observed()[visit][endpoint];
                }
                out[e][v] = Ancova.treatmentEffect(y, base, treated, n);
            }
        }
        return out;
    }
}
