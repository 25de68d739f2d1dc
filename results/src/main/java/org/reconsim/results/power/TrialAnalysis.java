package org.reconsim.results.power;

import java.util.List;

import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
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
    private final List<Scenario.Method> methods;
    private final BayesianNormalEstimate prior;
    private final int controlArm;

    public TrialAnalysis(Scenario.Analysis plan, int controlArm) {
        this.methods = List.copyOf(plan.methods());
        this.prior = plan.priorSd() > 0 ? BayesianNormalEstimate.withPrior(plan.priorMean(), plan.priorSd())
                : BayesianNormalEstimate.withFlatPrior();
        this.controlArm = controlArm;
    }

    public List<Scenario.Method> methods() {
        return methods;
    }

    /** Results indexed [endpoint][visit][method] in the order of {@link #ENDPOINTS}, {@link #VISITS} and {@link #methods()}. */
    public TestResult[][][] run(TrialOutcome trial) {
        List<PatientOutcome> patients = trial.patients();
        int n = patients.size();
        double[] y = new double[n];
        double[] base = new double[n];
        boolean[] treated = new boolean[n];
        for (int i = 0; i < n; i++) {
            treated[i] = patients.get(i).arm() != controlArm;
        }
        int allVisits = Scenario.Visit.values().length;
        int[] subject = new int[n * allVisits];
        int[] visit = new int[n * allVisits];
        boolean[] longTreated = new boolean[n * allVisits];
        double[] value = new double[n * allVisits];
        double[] xs = new double[n];
        double[] ys = new double[n];
        TestResult[][][] out = new TestResult[ENDPOINTS.size()][VISITS.size()][methods.size()];
        int pre = Scenario.Visit.PRE.ordinal();
        for (int e = 0; e < ENDPOINTS.size(); e++) {
            int endpoint = ENDPOINTS.get(e).ordinal();
            for (int i = 0; i < n; i++) {
                base[i] = patients.get(i).observed()[pre][endpoint];
            }
            RandomInterceptFit lmm = null;
            if (methods.contains(Scenario.Method.LMM)) {
                int rows = 0;
                for (int i = 0; i < n; i++) {
                    for (int v = 0; v < allVisits; v++) {
                        subject[rows] = i;
                        visit[rows] = v;
                        longTreated[rows] = treated[i];
                        value[rows] = patients.get(i).observed()[v][endpoint];
                        rows++;
                    }
                }
                lmm = RandomInterceptModel.fit(subject, visit, longTreated, value, rows, allVisits);
            }
            for (int v = 0; v < VISITS.size(); v++) {
                int vi = VISITS.get(v).ordinal();
                for (int i = 0; i < n; i++) {
                    y[i] = patients.get(i).observed()[vi][endpoint];
                }
                TestResult ancova = null;
                for (int m = 0; m < methods.size(); m++) {
                    switch (methods.get(m)) {
                        case ANCOVA -> out[e][v][m] = ancova = ancova != null ? ancova : Ancova.treatmentEffect(y, base, treated, n);
                        case LMM -> out[e][v][m] = lmm.isDefined() ? lmm.armEffect(vi) : TestResult.undefined();
                        case WELCH -> out[e][v][m] = welch(y, base, treated, n, xs, ys);
                        case BAYES -> {
                            ancova = ancova != null ? ancova : Ancova.treatmentEffect(y, base, treated, n);
                            out[e][v][m] = bayes(ancova);
                        }
                        default -> throw new IllegalStateException(methods.get(m).toString());
                    }
                }
            }
        }
        return out;
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
