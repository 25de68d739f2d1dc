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
import org.reconsim.engine.scenario.BayesTPrior;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.results.analysis.BayesTAnalysis;
import org.reconsim.results.analysis.EndpointData;

/**
 * Compares {@link NormalInverseGammaRegression} and the {@code bayes-t} analysis
 * ({@link BayesTAnalysis}) with the closed form computed in R 4.2.2 by
 * {@code fixtures/bayes_t/make_fixtures.R}, which checked it there against prior-as-data
 * {@code lm()} fits (BDA3 14.8) and against the t marginal by numerical integration over
 * {@code sigma^2}; and the reference prior's 95% credible interval with {@code lm()}'s
 * {@code confint}. Tolerance: 1e-8 relative (for an interval bound, relative to the larger of
 * the bound and the scale, since a bound may sit near 0). R is not needed here.
 */
class NormalInverseGammaFixturesTest {

    private static final String FOLDER = "/fixtures/bayes_t/";
    private static final double TOLERANCE = 1e-8;
    private static final String[] COEFFICIENTS = {"intercept", "baseline", "treated"};

    record Dataset(int id, double[] baseline, double[] outcome, boolean[] treated) {

        int size() {
            return outcome.length;
        }

        /** The uncentred design [1, baseline, treated], by column. */
        double[][] columns() {
            double[][] x = new double[3][size()];
            for (int i = 0; i < size(); i++) {
                x[0][i] = 1;
                x[1][i] = baseline[i];
                x[2][i] = treated[i] ? 1 : 0;
            }
            return x;
        }
    }

    /** One row of priors.csv; {@code settings} is null for a prior bayes-t cannot state. */
    record Prior(int id, NormalInverseGammaPrior nig, BayesTPrior settings) {
    }

    record Expected(int dataset, int prior, int coefficient, double location, double scale, double df, double lower,
                    double upper, double probabilityBelow0, double twoSidedTail) {
    }

    record LinearModel(int dataset, double estimate, double stdError, double df, double lower, double upper) {
    }

    static Stream<Arguments> cases() throws IOException {
        Map<Integer, Dataset> datasets = readDatasets();
        Map<Integer, Prior> priors = readPriors();
        return readExpected().stream().map(e -> Arguments.of("dataset " + e.dataset() + " prior " + e.prior() + " "
                + COEFFICIENTS[e.coefficient()], datasets.get(e.dataset()), priors.get(e.prior()), e));
    }

    /** The effect under each prior bayes-t can state. */
    static Stream<Arguments> analysisCases() throws IOException {
        return cases().filter(a -> ((Prior) a.get()[2]).settings() != null
                && COEFFICIENTS[((Expected) a.get()[3]).coefficient()].equals("treated"));
    }

    @Test
    void fixturesCoverTheAgreedRange() throws IOException {
        Map<Integer, Dataset> datasets = readDatasets();
        Map<Integer, Prior> priors = readPriors();
        assertThat(datasets).hasSizeGreaterThanOrEqualTo(10);
        assertThat(datasets.values().stream().mapToInt(Dataset::size).min().orElseThrow()).isEqualTo(8);
        assertThat(datasets.values().stream().mapToInt(Dataset::size).max().orElseThrow()).isEqualTo(200);
        assertThat(priors.values().stream().filter(p -> p.settings() != null)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(priors.values().stream().filter(p -> p.settings() == null)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(readExpected()).hasSize(3 * datasets.size() * priors.size());
        assertThat(readLinearModels()).hasSize(datasets.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void posteriorMatchesR(String name, Dataset data, Prior prior, Expected expected) {
        NormalInverseGammaPosterior posterior = NormalInverseGammaRegression.posterior(prior.nig(), data.columns(), data.outcome(),
                data.size());
        assertThat(posterior.isDefined()).isTrue();
        assertMatches(posterior.coefficient(expected.coefficient()), expected);
    }

    /** The analysis centres its design: with flat intercept and slope the effect's posterior is R's uncentred one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("analysisCases")
    void bayesTMatchesR(String name, Dataset data, Prior prior, Expected expected) {
        BayesTAnalysis analysis = new BayesTAnalysis(prior.settings());
        StudentTPosterior effect = analysis.effectPosterior(data.outcome(), data.baseline(), data.treated(), data.size());
        assertMatches(effect, expected);

        EndpointData endpoint = new EndpointData(Endpoint.CAPS5, List.of(Visit.PRE, Visit.POST), List.of(Visit.POST),
                data.treated(), new double[][] {data.baseline(), data.outcome()});
        TestResult result = analysis.effects(endpoint).get(0);
        assertRelative(result.estimate(), expected.location(), TOLERANCE);
        assertRelative(result.stdError(), expected.scale(), TOLERANCE);
        assertRelative(result.df(), expected.df(), TOLERANCE);
        assertRelative(result.pValue(), expected.twoSidedTail(), TOLERANCE);
    }

    /** Reference prior: the posterior is lm()'s t, its 95% credible interval confint(), and the result the ANCOVA's. */
    @Test
    void referencePriorReproducesTheClassicalTInterval() throws IOException {
        Map<Integer, Dataset> datasets = readDatasets();
        BayesTAnalysis reference = new BayesTAnalysis(BayesTPrior.defaults());
        for (LinearModel lm : readLinearModels()) {
            Dataset d = datasets.get(lm.dataset());
            StudentTPosterior effect = reference.effectPosterior(d.outcome(), d.baseline(), d.treated(), d.size());
            String what = "dataset " + lm.dataset();
            assertThat(effect.df()).as(what).isEqualTo(lm.df());
            assertRelative(effect.location(), lm.estimate(), TOLERANCE);
            assertRelative(effect.scale(), lm.stdError(), TOLERANCE);
            assertBound(effect.lower(0.95), lm.lower(), effect.scale());
            assertBound(effect.upper(0.95), lm.upper(), effect.scale());

            TestResult ancova = Ancova.treatmentEffect(d.outcome(), d.baseline(), d.treated(), d.size());
            assertRelative(effect.twoSidedTail(), ancova.pValue(), TOLERANCE);
            assertRelative(effect.location() / effect.scale(), ancova.statistic(), TOLERANCE);
        }
    }

    private static void assertMatches(StudentTPosterior actual, Expected expected) {
        assertThat(actual.isDefined()).isTrue();
        assertRelative(actual.location(), expected.location(), TOLERANCE);
        assertRelative(actual.scale(), expected.scale(), TOLERANCE);
        assertRelative(actual.df(), expected.df(), TOLERANCE);
        assertBound(actual.lower(0.95), expected.lower(), expected.scale());
        assertBound(actual.upper(0.95), expected.upper(), expected.scale());
        assertRelative(actual.probabilityBelow(0), expected.probabilityBelow0(), TOLERANCE);
        assertRelative(actual.twoSidedTail(), expected.twoSidedTail(), TOLERANCE);
    }

    private static void assertRelative(double actual, double expected, double tolerance) {
        assertThat(actual).isCloseTo(expected, within(tolerance * Math.abs(expected)));
    }

    private static void assertBound(double actual, double expected, double scale) {
        assertThat(actual).isCloseTo(expected, within(TOLERANCE * Math.max(Math.abs(expected), scale)));
    }

    private static Map<Integer, Dataset> readDatasets() throws IOException {
        Map<Integer, List<String[]>> rows = new LinkedHashMap<>();
        for (String[] row : FixtureCsv.read(FOLDER + "datasets.csv", "dataset,subject,treated,baseline,outcome")) {
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
                baseline[i] = FixtureCsv.number(row[3]);
                outcome[i] = FixtureCsv.number(row[4]);
            }
            datasets.put(id, new Dataset(id, baseline, outcome, treated));
        });
        return datasets;
    }

    private static Map<Integer, Prior> readPriors() throws IOException {
        Map<Integer, Prior> priors = new LinkedHashMap<>();
        for (String[] r : FixtureCsv.read(FOLDER + "priors.csv", "prior,kind,m0_1,m0_2,m0_3,l0_11,l0_12,l0_13,l0_21,l0_22,l0_23,"
                + "l0_31,l0_32,l0_33,a0,b0,effect_mean,effect_sd_per_sigma")) {
            double[] m0 = {FixtureCsv.number(r[2]), FixtureCsv.number(r[3]), FixtureCsv.number(r[4])};
            double[][] l0 = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    l0[i][k] = FixtureCsv.number(r[5 + 3 * i + k]);
                }
            }
            double a0 = FixtureCsv.number(r[14]);
            double b0 = FixtureCsv.number(r[15]);
            BayesTPrior settings = r[1].equals("analysis")
                    ? new BayesTPrior(FixtureCsv.number(r[16]), FixtureCsv.number(r[17]), a0, b0) : null;
            int id = Integer.parseInt(r[0]);
            priors.put(id, new Prior(id, NormalInverseGammaPrior.of(m0, l0, a0, b0), settings));
        }
        return priors;
    }

    private static List<Expected> readExpected() throws IOException {
        List<String> names = List.of(COEFFICIENTS);
        return FixtureCsv.read(FOLDER + "expected.csv",
                "dataset,prior,coefficient,location,scale,df,lower95,upper95,prob_below_0,two_sided_tail").stream()
                .map(r -> new Expected(Integer.parseInt(r[0]), Integer.parseInt(r[1]), names.indexOf(r[2]),
                        FixtureCsv.number(r[3]), FixtureCsv.number(r[4]), FixtureCsv.number(r[5]), FixtureCsv.number(r[6]),
                        FixtureCsv.number(r[7]), FixtureCsv.number(r[8]), FixtureCsv.number(r[9])))
                .toList();
    }

    private static List<LinearModel> readLinearModels() throws IOException {
        return FixtureCsv.read(FOLDER + "lm.csv", "dataset,estimate,std_error,df,lower95,upper95").stream()
                .map(r -> new LinearModel(Integer.parseInt(r[0]), FixtureCsv.number(r[1]), FixtureCsv.number(r[2]),
                        FixtureCsv.number(r[3]), FixtureCsv.number(r[4]), FixtureCsv.number(r[5])))
                .toList();
    }
}
