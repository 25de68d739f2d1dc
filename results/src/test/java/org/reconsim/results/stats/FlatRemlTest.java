package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A mixed-model fit whose REML criterion is flat in the variance ratio is undefined
 * ({@link UndefinedReason#FLAT_REML}), not a number: against lme4 on replicate 12 of
 * {@code reconsim power scenarios/duek-2021.yaml --n-per-arm 2 --seed 41} (lmm) and its
 * identified variant ({@code fixtures/lmm-flat/make_fixtures.R}, R 4.2.2, lme4 1.1-31,
 * lmerTest 3.1-3; R is not needed here), and on constructed data.
 */
class FlatRemlTest {

    private static final String FOLDER = "/fixtures/lmm-flat/";

    /** Long data of one fixture dataset and endpoint. */
    private record Data(List<Integer> subject, List<Integer> visit, List<Boolean> treated, List<Double> value) {

        RandomInterceptFit fit() {
            int n = value.size();
            int[] s = new int[n];
            int[] v = new int[n];
            boolean[] t = new boolean[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = subject.get(i);
                v[i] = visit.get(i);
                t[i] = treated.get(i);
                y[i] = value.get(i);
            }
            return RandomInterceptModel.fit(s, v, t, y, n, 4);
        }
    }

    private static Map<String, Data> trials() throws IOException {
        Map<String, Data> out = new LinkedHashMap<>();
        for (String[] row : FixtureCsv.read(FOLDER + "trials.csv", "dataset,endpoint,subject,visit,treated,value")) {
            Data d = out.computeIfAbsent(row[0] + " " + row[1],
                    k -> new Data(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            d.subject().add(Integer.parseInt(row[2]));
            d.visit().add(Integer.parseInt(row[3]));
            d.treated().add(row[4].equals("1"));
            d.value().add(FixtureCsv.number(row[5]));
        }
        return out;
    }

    /**
     * lme4's criterion varies by 4e-10 over theta in [0, 1000] on every endpoint of the replicate
     * (rounding: lme4 then reports whatever theta its optimizer stopped at, and standard errors
     * that depend on it); here every endpoint's fit is undefined for that reason. The identified
     * variant (lme4's range 20) is fitted, and agrees with lmerTest.
     */
    @Test
    void theFlatReplicateIsUndefinedAndItsIdentifiedVariantMatchesLmerTest() throws IOException {
        Map<String, Data> trials = trials();
        List<String[]> expected = FixtureCsv.read(FOLDER + "expected.csv", "dataset,endpoint,criterion_range,estimate,std_error,df");
        assertThat(expected).hasSize(10);
        for (String[] e : expected) {
            RandomInterceptFit fit = trials.get(e[0] + " " + e[1]).fit();
            double range = FixtureCsv.number(e[2]);
            if (e[0].equals("flat")) {
                assertThat(range).as(e[1]).isLessThan(RandomInterceptModel.FLAT_TOLERANCE);
                assertThat(fit.isDefined()).as(e[1]).isFalse();
                assertThat(fit.reason()).as(e[1]).isEqualTo(UndefinedReason.FLAT_REML);
                for (int v = 0; v < 4; v++) {
                    assertThat(fit.armEffect(v)).as(e[1]).isEqualTo(TestResult.undefined(UndefinedReason.FLAT_REML));
                }
            } else {
                assertThat(range).isGreaterThan(1);
                assertThat(fit.isDefined()).isTrue();
                TestResult post = fit.armEffect(1);
                assertThat(post.estimate()).isCloseTo(FixtureCsv.number(e[3]), within(1e-6 * Math.abs(FixtureCsv.number(e[3]))));
                assertThat(post.stdError()).isCloseTo(FixtureCsv.number(e[4]), within(1e-6 * FixtureCsv.number(e[4])));
                assertThat(post.df()).isCloseTo(FixtureCsv.number(e[5]), within(1e-4 * FixtureCsv.number(e[5])));
            }
        }
    }

    /**
     * Constructed: per arm one patient with all V visits and k others with the baseline only.
     * Every follow-up cell is fitted exactly and the residuals are baseline differences between
     * patients, of variance proportional to sigma_u^2 + sigma_e^2: flat whatever the values, for
     * any V and k. One more follow-up value (a second patient at visit 1) identifies the ratio.
     */
    @Test
    void oneCompleterPerArmAndBaselinesOnlyIsFlatForAnyValues() {
        Random random = new Random(3);
        for (int visits = 2; visits <= 4; visits++) {
            for (int others = 1; others <= 3; others++) {
                List<int[]> rows = new ArrayList<>(); // subject, visit, treated
                int subject = 0;
                for (int arm = 0; arm < 2; arm++) {
                    for (int v = 0; v < visits; v++) {
                        rows.add(new int[] {subject, v, arm});
                    }
                    subject++;
                    for (int k = 0; k < others; k++) {
                        rows.add(new int[] {subject++, 0, arm});
                    }
                }
                RandomInterceptFit flat = fit(rows, visits, random);
                assertThat(flat.reason()).as("V=%d, %d baseline-only per arm", visits, others).isEqualTo(UndefinedReason.FLAT_REML);
                rows.add(new int[] {1, 1, 0}); // the control arm's first baseline-only patient, seen at visit 1 too
                RandomInterceptFit identified = fit(rows, visits, random);
                assertThat(identified.isDefined()).as("V=%d, %d others, one more follow-up", visits, others).isTrue();
                assertThat(identified.armEffect(visits - 1).isDefined()).isTrue();
            }
        }
    }

    private static RandomInterceptFit fit(List<int[]> rows, int visits, Random random) {
        int n = rows.size();
        int[] s = new int[n];
        int[] v = new int[n];
        boolean[] t = new boolean[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = rows.get(i)[0];
            v[i] = rows.get(i)[1];
            t[i] = rows.get(i)[2] == 1;
            y[i] = 40 + 5 * random.nextGaussian();
        }
        return RandomInterceptModel.fit(s, v, t, y, n, visits);
    }
}
