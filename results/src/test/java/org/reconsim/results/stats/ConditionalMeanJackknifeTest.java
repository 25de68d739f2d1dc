package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconsim.results.analysis.EndpointData;
import org.reconsim.results.stats.MonotoneImputation.Strategy;

/**
 * {@link ConditionalMeanJackknife}'s leave-one-out estimates against the naive procedure they
 * replace: fit {@link MonotoneImputation} from scratch to the other patients, complete their data
 * by {@code conditionalMean}, run {@link Ancova}. On the mi fixtures' 6 trials (dropout at every
 * visit, one trial with gaps), every patient left out, MAR, J2R and CR, delta 0 and 1.5: equal to
 * rounding (1e-9 of the estimate's scale).
 */
class ConditionalMeanJackknifeTest {

    @Test
    void everyLeaveOneOutEstimateIsTheNaiveRefit() throws Exception {
        Map<Integer, EndpointData> data = MonotoneImputationFixturesTest.datasets();
        int compared = 0;
        for (EndpointData d : data.values()) {
            int n = d.size();
            double[][] post = d.postBaselineValues();
            MonotoneImputation whole = MonotoneImputation.fit(d.baseline(), d.treated(), post, n);
            int[] columns = new int[post.length];
            for (int j = 0; j < columns.length; j++) {
                columns[j] = j;
            }
            for (Strategy strategy : Strategy.values()) {
                for (double delta : new double[] {0, 1.5}) {
                    double[][] fast = new double[post.length][n];
                    UndefinedReason[] reasons = new UndefinedReason[post.length];
                    int patients = ConditionalMeanJackknife.leaveOneOut(whole, strategy, delta, columns, fast, reasons);
                    assertThat(patients).isEqualTo(n);
                    assertThat(reasons).containsOnlyNulls();
                    for (int left = 0; left < n; left++) {
                        double[] naive = naive(d, post, left, strategy, delta);
                        for (int j = 0; j < post.length; j++) {
                            assertThat(fast[j][left]).as("left %d, visit %d, %s, delta %s", left, j, strategy, delta)
                                    .isCloseTo(naive[j], within(1e-9 * (1 + Math.abs(naive[j]))));
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(2 * 3 * (15 * 3 + 40 * 3 + 80 * 2 + 12 + 30 * 3 + 60 * 3) * 2);
    }

    /** Without patient {@code left}: the model fitted again, the conditional means, the ANCOVA at each visit. */
    private static double[] naive(EndpointData d, double[][] post, int left, Strategy strategy, double delta) {
        int n = d.size();
        double[] baseline = removed(d.baseline(), left);
        boolean[] treated = new boolean[n - 1];
        for (int i = 0, k = 0; i < n; i++) {
            if (i != left) {
                treated[k++] = d.treated()[i];
            }
        }
        double[][] values = new double[post.length][];
        for (int j = 0; j < post.length; j++) {
            values[j] = removed(post[j], left);
        }
        MonotoneImputation model = MonotoneImputation.fit(baseline, treated, values, n - 1);
        double[][] completed = new double[post.length][n - 1];
        model.imputer().conditionalMean(strategy, delta, completed);
        double[] out = new double[post.length];
        for (int j = 0; j < post.length; j++) {
            out[j] = Ancova.treatmentEffect(completed[j], baseline, treated, n - 1).estimate();
        }
        return out;
    }

    private static double[] removed(double[] v, int left) {
        double[] out = new double[v.length - 1];
        for (int i = 0, k = 0; i < v.length; i++) {
            if (i != left) {
                out[k++] = v[i];
            }
        }
        return out;
    }
}
