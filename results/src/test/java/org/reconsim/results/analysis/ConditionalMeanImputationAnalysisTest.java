package org.reconsim.results.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Imputation;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.results.stats.MonotoneImputation.Strategy;
import org.reconsim.results.stats.TestResult;
import org.reconsim.results.stats.UndefinedReason;

/**
 * What the cmi analyses rely on besides R's numbers ({@code ConditionalMeanImputationFixturesTest}):
 * two analytic identities, determinism, the strategies' relations and the undefined cases, on the
 * trials of {@link MultipleImputationAnalysisTest#trial}.
 */
class ConditionalMeanImputationAnalysisTest {

    private static ConditionalMeanImputationAnalysis cmi(Strategy strategy, double delta) {
        return new ConditionalMeanImputationAnalysis(strategy, new Imputation(20, delta, 0));
    }

    /**
     * Nothing missed: the estimate is the ANCOVA's and the jackknife has the closed form of least
     * squares without observation i, {@code bhat - bhat_(-i) = (X'X)^-1 x_i e_i / (1 - h_ii)}
     * (Miller 1974, Biometrika 61:1-15), so {@code se^2 = (N - 1)/N sum (d_i - dbar)^2} over the
     * arm components {@code d_i} of those changes, computed here from one fit.
     */
    @Test
    void aCompleteTrialHasTheClosedFormJackknifeOfLeastSquares() {
        EndpointData data = MultipleImputationAnalysisTest.trial(9, 0, 11);
        TestResult r = cmi(Strategy.MAR, 0).effects(data).get(2);
        double[] y = data.valuesAt(Visit.FU90);
        double[] x = data.baseline();
        int n = data.size();
        double[][] xtx = new double[3][3];
        for (int i = 0; i < n; i++) {
            double[] row = {1, data.isTreated(i) ? 1 : 0, x[i]};
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    xtx[a][b] += row[a] * row[b];
                }
            }
        }
        double[][] inv = inverse3(xtx);
        double[] xty = new double[3];
        for (int i = 0; i < n; i++) {
            double[] row = {1, data.isTreated(i) ? 1 : 0, x[i]};
            for (int a = 0; a < 3; a++) {
                xty[a] += row[a] * y[i];
            }
        }
        double[] beta = times(inv, xty);
        double[] change = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double[] row = {1, data.isTreated(i) ? 1 : 0, x[i]};
            double[] ax = times(inv, row);
            double h = ax[0] * row[0] + ax[1] * row[1] + ax[2] * row[2];
            double e = y[i] - (beta[0] + beta[1] * row[1] + beta[2] * row[2]);
            change[i] = ax[1] * e / (1 - h);
            mean += change[i] / n;
        }
        double sum = 0;
        for (double d : change) {
            sum += (d - mean) * (d - mean);
        }
        double se = Math.sqrt((n - 1.0) / n * sum);
        assertThat(r.estimate()).isCloseTo(beta[1], within(1e-10 * Math.abs(beta[1])));
        assertThat(r.stdError()).isCloseTo(se, within(1e-9 * se));
        assertThat(r.df()).isEqualTo(Double.POSITIVE_INFINITY);
        // the normal reference: p = 2 Phi(-|z|); 0.05 at z = 1.959963984540054
        TestResult atTheBound = ConditionalMeanImputationAnalysis.jackknifeTest(1.959963984540054, new double[] {-1, 1}, 2);
        assertThat(atTheBound.stdError()).isEqualTo(1.0);
        assertThat(atTheBound.pValue()).isCloseTo(0.05, within(1e-15));
    }

    /**
     * Under MAR, when a dropout misses every post-baseline visit, each conditional mean is the
     * completers' fitted value, so the completed dataset's ANCOVA is the completers' (Wolbers et
     * al. 2022, section 3.1): at every visit, to rounding.
     */
    @Test
    void marWithAllOrNoneDropoutEstimatesTheCompletersAncova() {
        EndpointData data = MultipleImputationAnalysisTest.trial(20, 0.3, 12);
        List<TestResult> cmi = cmi(Strategy.MAR, 0).effects(data);
        List<TestResult> completers = new AncovaAnalysis().effects(data);
        for (int t = 0; t < 3; t++) {
            double e = completers.get(t).estimate();
            assertThat(cmi.get(t).estimate()).as("visit " + t).isCloseTo(e, within(1e-10 * Math.abs(e)));
            assertThat(cmi.get(t).stdError()).as("visit " + t).isNotEqualTo(completers.get(t).stdError());
        }
    }

    @Test
    void jumpAndCopyReferenceCoincideForAllOrNoneDropoutAndPullTowardsNoEffect() {
        EndpointData data = MultipleImputationAnalysisTest.trial(30, 0.25, 3);
        List<TestResult> j2r = cmi(Strategy.JUMP_TO_REFERENCE, 0).effects(data);
        assertThat(cmi(Strategy.COPY_REFERENCE, 0).effects(data)).isEqualTo(j2r);
        TestResult mar = cmi(Strategy.MAR, 0).effects(data).get(0);
        assertThat(Math.abs(j2r.get(0).estimate())).isLessThan(Math.abs(mar.estimate()));
    }

    /** Nothing is drawn: m and the seed salt change nothing, and a rerun is identical. */
    @Test
    void theResultIsAFunctionOfTheDataAndDeltaAlone() {
        EndpointData data = MultipleImputationAnalysisTest.trial(15, 0.3, 4);
        List<TestResult> a = new ConditionalMeanImputationAnalysis(Strategy.MAR, new Imputation(20, 1.5, 0)).effects(data);
        List<TestResult> b = new ConditionalMeanImputationAnalysis(Strategy.MAR, new Imputation(3, 1.5, 99)).effects(data);
        assertThat(b).isEqualTo(a);
        assertThat(cmi(Strategy.MAR, 0).effects(data)).isNotEqualTo(a);
    }

    @Test
    void anArmWithNobodySeenCannotBeImputed() {
        EndpointData gone = MultipleImputationAnalysisTest.withoutControlFollowUp(MultipleImputationAnalysisTest.trial(6, 0, 5));
        for (TestResult r : cmi(Strategy.MAR, 0).effects(gone)) {
            assertThat(r.reason()).isEqualTo(UndefinedReason.TOO_FEW_OBSERVATIONS);
        }
    }

    @Test
    void theRegistryConfiguresTheThreeStrategiesFromThePlan() {
        Analysis plan = Analysis.defaults();
        assertThat(AnalysisRegistry.configure(AnalysisMethod.CMI, plan))
                .isEqualTo(new ConditionalMeanImputationAnalysis(Strategy.MAR, Imputation.defaults()));
        assertThat(AnalysisRegistry.configure(AnalysisMethod.CMI_J2R, plan))
                .isEqualTo(new ConditionalMeanImputationAnalysis(Strategy.JUMP_TO_REFERENCE, Imputation.defaults()));
        assertThat(AnalysisRegistry.configure(AnalysisMethod.CMI_CR, plan))
                .isEqualTo(new ConditionalMeanImputationAnalysis(Strategy.COPY_REFERENCE, Imputation.defaults()));
    }

    private static double[] times(double[][] a, double[] v) {
        double[] out = new double[3];
        for (int r = 0; r < 3; r++) {
            out[r] = a[r][0] * v[0] + a[r][1] * v[1] + a[r][2] * v[2];
        }
        return out;
    }

    /** The inverse of a 3 x 3 matrix by its adjugate. */
    private static double[][] inverse3(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double[][] inv = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                int r1 = (c + 1) % 3;
                int r2 = (c + 2) % 3;
                int c1 = (r + 1) % 3;
                int c2 = (r + 2) % 3;
                inv[r][c] = (m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1]) / det;
            }
        }
        return inv;
    }
}
