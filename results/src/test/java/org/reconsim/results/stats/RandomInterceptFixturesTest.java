package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares {@link RandomInterceptModel} with lmerTest's {@code lmer(value ~ treated * visit +
 * (1 | subject), REML = TRUE)} and {@code contest1D(ddf = "Satterthwaite")} on the datasets
 * written by {@code fixtures/lmm/make_fixtures.R} (R 4.2.2, lme4 1.1-31, lmerTest 3.1-3).
 * R is not needed here.
 */
class RandomInterceptFixturesTest {

    private static final String FOLDER = "/fixtures/lmm/";

    /**
     * R's optimizer stops near, not at, the boundary: a subject variance below this share of
     * the residual variance is a boundary fit, where the model returns exactly 0.
     */
    private static final double BOUNDARY = 1e-8;

    /** One virtual trial read from datasets.csv, in long form; subjects 0-based; NA is NaN. */
    record Dataset(int id, int[] subject, int[] visit, boolean[] treated, double[] value, int visits) {

        int rows() {
            return value.length;
        }

        /** The fit, with one extra row of junk past {@code rows} that must be ignored. */
        RandomInterceptFit fit() {
            int n = rows();
            int[] s = java.util.Arrays.copyOf(subject, n + 1);
            int[] v = java.util.Arrays.copyOf(visit, n + 1);
            boolean[] t = java.util.Arrays.copyOf(treated, n + 1);
            double[] y = java.util.Arrays.copyOf(value, n + 1);
            s[n] = 0;
            v[n] = 0;
            t[n] = !treated[indexOfSubject(0)];
            y[n] = 1e9;
            return RandomInterceptModel.fit(s, v, t, y, n, visits);
        }

        private int indexOfSubject(int s) {
            for (int r = 0; r < rows(); r++) {
                if (subject[r] == s) {
                    return r;
                }
            }
            throw new IllegalStateException();
        }
    }

    /** One row of expected.csv. */
    record Expected(int dataset, int visit, double estimate, double stdError, double df, double statistic,
            double pValue, double subjectVariance, double residualVariance, double remlCriterion) {
    }

    static Stream<Arguments> cases() throws IOException {
        Map<Integer, Dataset> datasets = readDatasets();
        return readExpected().stream()
                .map(e -> Arguments.of("dataset " + e.dataset() + " visit " + e.visit(), datasets.get(e.dataset()), e));
    }

    @Test
    void fixturesCoverTheAgreedRange() throws IOException {
        Map<Integer, Dataset> datasets = readDatasets();
        assertThat(datasets).hasSizeGreaterThanOrEqualTo(20);
        assertThat(datasets.values().stream().mapToInt(d -> d.subject().length / d.visits()).min().orElseThrow())
                .isEqualTo(12);
        assertThat(datasets.values().stream().mapToInt(d -> d.subject().length / d.visits()).max().orElseThrow())
                .isEqualTo(100);
        assertThat(datasets.values().stream().mapToInt(Dataset::visits).distinct().sorted().toArray())
                .containsExactly(2, 3, 4);
        assertThat(datasets.values().stream().filter(d -> hasMissing(d.value())).count()).isGreaterThan(10);
        assertThat(readExpected()).hasSize(datasets.values().stream().mapToInt(Dataset::visits).sum());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesLmerTest(String name, Dataset data, Expected expected) {
        RandomInterceptFit fit = data.fit();
        assertThat(fit.isDefined()).isTrue();
        TestResult actual = fit.armEffect(expected.visit());
        assertRelative(actual.estimate(), expected.estimate(), 1e-6);
        assertRelative(actual.stdError(), expected.stdError(), 1e-6);
        assertRelative(actual.statistic(), expected.statistic(), 1e-6);
        assertRelative(actual.df(), expected.df(), 1e-4);
        assertThat(actual.pValue()).isCloseTo(expected.pValue(), within(1e-4));

        VarianceComponents variance = fit.varianceComponents();
        assertRelative(variance.residualVariance(), expected.residualVariance(), 1e-5);
        if (expected.subjectVariance() < BOUNDARY * expected.residualVariance()) {
            assertThat(variance.subjectVariance()).isLessThan(BOUNDARY * expected.residualVariance());
        } else {
            assertRelative(variance.subjectVariance(), expected.subjectVariance(), 1e-5);
        }
        assertRelative(fit.remlCriterion(), expected.remlCriterion(), 1e-10);
    }

    private static boolean hasMissing(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    private static void assertRelative(double actual, double expected, double tolerance) {
        assertThat(actual).isCloseTo(expected, within(tolerance * Math.abs(expected)));
    }

    private static Map<Integer, Dataset> readDatasets() throws IOException {
        Map<Integer, List<String[]>> rows = new LinkedHashMap<>();
        for (String[] row : readCsv("datasets.csv", "dataset,subject,visit,treated,value")) {
            rows.computeIfAbsent(Integer.parseInt(row[0]), k -> new ArrayList<>()).add(row);
        }
        Map<Integer, Dataset> datasets = new LinkedHashMap<>();
        rows.forEach((id, lines) -> {
            int n = lines.size();
            int[] subject = new int[n];
            int[] visit = new int[n];
            boolean[] treated = new boolean[n];
            double[] value = new double[n];
            int visits = 0;
            for (int i = 0; i < n; i++) {
                String[] row = lines.get(i);
                subject[i] = Integer.parseInt(row[1]) - 1;
                visit[i] = Integer.parseInt(row[2]);
                treated[i] = row[3].equals("1");
                value[i] = number(row[4]);
                visits = Math.max(visits, visit[i] + 1);
            }
            datasets.put(id, new Dataset(id, subject, visit, treated, value, visits));
        });
        return datasets;
    }

    private static List<Expected> readExpected() throws IOException {
        return readCsv("expected.csv", "dataset,visit,estimate,std_error,df,statistic,p_value,"
                + "subject_variance,residual_variance,reml_criterion").stream()
                .map(r -> new Expected(Integer.parseInt(r[0]), Integer.parseInt(r[1]), number(r[2]), number(r[3]),
                        number(r[4]), number(r[5]), number(r[6]), number(r[7]), number(r[8]), number(r[9])))
                .toList();
    }

    private static double number(String field) {
        return FixtureCsv.number(field);
    }

    private static List<String[]> readCsv(String file, String header) throws IOException {
        return FixtureCsv.read(FOLDER + file, header);
    }
}
