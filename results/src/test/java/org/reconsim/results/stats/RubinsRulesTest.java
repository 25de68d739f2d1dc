package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * {@link RubinsRules} against a pooling worked out by hand and against mice's
 * {@code pool.scalar} (mice 3.15.0, R 4.2.2) on 8 random sets of 2 to 50 imputations
 * ({@code fixtures/mi/make_fixtures.R}, part 1): estimate, standard error, df and t to 1e-12
 * relative (the CSV's 15 digits), p to 1e-9 relative.
 */
class RubinsRulesTest {

    private static final double RELATIVE = 1e-12;

    /**
     * M = 3, Q = (1, 2, 3), U = (0.5, 0.5, 0.5), nu_com = 10:
     * Qbar = 2, Ubar = 0.5, B = (1 + 0 + 1) / 2 = 1, T = 0.5 + (4/3) 1 = 11/6,
     * lambda = (4/3) / (11/6) = 8/11, nu_old = 2 / (8/11)^2 = 121/32,
     * nu_obs = (11/13) 10 (3/11) = 30/13, nu = (121/32)(30/13) / (121/32 + 30/13) = 3630/2533,
     * t = 2 / sqrt(11/6); mice::pool.scalar(c(1,2,3), rep(.5,3), n = 11, k = 1) gives df
     * 1.4330833004342678 and 2 pt(-t, df) = 0.32155928097750525.
     */
    @Test
    void poolsAHandComputedExample() {
        TestResult r = RubinsRules.pool(new double[] {1, 2, 3}, new double[] {0.5, 0.5, 0.5}, 3, 10);
        assertThat(r.estimate()).isEqualTo(2.0);
        assertThat(r.stdError()).isCloseTo(Math.sqrt(11.0 / 6), within(1e-15));
        assertThat(r.df()).isCloseTo(3630.0 / 2533, within(1e-14));
        assertThat(r.statistic()).isCloseTo(2 / Math.sqrt(11.0 / 6), within(1e-14));
        assertThat(r.pValue()).isCloseTo(0.32155928097750525, within(1e-13));
    }

    @Test
    void agreesWithMicePoolScalar() throws IOException {
        Map<Integer, List<String[]>> inputs = new LinkedHashMap<>();
        for (String[] row : FixtureCsv.read("/fixtures/mi/rubin.csv", "case,m,df_complete,k,estimate,variance")) {
            inputs.computeIfAbsent(Integer.parseInt(row[0]), c -> new ArrayList<>()).add(row);
        }
        List<String[]> expected = FixtureCsv.read("/fixtures/mi/rubin_expected.csv", "case,estimate,std_error,df,statistic,p_value");
        assertThat(expected).hasSize(inputs.size()).hasSize(8);
        for (String[] e : expected) {
            List<String[]> rows = inputs.get(Integer.parseInt(e[0]));
            int m = Integer.parseInt(rows.get(0)[1]);
            double dfComplete = Double.parseDouble(rows.get(0)[2]);
            double[] q = new double[m];
            double[] u = new double[m];
            for (String[] row : rows) {
                q[Integer.parseInt(row[3])] = Double.parseDouble(row[4]);
                u[Integer.parseInt(row[3])] = Double.parseDouble(row[5]);
            }
            TestResult r = RubinsRules.pool(q, u, m, dfComplete);
            String as = "case " + e[0];
            assertThat(r.estimate()).as(as).isCloseTo(Double.parseDouble(e[1]), relative(e[1]));
            assertThat(r.stdError()).as(as).isCloseTo(Double.parseDouble(e[2]), relative(e[2]));
            assertThat(r.df()).as(as).isCloseTo(Double.parseDouble(e[3]), relative(e[3]));
            assertThat(r.statistic()).as(as).isCloseTo(Double.parseDouble(e[4]), relative(e[4]));
            // a p-value's relative error is about |t| times t's (case 6: t = -40, p = 4e-41)
            assertThat(r.pValue()).as(as).isCloseTo(Double.parseDouble(e[5]),
                    within(1e-9 * Math.abs(Double.parseDouble(e[5]))));
        }
    }

    /** Every imputation the same (nothing was missing): the complete-data test, df = nu_com. */
    @Test
    void identicalImputationsAreTheCompleteDataTest() {
        TestResult r = RubinsRules.pool(new double[] {1.5, 1.5, 1.5, 1.5}, new double[] {0.25, 0.25, 0.25, 0.25}, 4, 21);
        assertThat(r.df()).isEqualTo(21.0);
        assertThat(r.stdError()).isEqualTo(0.5);
        assertThat(r.pValue()).isCloseTo(StudentT.twoSidedPValue(3, 21), within(1e-15));
    }

    @Test
    void refusesFewerThanTwoImputations() {
        assertThatThrownBy(() -> RubinsRules.pool(new double[] {1}, new double[] {1}, 1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 2 or more");
        assertThatThrownBy(() -> RubinsRules.pool(new double[] {1, 2}, new double[] {1, 1}, 2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }

    private static Offset<Double> relative(String expected) {
        return within(RELATIVE * Math.max(1e-300, Math.abs(Double.parseDouble(expected))) + 1e-300);
    }
}
