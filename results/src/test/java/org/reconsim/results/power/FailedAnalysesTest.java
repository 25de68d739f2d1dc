package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.ScenarioEdit;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.stats.UndefinedReason;

/**
 * The failed column counts exactly the trials whose analysis was undefined, established here
 * from the simulated data alone, without the analyses: at 2 patients per arm (seed 41, 200
 * trials), ANCOVA is undefined where an arm has fewer than 2 patients with both the baseline and
 * the visit; the mixed model where an arm at a visit has nobody, there are no more values than
 * its 8 cell means or nobody has two, and otherwise (the REML criterion flat in the variance
 * ratio) where no follow-up visit of either arm has two patients, so that only baselines are
 * compared within an arm (RandomInterceptModel.FLAT_TOLERANCE).
 */
class FailedAnalysesTest {

    private static final int REPLICATES = 200;
    private static final long SEED = 41;

    private static PowerJob job() throws Exception {
        LoadedScenario base = ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml"));
        LoadedScenario both = ScenarioEdit.set(base, Map.of("analysis.methods", List.of("lmm", "ancova")));
        return new PowerJob(both, SEED, List.of(2), null, false);
    }

    @Test
    void failedCountsAreTheTrialsTheDataCannotSupport() throws Exception {
        PowerJob job = job();
        PowerAccumulator acc = job.accumulator();
        int treatment = job.plan().arm(Contrast.of(job.plan()).get(0).treatment()).index();
        List<Visit> scanned = job.scenario().protocol().visits().scanned();
        Map<String, Map<UndefinedReason, Long>> ancovaExpected = new HashMap<>();
        Map<String, Map<UndefinedReason, Long>> lmmExpected = new HashMap<>();
        for (int r = 0; r < REPLICATES; r++) {
            ReplicateResult result = job.simulate(r);
            acc.add(result);
            TrialOutcome trial = VirtualTrial.run(job.plan(), new RandomStreams(SEED), r, 2);
            for (Endpoint e : TrialAnalysis.ENDPOINTS) {
                // [arm][visit]: patients with a value
                int[][] cell = new int[2][scanned.size()];
                int values = 0;
                boolean someoneTwice = false;
                for (PatientOutcome p : trial.patients()) {
                    int arm = p.arm() == treatment ? 1 : 0;
                    int own = 0;
                    for (int v = 0; v < scanned.size(); v++) {
                        if (!Double.isNaN(p.observed(scanned.get(v), e))) {
                            cell[arm][v]++;
                            own++;
                        }
                    }
                    values += own;
                    someoneTwice |= own >= 2;
                }
                boolean empty = false;
                boolean sharedFollowUp = false;
                for (int a = 0; a < 2; a++) {
                    for (int v = 0; v < scanned.size(); v++) {
                        empty |= cell[a][v] == 0;
                        sharedFollowUp |= v > 0 && cell[a][v] >= 2;
                    }
                }
                UndefinedReason lmm = empty || values <= 2 * scanned.size() || !someoneTwice ? UndefinedReason.TOO_FEW_OBSERVATIONS
                        : !sharedFollowUp ? UndefinedReason.FLAT_REML : null;
                for (int v = 1; v < scanned.size(); v++) {
                    Visit visit = scanned.get(v);
                    String key = e.label() + " " + visit.label();
                    int[] complete = new int[2];
                    java.util.Set<List<Double>> points = new java.util.HashSet<>(); // distinct (arm, baseline, outcome)
                    double low = Double.POSITIVE_INFINITY;
                    double high = Double.NEGATIVE_INFINITY;
                    for (PatientOutcome p : trial.patients()) {
                        double x = p.observed(Visit.PRE, e);
                        double y = p.observed(visit, e);
                        if (!Double.isNaN(x) && !Double.isNaN(y)) {
                            int arm = p.arm() == treatment ? 1 : 0;
                            complete[arm]++;
                            points.add(List.of((double) arm, x + 0.0, y + 0.0)); // + 0.0: -0 is 0
                            low = Math.min(low, y);
                            high = Math.max(high, y);
                        }
                    }
                    if (complete[0] < 2 || complete[1] < 2) {
                        ancovaExpected.computeIfAbsent(key, k -> new EnumMap<>(UndefinedReason.class))
                                .merge(UndefinedReason.TOO_FEW_OBSERVATIONS, 1L, Long::sum);
                    } else if (low == high || points.size() <= 3) {
                        // one outcome value for all, or at most 3 distinct points, which the model's 3 coefficients fit
                        // exactly (skin conductance responses floored at 0 make both happen at 2 per arm)
                        ancovaExpected.computeIfAbsent(key, k -> new EnumMap<>(UndefinedReason.class))
                                .merge(UndefinedReason.NO_RESIDUAL_VARIANCE, 1L, Long::sum);
                    }
                    if (lmm != null) {
                        lmmExpected.computeIfAbsent(key, k -> new EnumMap<>(UndefinedReason.class)).merge(lmm, 1L, Long::sum);
                    }
                }
            }
        }
        long flat = 0;
        for (PowerRow row : acc.rows()) {
            String key = row.endpoint() + " " + row.visit();
            if (row.analysis().equals(AnalysisMethod.ANCOVA.label())) {
                assertThat(row.failures()).as("ancova %s", key).isEqualTo(ancovaExpected.getOrDefault(key, Map.of()));
            } else {
                assertThat(row.failures()).as("lmm %s", key).isEqualTo(lmmExpected.getOrDefault(key, Map.of()));
                flat += row.failures().getOrDefault(UndefinedReason.FLAT_REML, 0L);
            }
            // the denominator is every trial, failed ones included, and a failed one is no rejection
            assertThat(row.replicates()).isEqualTo(REPLICATES);
            assertThat(row.power()).isEqualTo((double) row.rejections() / REPLICATES);
            assertThat(row.rejections()).isLessThanOrEqualTo(REPLICATES - row.failed());
        }
        // the run has both kinds of failure: the counts above are not all zero
        assertThat(ancovaExpected.values().stream().mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum()).sum())
                .isGreaterThan(1000);
        assertThat(flat).isGreaterThan(0);
    }

    /** The exact case of the issue: replicate 12, every endpoint's mixed model flat; the reasons survive the wire form. */
    @Test
    void replicate12IsFlatOnEveryEndpointAndTheReasonTravels() throws Exception {
        PowerJob job = job();
        ReplicateResult r = job.simulate(12);
        ReplicateResult decoded = ReplicateResult.decode(job.layout(), r.encode());
        for (ResultKey key : job.layout().keys()) {
            if (key.method().equals(AnalysisMethod.LMM)) {
                assertThat(r.failure(key)).as("%s", key).isEqualTo(UndefinedReason.FLAT_REML);
                assertThat(r.pValue(key)).as("%s", key).isNaN();
            }
            assertThat(decoded.failure(key)).isEqualTo(r.failure(key));
        }
    }
}
