package org.reconsim.results.power;

import java.util.List;

import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.stats.Ancova;
import org.reconsim.results.stats.BayesianNormalEstimate;
import org.reconsim.results.stats.NormalPosterior;
import org.reconsim.results.stats.RandomInterceptFit;
import org.reconsim.results.stats.RandomInterceptModel;
import org.reconsim.results.stats.TestResult;
import org.reconsim.results.stats.WelchTest;

/**
 * The per-replicate analyses, for every endpoint and post-baseline visit; the arm effect is
 * treatment minus control. Patients who missed a visit are left out of that visit's analysis
 * (the mixed model keeps their other visits).
 * <ul>
 * <li>{@code ancova}: {@code value_at_visit ~ baseline + arm} (closed form);</li>
 * <li>{@code lmm}: {@code value ~ arm * visit + (1 | subject)} over all four visits, REML,
 * Satterthwaite df; the arm effect is the model's treated minus control difference at the
 * visit;</li>
 * <li>{@code welch}: Welch t test of the change from baseline;</li>
 * <li>{@code bayes}: normal posterior of the ANCOVA effect under the scenario's prior; reported
 * as estimate = posterior mean, std_error = posterior SD, statistic = mean / SD and p_value =
 * twice the posterior tail probability beyond 0, so that p < 0.05 exactly when the 95%
 * credible interval excludes 0.</li>
 * </ul>
 */
public final class TrialAnalysis {

    /** Endpoints analysed, in output order. */
    public static final List<Scenario.Endpoint> ENDPOINTS = List.of(Scenario.Endpoint.values());
    /** Visits analysed, in output order. */
    public static final List<Scenario.Visit> VISITS = List.of(Scenario.Visit.POST, Scenario.Visit.FU30, Scenario.Visit.FU90);
    /** The mixed model's visit factor: every visit, baseline included, its level the position here. */
    private static final List<Scenario.Visit> LMM_VISITS = List.of(Scenario.Visit.values());
    private final AnalysisLayout layout;
    private final BayesianNormalEstimate prior;
    private final int controlArm;

    /**
     * The analyses of the plan's treatment arm against its control arm.
     *
     * @throws UnsupportedOperationException when the plan has more than one treatment arm: each
     *         analysis pools every arm but the control (the layout is ready for one contrast per arm)
     */
    public TrialAnalysis(Scenario.Analysis plan, TrialPlan trial) {
        this(plan, trial.controlArm().index(), Contrast.of(trial));
    }

    /**
     * Analyses without arm names: the contrast is named {@code treatment-control}. For callers
     * not yet moved to {@link #TrialAnalysis(Scenario.Analysis, TrialPlan)} (the command line,
     * being rewritten).
     */
    @Deprecated(forRemoval = true)
    public TrialAnalysis(Scenario.Analysis plan, int controlArm) {
        this(plan, controlArm, List.of(new Contrast("treatment", "control")));
    }

    private TrialAnalysis(Scenario.Analysis plan, int controlArm, List<Contrast> contrasts) {
        if (contrasts.size() != 1) {
            throw new UnsupportedOperationException("analyses of more than one treatment arm are not implemented: " + contrasts);
        }
        this.layout = new AnalysisLayout(contrasts, plan.methods());
        this.prior = plan.priorSd() > 0 ? BayesianNormalEstimate.withPrior(plan.priorMean(), plan.priorSd())
                : BayesianNormalEstimate.withFlatPrior();
        this.controlArm = controlArm;
    }

    public List<Scenario.Method> methods() {
        return layout.methods();
    }

    /** What {@link #analyse} returns, and in which order. */
    public AnalysisLayout layout() {
        return layout;
    }

    /** The results as nested arrays [endpoint][visit][method]; see {@link TrialResults#toNestedArray()}. */
    @Deprecated(forRemoval = true)
    @SuppressWarnings("removal") // the bridge itself
    public TestResult[][][] run(TrialOutcome trial) {
        return analyse(trial).toNestedArray();
    }

    /** Every analysis of {@link #layout()} on {@code trial}. */
    public TrialResults analyse(TrialOutcome trial) {
        List<PatientOutcome> patients = trial.patients();
        int n = patients.size();
        double[] y = new double[n];
        double[] base = new double[n];
        boolean[] treated = new boolean[n];
        for (int i = 0; i < n; i++) {
            treated[i] = patients.get(i).arm() != controlArm;
        }
        int allVisits = LMM_VISITS.size();
        int[] subject = new int[n * allVisits];
        int[] visit = new int[n * allVisits];
        boolean[] longTreated = new boolean[n * allVisits];
        double[] value = new double[n * allVisits];
        double[] xs = new double[n];
        double[] ys = new double[n];
        List<AnalysisKey> keys = layout.keys();
        TestResult[] out = new TestResult[keys.size()];
        boolean lmmWanted = layout.methods().contains(Scenario.Method.LMM);
        Scenario.Endpoint endpoint = null;
        Scenario.Visit at = null;
        RandomInterceptFit lmm = null;
        TestResult ancova = null;
        // keys come endpoint by endpoint, visit by visit: the baseline and the mixed model are
        // computed once per endpoint, the outcome (and an ANCOVA that BAYES reuses) once per visit
        for (int k = 0; k < keys.size(); k++) {
            AnalysisKey key = keys.get(k);
            if (key.endpoint() != endpoint) {
                endpoint = key.endpoint();
                at = null;
                for (int i = 0; i < n; i++) {
                    base[i] = patients.get(i).observed(Scenario.Visit.PRE, endpoint);
                }
                if (lmmWanted) {
                    int rows = 0;
                    for (int i = 0; i < n; i++) {
                        for (int v = 0; v < allVisits; v++) {
                            subject[rows] = i;
                            visit[rows] = v;
                            longTreated[rows] = treated[i];
                            value[rows] = patients.get(i).observed(LMM_VISITS.get(v), endpoint);
                            rows++;
                        }
                    }
                    lmm = RandomInterceptModel.fit(subject, visit, longTreated, value, rows, allVisits);
                }
            }
            if (key.visit() != at) {
                at = key.visit();
                for (int i = 0; i < n; i++) {
                    y[i] = patients.get(i).observed(at, endpoint);
                }
                ancova = null;
            }
            switch (key.method()) {
                case ANCOVA -> out[k] = ancova = ancova != null ? ancova : Ancova.treatmentEffect(y, base, treated, n);
                case LMM -> out[k] = lmm.isDefined() ? lmm.armEffect(LMM_VISITS.indexOf(at)) : TestResult.undefined();
                case WELCH -> out[k] = welch(y, base, treated, n, xs, ys);
                case BAYES -> {
                    ancova = ancova != null ? ancova : Ancova.treatmentEffect(y, base, treated, n);
                    out[k] = bayes(ancova);
                }
                default -> throw new IllegalStateException(key.method().toString());
            }
        }
        return new TrialResults(trial.nPerArm(), layout, out);
    }

    private static TestResult welch(double[] y, double[] base, boolean[] treated, int n, double[] xs, double[] ys) {
        int nx = 0;
        int ny = 0;
        for (int i = 0; i < n; i++) {
            double change = y[i] - base[i];
            if (treated[i]) {
                xs[nx++] = change;
            } else {
                ys[ny++] = change;
            }
        }
        return WelchTest.difference(xs, nx, ys, ny);
    }

    private TestResult bayes(TestResult ancova) {
        if (!ancova.isDefined()) {
            return TestResult.undefined();
        }
        NormalPosterior post = prior.posterior(ancova);
        if (!post.isDefined()) {
            return TestResult.undefined();
        }
        double z = post.mean() / post.sd();
        double tail = 0.5 * org.apache.commons.math3.special.Erf.erfc(Math.abs(z) / Math.sqrt(2));
        return new TestResult(post.mean(), post.sd(), Double.POSITIVE_INFINITY, z, 2 * tail);
    }
}
