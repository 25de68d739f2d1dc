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
 * Compares {@link Ancova} and {@link WelchTest} with R's {@code lm} and {@code t.test} on the
 * datasets written by {@code fixtures/ancova/make_fixtures.R} (R 4.2.2). R is not needed here.
 */
class RFixturesTest {

    private static final String FOLDER = "/fixtures/ancova/";

    /** One virtual trial read from datasets.csv; NA is NaN. */
    record Dataset(int id, double[] baseline, double[] outcome, boolean[] treated) {

        int size() {
            return outcome.length;
        }

        /** Change from baseline in one arm, padded with a spare slot to check that n is honoured. */
        double[] change(boolean arm) {
            double[] change = new double[size() + 1];
            int k = 0;
            for (int i = 0; i < size(); i++) {
                if (treated[i] == arm) {
                    change[k++] = outcome[i] - baseline[i];
                }
            }
            change[k] = 1e9;
            return change;
        }

        int armSize(boolean arm) {
            int count = 0;
            for (boolean t : treated) {
                if (t == arm) {
                    count++;
                }
            }
            return count;
        }
    }

    /** One row of expected.csv. */
    record Expected(int dataset, String analysis, double estimate, double stdError, double df,
            double statistic, double pValue) {
    }

    static Stream<Arguments> cases() throws IOException {
        Map<Integer, Dataset> datasets = readDatasets();
        return readExpected().stream()
                .map(e -> Arguments.of(e.analysis() + " #" + e.dataset(), datasets.get(e.dataset()), e));
    }

    @Test
    void fixturesCoverTheAgreedRange() throws IOException {
        Map<Integer, Dataset> datasets = readDatasets();
        assertThat(datasets).hasSizeGreaterThanOrEqualTo(20);
        assertThat(datasets.values().stream().mapToInt(Dataset::size).min().orElseThrow()).isEqualTo(8);
        assertThat(datasets.values().stream().mapToInt(Dataset::size).max().orElseThrow()).isEqualTo(200);
        assertThat(readExpected()).hasSize(2 * datasets.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesR(String name, Dataset data, Expected expected) {
        TestResult actual = switch (expected.analysis()) {
            case "ancova" -> Ancova.treatmentEffect(padded(data.outcome()), padded(data.baseline()),
                    paddedFlags(data.treated()), data.size());
            case "welch" -> WelchTest.difference(data.change(true), data.armSize(true),
                    data.change(false), data.armSize(false));
            default -> throw new IllegalStateException(expected.analysis());
        };
        assertThat(actual.isDefined()).isTrue();
        assertRelative(actual.estimate(), expected.estimate(), 1e-6);
        assertRelative(actual.stdError(), expected.stdError(), 1e-6);
        assertRelative(actual.statistic(), expected.statistic(), 1e-6);
        assertThat(actual.pValue()).isCloseTo(expected.pValue(), within(1e-4));
        if (expected.analysis().equals("ancova")) {
            assertThat(actual.df()).isEqualTo(expected.df());
        } else {
            assertRelative(actual.df(), expected.df(), 1e-6);
        }
    }

    private static void assertRelative(double actual, double expected, double tolerance) {
        assertThat(actual).isCloseTo(expected, within(tolerance * Math.abs(expected)));
    }

    /** Arrays one longer than n, with a wild last entry that must be ignored. */
    private static double[] padded(double[] values) {
        double[] copy = Arrays.copyOf(values, values.length + 1);
        copy[values.length] = 1e9;
        return copy;
    }

    private static boolean[] paddedFlags(boolean[] values) {
        boolean[] copy = Arrays.copyOf(values, values.length + 1);
        copy[values.length] = true;
        return copy;
    }

    private static Map<Integer, Dataset> readDatasets() throws IOException {
        Map<Integer, List<String[]>> rows = new LinkedHashMap<>();
        for (String[] row : readCsv("datasets.csv", "dataset,subject,treated,baseline,outcome")) {
            rows.computeIfAbsent(Integer.parseInt(row[0]), k -> new ArrayList<>()).add(row);
        }
        Map<Integer, Dataset> datasets = new LinkedHashMap<>();
        rows.forEach((id, subjects) -> {
            int n = subjects.size();
            double[] baseline = new double[n];
            double[] outcome = new double[n];
            boolean[] treated = new boolean[n];
            for (int i = 0; i < n; i++) {
                String[] row = subjects.get(i);
                treated[i] = row[2].equals("1");
                baseline[i] = number(row[3]);
                outcome[i] = number(row[4]);
            }
            datasets.put(id, new Dataset(id, baseline, outcome, treated));
        });
        return datasets;
    }

    private static List<Expected> readExpected() throws IOException {
        return readCsv("expected.csv", "dataset,analysis,estimate,std_error,df,statistic,p_value").stream()
                .map(r -> new Expected(Integer.parseInt(r[0]), r[1], number(r[2]), number(r[3]),
                        number(r[4]), number(r[5]), number(r[6])))
                .toList();
    }

    private static double number(String field) {
        return FixtureCsv.number(field);
    }

    private static List<String[]> readCsv(String file, String header) throws IOException {
        return FixtureCsv.read(FOLDER + file, header);
    }
}
