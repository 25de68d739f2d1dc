package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares {@link Mmrm} with nlme's {@code gls(value ~ visit * (arm + baseline), correlation =
 * corSymm, weights = varIdent, method = "REML")} and emmeans on the datasets written by
 * {@code fixtures/mmrm/make_fixtures.R} (R 4.2.2, nlme 3.1-162, emmeans 1.8.4-1): 24 virtual
 * trials of 24 to 200 subjects, 2 to 4 post-baseline visits, monotone MAR dropout, some with
 * intermittent missed visits, one complete. R is not needed here.
 *
 * <p>Tolerances. Estimates, standard errors, t and the REML criterion: 1e-6 relative (the R
 * script polishes nlme's optimum by Newton's method to a decrement below 1e-20 and refits gls
 * from there, so R's numbers are at the optimum to ~1e-10). Satterthwaite df and p: the
 * script's reference df is the closed-form Satterthwaite df on the dense matrices, exact to
 * rounding, so df is held to 1e-6 relative and p to 1e-6 relative. emmeans' own df uses nlme's
 * {@code apVar}, a finite-difference Hessian (step eps^(1/3)), and is off by up to 2.7% (on
 * the complete dataset it gives 39.9 where the exact df is n - 3 = 41, the known exact
 * answer for complete data); it is held to 4% and its p to 3e-4 absolute, the largest
 * difference those df errors make to p on these data being 2.2e-4.
 */
class MmrmFixturesTest {

    private static final String FOLDER = "/fixtures/mmrm/";

    /** One virtual trial: per subject (0-based) arm and baseline, values[visit][subject], NaN = missed. */
    record Dataset(int id, boolean[] treated, double[] baseline, double[][] values) {

        int visits() {
            return values.length;
        }

        int subjects() {
            return treated.length;
        }

        /** The fit, with one extra junk subject past {@code subjects} that must be ignored. */
        MmrmFit fit() {
            int n = subjects();
            boolean[] t = Arrays.copyOf(treated, n + 1);
            double[] b = Arrays.copyOf(baseline, n + 1);
            double[][] y = new double[visits()][];
            b[n] = 1e6;
            for (int j = 0; j < visits(); j++) {
                y[j] = Arrays.copyOf(values[j], n + 1);
                y[j][n] = -1e9;
            }
            return Mmrm.fit(b, t, y, n);
        }
    }

    record Expected(int dataset, int visit, double estimate, double stdError, double df, double statistic,
            double pValue, double dfEmmeans, double pValueEmmeans, double remlCriterion) {
    }

    static Stream<Arguments> cases() throws IOException {
        Map<Integer, Dataset> datasets = readDatasets();
        return readExpected().stream()
                .map(e -> Arguments.of("dataset " + e.dataset() + " visit " + e.visit(), datasets.get(e.dataset()), e));
    }

    @Test
    void fixturesCoverTheAgreedRange() throws IOException {
        Map<Integer, Dataset> datasets = readDatasets();
        assertThat(datasets).hasSize(24);
        assertThat(datasets.values().stream().mapToInt(Dataset::subjects).min().orElseThrow()).isEqualTo(24);
        assertThat(datasets.values().stream().mapToInt(Dataset::subjects).max().orElseThrow()).isEqualTo(200);
        assertThat(datasets.values().stream().mapToInt(Dataset::visits).distinct().sorted().toArray())
                .containsExactly(2, 3, 4);
        assertThat(datasets.values().stream().filter(d -> patterns(d) > 2).count()).isGreaterThan(15);
        assertThat(patterns(datasets.get(8))).as("dataset 8 has every value").isEqualTo(1);
        assertThat(Arrays.stream(datasets.get(8).values()).flatMapToDouble(Arrays::stream).noneMatch(Double::isNaN)).isTrue();
        assertThat(readExpected()).hasSize(datasets.values().stream().mapToInt(Dataset::visits).sum());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesNlmeAndTheExactSatterthwaiteDf(String name, Dataset data, Expected expected) {
        MmrmFit fit = data.fit();
        assertThat(fit.isDefined()).as(fit.reason()).isTrue();
        TestResult actual = fit.treatmentEffect(expected.visit() - 1);
        assertRelative(actual.estimate(), expected.estimate(), 1e-6);
        assertRelative(actual.stdError(), expected.stdError(), 1e-6);
        assertRelative(actual.statistic(), expected.statistic(), 1e-6);
        assertRelative(fit.remlCriterion(), expected.remlCriterion(), 1e-6);
        assertRelative(actual.df(), expected.df(), 1e-6);
        assertRelative(actual.pValue(), expected.pValue(), 1e-6);
        assertRelative(actual.df(), expected.dfEmmeans(), 0.04);
        assertThat(actual.pValue()).isCloseTo(expected.pValueEmmeans(), within(3e-4));
    }

    @Test
    void matchesTheRemlCovariance() throws IOException {
        Map<Integer, Dataset> datasets = readDatasets();
        for (String[] row : FixtureCsv.read(FOLDER + "covariance.csv", "dataset,row,column,value")) {
            MmrmFit fit = datasets.get(Integer.parseInt(row[0])).fit();
            int i = Integer.parseInt(row[1]) - 1;
            int j = Integer.parseInt(row[2]) - 1;
            double expected = FixtureCsv.number(row[3]);
            double scale = Math.sqrt(fit.covariance(i, i) * fit.covariance(j, j));
            assertThat(fit.covariance(i, j)).as("dataset " + row[0] + " Sigma[" + row[1] + "," + row[2] + "]")
                    .isCloseTo(expected, within(1e-6 * scale));
        }
    }

    private static long patterns(Dataset d) {
        return java.util.stream.IntStream.range(0, d.subjects()).map(i -> {
            int mask = 0;
            for (int j = 0; j < d.visits(); j++) {
                mask |= Double.isNaN(d.values()[j][i]) ? 0 : 1 << j;
            }
            return mask;
        }).filter(m -> m != 0).distinct().count();
    }

    private static void assertRelative(double actual, double expected, double tolerance) {
        assertThat(actual).isCloseTo(expected, within(tolerance * Math.abs(expected)));
    }

    private static Map<Integer, Dataset> readDatasets() throws IOException {
        Map<Integer, List<String[]>> rows = new LinkedHashMap<>();
        for (String[] row : FixtureCsv.read(FOLDER + "datasets.csv", "dataset,subject,treated,baseline,visit,value")) {
            rows.computeIfAbsent(Integer.parseInt(row[0]), k -> new ArrayList<>()).add(row);
        }
        Map<Integer, Dataset> datasets = new LinkedHashMap<>();
        rows.forEach((id, lines) -> {
            int subjects = 0;
            int visits = 0;
            for (String[] row : lines) {
                subjects = Math.max(subjects, Integer.parseInt(row[1]));
                visits = Math.max(visits, Integer.parseInt(row[4]));
            }
            boolean[] treated = new boolean[subjects];
            double[] baseline = new double[subjects];
            double[][] values = new double[visits][subjects];
            for (String[] row : lines) {
                int i = Integer.parseInt(row[1]) - 1;
                treated[i] = row[2].equals("1");
                baseline[i] = FixtureCsv.number(row[3]);
                values[Integer.parseInt(row[4]) - 1][i] = FixtureCsv.number(row[5]);
            }
            datasets.put(id, new Dataset(id, treated, baseline, values));
        });
        return datasets;
    }

    private static List<Expected> readExpected() throws IOException {
        return FixtureCsv.read(FOLDER + "expected.csv", "dataset,visit,estimate,std_error,df,statistic,p_value,"
                + "df_emmeans,p_value_emmeans,reml_criterion").stream()
                .map(r -> new Expected(Integer.parseInt(r[0]), Integer.parseInt(r[1]), number(r[2]), number(r[3]),
                        number(r[4]), number(r[5]), number(r[6]), number(r[7]), number(r[8]), number(r[9])))
                .toList();
    }

    private static double number(String field) {
        return FixtureCsv.number(field);
    }
}
