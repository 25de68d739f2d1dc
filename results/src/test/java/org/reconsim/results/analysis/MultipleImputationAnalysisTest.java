package org.reconsim.results.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Imputation;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.results.stats.Ancova;
import org.reconsim.results.stats.ImputationNoise;
import org.reconsim.results.stats.MonotoneImputation.Strategy;
import org.reconsim.results.stats.TestResult;
import org.reconsim.results.stats.UndefinedReason;

/**
 * What the mi analyses do around the numerics (which {@code MonotoneImputationFixturesTest}
 * and {@code RubinsRulesTest} check against R): the complete-data shortcut, the undefined
 * reasons, determinism, the strategies' relations and the delta shift.
 */
class MultipleImputationAnalysisTest {

    private static final List<Visit> VISITS = List.of(Visit.PRE, Visit.POST, Visit.FU30, Visit.FU90);

    /** 2 x perArm patients, alternating arms, baseline 40 + N(0, 8), visits correlated; dropouts miss every post visit. */
    static EndpointData trial(int perArm, double dropout, long seed) {
        Random random = new Random(seed);
        int n = 2 * perArm;
        boolean[] treated = new boolean[n];
        double[][] values = new double[4][n];
        for (int i = 0; i < n; i++) {
            treated[i] = i % 2 == 1;
            double trait = random.nextGaussian() * 6;
            values[0][i] = 40 + trait + random.nextGaussian() * 5;
            boolean gone = random.nextDouble() < dropout;
            for (int v = 1; v < 4; v++) {
                values[v][i] = gone ? Double.NaN : 36 + trait + random.nextGaussian() * 5 - (treated[i] ? 3 : 0);
            }
        }
        return new EndpointData(Endpoint.PCL5, VISITS, VISITS.subList(1, 4), treated, values);
    }

    private static MultipleImputationAnalysis mi(Strategy strategy, int m, double delta, long salt) {
        return new MultipleImputationAnalysis(strategy, new Imputation(m, delta, salt));
    }

    @Test
    void aTrialWithoutMissedVisitsIsTheAncova() {
        EndpointData complete = trial(10, 0, 1);
        List<TestResult> mi = mi(Strategy.JUMP_TO_REFERENCE, 20, 5, 0).effects(complete);
        List<TestResult> ancova = new AncovaAnalysis().effects(complete);
        assertThat(mi).isEqualTo(ancova); // delta has nothing to shift
    }

    @Test
    void theSameDataGiveTheSameResultAndTheSaltChangesTheDraws() {
        EndpointData data = trial(20, 0.3, 2);
        List<TestResult> first = mi(Strategy.MAR, 10, 0, 0).effects(data);
        assertThat(mi(Strategy.MAR, 10, 0, 0).effects(trial(20, 0.3, 2))).isEqualTo(first);
        List<TestResult> salted = mi(Strategy.MAR, 10, 0, 1).effects(data);
        assertThat(salted.get(0).estimate()).isNotEqualTo(first.get(0).estimate());
        // the same Monte Carlo target: with M = 10 two seeds differ by a few sqrt(2 B / M)
        assertThat(salted.get(0).estimate()).isCloseTo(first.get(0).estimate(), within(first.get(0).stdError()));
    }

    @Test
    void jumpAndCopyReferenceCoincideWhenDropoutsMissEveryPostVisit() {
        EndpointData data = trial(30, 0.25, 3);
        assertThat(mi(Strategy.COPY_REFERENCE, 15, 0, 0).effects(data)).isEqualTo(mi(Strategy.JUMP_TO_REFERENCE, 15, 0, 0).effects(data));
        // and they pull the estimate towards 0 from MAR's, which sits near the completers' ANCOVA
        TestResult mar = mi(Strategy.MAR, 200, 0, 0).effects(data).get(0);
        TestResult j2r = mi(Strategy.JUMP_TO_REFERENCE, 200, 0, 0).effects(data).get(0);
        TestResult completers = new AncovaAnalysis().effects(data).get(0);
        assertThat(mar.estimate()).isCloseTo(completers.estimate(), within(0.2 * completers.stdError()));
        assertThat(Math.abs(j2r.estimate())).isLessThan(Math.abs(mar.estimate()));
    }

    /**
     * The same draws with and without delta: every treated imputed value moves by delta, and
     * the ANCOVA is linear in the outcome, so each imputation's estimate moves by delta times the
     * effect estimate of the indicator "treated and imputed" (the same in every imputation), and so
     * does the pooled estimate.
     */
    @Test
    void deltaShiftsEveryImputationByTheSameAmount() {
        EndpointData data = trial(25, 0.3, 4);
        TestResult base = mi(Strategy.MAR, 8, 0, 0).effects(data).get(1);
        TestResult shifted = mi(Strategy.MAR, 8, 2.5, 0).effects(data).get(1);
        double[] indicator = new double[data.size()];
        double[] fu30 = data.valuesAt(Visit.FU30);
        for (int i = 0; i < data.size(); i++) {
            indicator[i] = data.isTreated(i) && Double.isNaN(fu30[i]) ? 1 : 0;
        }
        double perUnit = Ancova.treatmentEffect(indicator, data.baseline(), data.treated(), data.size()).estimate();
        assertThat(shifted.estimate() - base.estimate()).isCloseTo(2.5 * perUnit, within(1e-9));
        // (the standard error moves too: shifted values change each completed dataset's residual variance)
    }

    /** {@code data} with the control arm seen at baseline only: it dropped out entirely. */
    static EndpointData withoutControlFollowUp(EndpointData data) {
        double[][] values = new double[4][];
        for (int v = 0; v < 4; v++) {
            values[v] = data.valuesAt(VISITS.get(v));
        }
        for (int i = 0; i < data.size(); i++) {
            if (!data.isTreated(i)) {
                for (int v = 1; v < 4; v++) {
                    values[v][i] = Double.NaN;
                }
            }
        }
        return new EndpointData(Endpoint.PCL5, VISITS, VISITS.subList(1, 4), data.treated(), values);
    }

    @Test
    void anArmWithNobodySeenCannotBeImputed() {
        EndpointData gone = withoutControlFollowUp(trial(6, 0, 5));
        for (TestResult r : mi(Strategy.MAR, 5, 0, 0).effects(gone)) {
            assertThat(r.reason()).isEqualTo(UndefinedReason.TOO_FEW_OBSERVATIONS);
        }
    }

    /** A patient without a baseline is neither imputed nor analysed, as in the ANCOVA. */
    @Test
    void aPatientWithoutBaselineIsLeftOut() {
        EndpointData data = trial(15, 0.2, 6);
        double[][] values = new double[4][];
        for (int v = 0; v < 4; v++) {
            values[v] = data.valuesAt(VISITS.get(v));
        }
        values[0][0] = Double.NaN;
        values[1][0] = Double.NaN;
        EndpointData without = new EndpointData(Endpoint.PCL5, VISITS, VISITS.subList(1, 4), data.treated(), values);
        boolean[] rest = Arrays.copyOfRange(data.treated(), 1, data.size());
        double[][] restValues = new double[4][];
        for (int v = 0; v < 4; v++) {
            restValues[v] = Arrays.copyOfRange(values[v], 1, data.size());
        }
        EndpointData dropped = new EndpointData(Endpoint.PCL5, VISITS, VISITS.subList(1, 4), rest, restValues);
        // the same model and imputations of everyone else; only the seed (a hash of the data) differs
        TestResult a = mi(Strategy.MAR, 400, 0, 0).effects(without).get(0);
        TestResult b = mi(Strategy.MAR, 400, 0, 0).effects(dropped).get(0);
        assertThat(a.df()).isCloseTo(b.df(), within(0.25 * b.df()));
        assertThat(a.estimate()).isCloseTo(b.estimate(), within(0.1 * b.stdError()));
    }

    @Test
    void theRegistryConfiguresTheThreeStrategiesFromThePlan() {
        Analysis plan = Analysis.defaults();
        assertThat(AnalysisRegistry.configure(AnalysisMethod.MI, plan))
                .isEqualTo(new MultipleImputationAnalysis(Strategy.MAR, Imputation.defaults()));
        assertThat(AnalysisRegistry.configure(AnalysisMethod.MI_J2R, plan))
                .isEqualTo(new MultipleImputationAnalysis(Strategy.JUMP_TO_REFERENCE, Imputation.defaults()));
        assertThat(AnalysisRegistry.configure(AnalysisMethod.MI_CR, plan))
                .isEqualTo(new MultipleImputationAnalysis(Strategy.COPY_REFERENCE, Imputation.defaults()));
        assertThat(Imputation.defaults().m()).isEqualTo(20);
        assertThatThrownBy(() -> mi(Strategy.MAR, 1, 0, 0)).hasMessageContaining("2 or more");
    }

    /** The chi-square and normal draws have the moments they should (200 000 draws, 5 standard errors). */
    @Test
    void theNoiseHasTheRightMoments() {
        ImputationNoise noise = new ImputationNoise(42);
        int draws = 200_000;
        for (double df : new double[] {1, 2.5, 7, 60}) {
            double sum = 0;
            double sumSq = 0;
            for (int k = 0; k < draws; k++) {
                double x = noise.chiSquare(df);
                sum += x;
                sumSq += x * x;
            }
            double mean = sum / draws;
            double variance = sumSq / draws - mean * mean;
            assertThat(mean).as("chi2(%s) mean", df).isCloseTo(df, within(5 * Math.sqrt(2 * df / draws)));
            // Var of the sample variance of chi2(df): (mu4 - sigma^4) / draws, mu4 = 12 df (df + 4)
            double sdOfVariance = Math.sqrt((12 * df * (df + 4) - 4 * df * df) / draws);
            assertThat(variance).as("chi2(%s) variance", df).isCloseTo(2 * df, within(5 * sdOfVariance));
        }
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < draws; k++) {
            double z = noise.normal();
            sum += z;
            sumSq += z * z;
        }
        assertThat(sum / draws).isCloseTo(0, within(5 / Math.sqrt(draws)));
        assertThat(sumSq / draws).isCloseTo(1, within(5 * Math.sqrt(2.0 / draws)));
    }
}
