package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Imputation;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.results.analysis.EndpointData;
import org.reconsim.results.analysis.MultipleImputationAnalysis;
import org.reconsim.results.stats.MonotoneImputation.Strategy;

/**
 * The mi analyses against {@code fixtures/mi/make_fixtures.R} (R 4.2.2, mice 3.15.0) on 6
 * simulated trials (24 to 160 patients, 1 to 3 post-baseline visits, monotone dropout at random
 * given baseline at every visit, one trial with gaps):
 * <ul>
 * <li>the same algorithm written in R from {@link MonotoneImputation}'s documentation, fed the
 * same draws (R's own, replayed here): pooled estimate, standard error, df, t and p for MAR,
 * J2R and CR, with and without delta, to 1e-9 relative (rounding through 15-digit CSVs and
 * different but equivalent least-squares solves);</li>
 * <li>the conditional-mean limit, computed in R by Carpenter, Roger &amp; Kenward's (2013) joint
 * multivariate normal formulas from lm() fits: our pooled estimate with M = 2000 within 4.5
 * Monte Carlo standard errors {@code sqrt(B / M)} of it, for every strategy, delta 0 and 2;</li>
 * <li>mice's own MAR imputation ({@code method = "norm"}, M = 1000, different draws): the pooled
 * estimates within 4.5 standard errors of their difference, {@code sqrt((B_1 + B_2) / M)}.</li>
 * </ul>
 */
class MonotoneImputationFixturesTest {

    private static final String FOLDER = "/fixtures/mi/";
    private static final List<Visit> VISITS = List.of(Visit.PRE, Visit.POST, Visit.FU30, Visit.FU90);

    static Map<Integer, EndpointData> datasets() throws IOException {
        Map<Integer, List<String[]>> rows = new LinkedHashMap<>();
        for (String[] r : FixtureCsv.read(FOLDER + "datasets.csv", "dataset,patient,treated,y0,y1,y2,y3")) {
            rows.computeIfAbsent(Integer.parseInt(r[0]), d -> new ArrayList<>()).add(r);
        }
        Map<Integer, EndpointData> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<String[]>> e : rows.entrySet()) {
            List<String[]> patients = e.getValue();
            int n = patients.size();
            int visits = 0;
            for (int j = 1; j <= 3; j++) {
                for (String[] p : patients) {
                    if (!p[3 + j].equals("NA")) {
                        visits = j;
                    }
                }
            }
            boolean[] treated = new boolean[n];
            double[][] values = new double[visits + 1][n];
            for (String[] p : patients) {
                int i = Integer.parseInt(p[1]);
                treated[i] = p[2].equals("1");
                for (int v = 0; v <= visits; v++) {
                    values[v][i] = FixtureCsv.number(p[3 + v]);
                }
            }
            List<Visit> visited = VISITS.subList(0, visits + 1);
            out.put(e.getKey(), new EndpointData(Endpoint.PCL5, visited, visited.subList(1, visited.size()), treated, values));
        }
        return out;
    }

    static Strategy strategy(String label) {
        return switch (label) {
            case "MAR" -> Strategy.MAR;
            case "J2R" -> Strategy.JUMP_TO_REFERENCE;
            case "CR" -> Strategy.COPY_REFERENCE;
            default -> throw new IllegalArgumentException(label);
        };
    }

    /** R's draws, handed out in the order they were drawn. */
    static final class Replay implements MonotoneImputation.Noise {
        private final List<Double> chiSquares = new ArrayList<>();
        private final List<Double> normals = new ArrayList<>();
        private int nextChiSquare;
        private int nextNormal;

        @Override
        public double chiSquare(double df) {
            return chiSquares.get(nextChiSquare++);
        }

        @Override
        public double normal() {
            return normals.get(nextNormal++);
        }

        boolean usedUp() {
            return nextChiSquare == chiSquares.size() && nextNormal == normals.size();
        }
    }

    @Test
    void sameDrawsGiveRsPooledResults() throws IOException {
        Map<Integer, EndpointData> data = datasets();
        Map<Integer, Replay> draws = new LinkedHashMap<>();
        for (String[] r : FixtureCsv.read(FOLDER + "draws.csv", "case,kind,index,value")) {
            Replay replay = draws.computeIfAbsent(Integer.parseInt(r[0]), c -> new Replay());
            (r[1].equals("chisq") ? replay.chiSquares : replay.normals).add(Double.parseDouble(r[3]));
        }
        Map<Integer, List<String[]>> expected = new LinkedHashMap<>();
        for (String[] r : FixtureCsv.read(FOLDER + "expected.csv",
                "case,dataset,strategy,delta,m,visit,estimate,std_error,df,statistic,p_value")) {
            expected.computeIfAbsent(Integer.parseInt(r[0]), c -> new ArrayList<>()).add(r);
        }
        assertThat(expected).hasSize(20);
        for (Map.Entry<Integer, List<String[]>> e : expected.entrySet()) {
            String[] first = e.getValue().get(0);
            MultipleImputationAnalysis mi = new MultipleImputationAnalysis(strategy(first[2]),
                    new Imputation(Integer.parseInt(first[4]), Double.parseDouble(first[3]), 0));
            Replay replay = draws.get(e.getKey());
            List<TestResult> results = mi.effects(data.get(Integer.parseInt(first[1])), replay);
            assertThat(replay.usedUp()).as("case %s uses every draw R made", e.getKey()).isTrue();
            assertThat(results).hasSize(e.getValue().size());
            for (String[] row : e.getValue()) {
                TestResult r = results.get(Integer.parseInt(row[5]) - 1);
                String as = "case " + row[0] + " (dataset " + row[1] + ", " + row[2] + ", delta " + row[3] + ") visit " + row[5];
                assertThat(r.isDefined()).as(as).isTrue();
                assertClose(r.estimate(), row[6], as + " estimate");
                assertClose(r.stdError(), row[7], as + " std_error");
                assertClose(r.df(), row[8], as + " df");
                assertClose(r.statistic(), row[9], as + " t");
                assertClose(r.pValue(), row[10], as + " p");
            }
        }
    }

    @Test
    void largeMReachesTheConditionalMeanLimit() throws IOException {
        Map<Integer, EndpointData> data = datasets();
        int m = 2000;
        int checked = 0;
        for (String[] row : FixtureCsv.read(FOLDER + "condmean.csv", "dataset,strategy,delta,visit,estimate")) {
            EndpointData d = data.get(Integer.parseInt(row[0]));
            int visit = Integer.parseInt(row[3]);
            double[] q = pooledEstimates(d, strategy(row[1]), Double.parseDouble(row[2]), m, visit);
            double mean = mean(q);
            double mcError = Math.sqrt(variance(q, mean) / m);
            String as = "dataset " + row[0] + " " + row[1] + " delta " + row[2] + " visit " + visit;
            assertThat(mean).as(as).isCloseTo(Double.parseDouble(row[4]), within(4.5 * mcError));
            checked++;
        }
        assertThat(checked).isEqualTo((3 + 3 + 2 + 1 + 3 + 3) * 3 * 2); // the datasets' visits x 3 strategies x 2 deltas
    }

    @Test
    void marAgreesWithMice() throws IOException {
        Map<Integer, EndpointData> data = datasets();
        for (String[] row : FixtureCsv.read(FOLDER + "mice.csv", "dataset,visit,m,estimate,total_variance,between_variance,df")) {
            int m = Integer.parseInt(row[2]);
            int visit = Integer.parseInt(row[1]);
            double[] q = pooledEstimates(data.get(Integer.parseInt(row[0])), Strategy.MAR, 0, m, visit);
            double mean = mean(q);
            double b = variance(q, mean);
            double miceB = Double.parseDouble(row[5]);
            String as = "dataset " + row[0] + " visit " + visit;
            assertThat(mean).as(as).isCloseTo(Double.parseDouble(row[3]), within(4.5 * Math.sqrt((b + miceB) / m)));
            // B from M draws has relative SD sqrt(2 / (M - 1)) = 4.5% at M = 1000
            assertThat(b).as(as + " between-imputation variance").isCloseTo(miceB, within(4.5 * Math.sqrt(2.0 / (m - 1)) * (b + miceB)));
        }
    }

    /** The per-imputation ANCOVA estimates at {@code visit} (1-based), drawn as the analysis draws them. */
    static double[] pooledEstimates(EndpointData d, Strategy strategy, double delta, int m, int visit) {
        int n = d.size();
        double[][] post = new double[d.visits().size() - 1][];
        for (int j = 0; j < post.length; j++) {
            post[j] = d.valuesAt(d.visits().get(j + 1));
        }
        MonotoneImputation model = MonotoneImputation.fit(d.baseline(), d.treated(), post, n);
        MonotoneImputation.Imputer imputer = model.imputer();
        ImputationNoise noise = new ImputationNoise(ImputationNoise.seedOf(7, d.treated(), post, n));
        double[][] completed = new double[post.length][n];
        double[] q = new double[m];
        for (int k = 0; k < m; k++) {
            imputer.impute(strategy, delta, noise, completed);
            q[k] = Ancova.treatmentEffect(completed[visit - 1], d.baseline(), d.treated(), n).estimate();
        }
        return q;
    }

    static double mean(double[] q) {
        double s = 0;
        for (double v : q) {
            s += v;
        }
        return s / q.length;
    }

    static double variance(double[] q, double mean) {
        double s = 0;
        for (double v : q) {
            s += (v - mean) * (v - mean);
        }
        return s / (q.length - 1);
    }

    private static void assertClose(double actual, String expected, String as) {
        double e = Double.parseDouble(expected);
        assertThat(actual).as(as).isCloseTo(e, within(1e-9 * Math.abs(e) + 1e-300));
    }
}
