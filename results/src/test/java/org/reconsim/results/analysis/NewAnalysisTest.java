package org.reconsim.results.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.AnalysisMethodRegistry;
import org.reconsim.engine.scenario.CanonicalForm;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.scenario.ScenarioSchema;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.power.AnalysisKey;
import org.reconsim.results.power.Contrast;
import org.reconsim.results.power.LocalReplicateExecutor;
import org.reconsim.results.power.PowerJob;
import org.reconsim.results.power.PowerRow;
import org.reconsim.results.power.PowerSweep;
import org.reconsim.results.power.TrialAnalysis;
import org.reconsim.results.power.TrialResults;
import org.reconsim.results.stats.TestResult;

/**
 * An analysis added from outside the results module, as a user would: one class and one
 * registration (the provider below, listed in META-INF/services). No scenario record, layout or
 * power code is touched, yet scenario files name it and power runs it.
 */
class NewAnalysisTest {

    /** Student's two-sample t test with pooled variance on the change from baseline; missed visits dropped. */
    public static final class PooledChangeT implements EndpointAnalysis {

        @Override
        public List<TestResult> effects(EndpointData data) {
            List<TestResult> out = new ArrayList<>();
            for (Visit v : data.testedVisits()) {
                double[] treated = changes(data, v, true);
                double[] control = changes(data, v, false);
                int nx = treated.length;
                int ny = control.length;
                if (nx < 2 || ny < 2) {
                    out.add(TestResult.undefined());
                    continue;
                }
                double mx = mean(treated);
                double my = mean(control);
                double pooled = (sumSquares(treated, mx) + sumSquares(control, my)) / (nx + ny - 2);
                double se = Math.sqrt(pooled * (1.0 / nx + 1.0 / ny));
                double df = nx + ny - 2;
                double t = (mx - my) / se;
                double p = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
                out.add(new TestResult(mx - my, se, df, t, p));
            }
            return out;
        }

        private static double mean(double[] x) {
            double s = 0;
            for (double d : x) {
                s += d;
            }
            return s / x.length;
        }

        private static double sumSquares(double[] x, double mean) {
            double s = 0;
            for (double d : x) {
                s += (d - mean) * (d - mean);
            }
            return s;
        }
    }

    /** The one registration. */
    public static final class Registration implements AnalysisProvider {
        @Override
        public List<AnalysisType> analyses() {
            return List.of(new AnalysisType("pooled-t", "Test: Student's pooled-variance t test of the change from baseline",
                    new PooledChangeT()));
        }
    }

    private static final AnalysisMethod POOLED_T = AnalysisMethodRegistry.byLabel("pooled-t").orElseThrow();

    /** The observed changes from baseline of one arm at {@code visit}, missed visits left out. */
    private static double[] changes(EndpointData data, Visit visit, boolean treated) {
        double[] base = data.baseline();
        double[] at = data.valuesAt(visit);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (data.isTreated(i) == treated && !Double.isNaN(at[i]) && !Double.isNaN(base[i])) {
                out.add(at[i] - base[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String duekWith(String methods) throws Exception {
        String text = Files.readString(Path.of("..", "scenarios", "duek-2021.yaml"));
        String alpha = "  alpha: 0.05\n";
        assertThat(text).contains(alpha);
        return text.replace(alpha, alpha + "  methods: " + methods + "\n");
    }

    @Test
    void aScenarioNamesItAndItsSchemaListsIt() throws Exception {
        LoadedScenario s = ScenarioLoader.parse("pooled.yaml", duekWith("[ancova, pooled-t]"));
        assertThat(s.scenario().analysis().methods()).containsExactly(AnalysisMethod.ANCOVA, POOLED_T);
        assertThatThrownBy(() -> ScenarioLoader.parse("bad.yaml", duekWith("[pooled]")))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("analysis.methods[0]: expected one of ancova, lmm, welch, bayes, mmrm, bayes-t, mi, mi-j2r, mi-cr, cmi, cmi-j2r, cmi-cr, pooled-t, got 'pooled'");
        assertThat(ScenarioSchema.jsonSchema()).contains("\"pooled-t\"");
    }

    /**
     * On one small trial its numbers equal an independent computation: the estimate is the
     * difference of mean changes (which Welch's test estimates too) and t and p are those of
     * commons-math's homoscedastic t test.
     */
    @Test
    void onASmallTrialItEqualsAnIndependentTTest() throws Exception {
        Scenario s = ScenarioLoader.parse("pooled.yaml", duekWith("[welch, pooled-t]")).scenario();
        TrialPlan plan = TrialPlan.compile(s);
        TrialOutcome trial = VirtualTrial.run(plan, new RandomStreams(11), 0, 10);
        TrialResults results = new TrialAnalysis(s.analysis(), plan).analyse(trial);
        Contrast contrast = Contrast.of(plan).get(0);
        int treatedArm = plan.treatmentArm().index();
        TTest reference = new TTest();
        int checked = 0;
        for (Endpoint e : TrialAnalysis.ENDPOINTS) {
            for (Visit v : TrialAnalysis.VISITS) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (PatientOutcome p : trial.patients()) {
                    double change = p.observed(v, e) - p.observed(Visit.PRE, e);
                    if (!Double.isNaN(change)) {
                        (p.arm() == treatedArm ? x : y).add(change);
                    }
                }
                double[] xs = x.stream().mapToDouble(Double::doubleValue).toArray();
                double[] ys = y.stream().mapToDouble(Double::doubleValue).toArray();
                TestResult pooled = results.get(new AnalysisKey(contrast, e, v, POOLED_T));
                TestResult welch = results.get(new AnalysisKey(contrast, e, v, AnalysisMethod.WELCH));
                assertThat(pooled.estimate()).as("%s %s", e, v).isCloseTo(welch.estimate(), within(1e-12));
                assertThat(pooled.statistic()).as("%s %s", e, v).isCloseTo(reference.homoscedasticT(xs, ys), within(1e-9));
                assertThat(pooled.pValue()).as("%s %s", e, v).isCloseTo(reference.homoscedasticTTest(xs, ys), within(1e-9));
                assertThat(pooled.df()).isEqualTo(xs.length + ys.length - 2);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(27);
    }

    /**
     * Power runs it next to a built-in analysis. Under the null hypothesis (no mechanism, so no
     * drug effect on the scanner endpoints) an exact test rejects at rate alpha: over R replicates
     * the rejection rate lies within alpha +- 3.29 sqrt(alpha (1 - alpha) / R), the binomial 99.9%
     * band, and the mean estimate within 3.29 SD / sqrt(R) of 0.
     */
    @Test
    void powerRunsItAndUnderTheNullItRejectsAtAlpha() throws Exception {
        Scenario s = ScenarioLoader.parse("pooled.yaml", duekWith("[ancova, pooled-t]")).scenario();
        Scenario nul = s.withMechanisms(s.mechanisms().withActive(List.of()));
        LoadedScenario loaded = new LoadedScenario(nul.name(), nul, CanonicalForm.of(nul));
        int replicates = 2000;
        PowerSweep sweep = new PowerSweep(List.of(new PowerJob(loaded, 17, List.of(12), null, false)), replicates, null);
        try (LocalReplicateExecutor executor = new LocalReplicateExecutor(2)) {
            sweep.run(executor, d -> { }, (state, done) -> { });
        }
        List<PowerRow> rows = sweep.accumulators().get(0).rows();
        // one row per endpoint and visit for each method, in the order the file lists them
        assertThat(rows).hasSize(2 * 27);
        assertThat(rows.stream().map(PowerRow::analysis).distinct()).containsExactly("ancova", "pooled-t");
        assertThat(rows.get(0).analysis()).isEqualTo("ancova");
        assertThat(rows.get(1).analysis()).isEqualTo("pooled-t");
        double alpha = nul.analysis().alpha();
        double band = 3.29 * Math.sqrt(alpha * (1 - alpha) / replicates);
        for (PowerRow r : rows) {
            if (!r.analysis().equals("pooled-t") || !List.of("amygdala", "hippocampus", "vmpfc").contains(r.endpoint())) {
                continue;
            }
            assertThat(r.replicates()).isEqualTo(replicates);
            assertThat(r.power()).as("%s %s", r.endpoint(), r.visit()).isCloseTo(alpha, within(band));
            assertThat(r.meanEstimate()).as("%s %s", r.endpoint(), r.visit())
                    .isCloseTo(0.0, within(3.29 * r.sdEstimate() / Math.sqrt(replicates)));
        }
    }
}
