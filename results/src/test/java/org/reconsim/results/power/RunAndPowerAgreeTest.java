package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;

/**
 * Issue 12: {@code run} and {@code power} simulate the same patients for one seed, with either
 * memory model. {@code run} (RunService) compiles the plan with session detail (weekly PCL-5
 * ratings, SUDS) and analyses each trial with {@link TrialAnalysis}; {@code power}
 * ({@link PowerJob#simulate}) compiles it {@code withoutSessionDetail()}, so no weekly rating
 * is taken. A rating only reads the memory, so every per-trial estimate and p-value must be
 * the same bits. On e839419 the latent-cause model's weekly ratings advanced its clock and ran
 * its pending learning, so the two commands simulated different patients.
 */
class RunAndPowerAgreeTest {

    private static final long SEED = 20211;
    private static final int N = 10;

    @ParameterizedTest
    @ValueSource(strings = {"two-trace", "latent-cause"})
    void runAndPowerGiveTheSamePerTrialEstimates(String model) throws Exception {
        String yaml = Files.readString(Path.of("..", "scenarios", "duek-2021.yaml")) + "\nmemory:\n  model: " + model + "\n";
        LoadedScenario loaded = ScenarioLoader.parse("duek-2021-" + model + ".yaml", yaml);
        assertThat(loaded.scenario().measurement().weeklyPcl5Days()).isPositive(); // the ratings run takes and power does not

        // as RunService does
        TrialPlan runPlan = TrialPlan.compile(loaded.scenario());
        TrialAnalysis analysis = new TrialAnalysis(loaded.scenario().analysis(), runPlan);
        RandomStreams streams = new RandomStreams(SEED);
        // as PowerService does, one size
        PowerJob job = new PowerJob(loaded, SEED, List.of(N), null, false);

        int compared = 0;
        for (int r = 0; r < 3; r++) {
            TrialOutcome trial = VirtualTrial.run(runPlan, streams, r, N);
            assertThat(trial.patients().stream().anyMatch(p -> !p.weeklyPcl5().isEmpty())).isTrue();
            TrialResults run = analysis.analyse(trial);
            ReplicateResult power = job.simulate(r);
            for (AnalysisKey key : run.keys()) {
                ResultKey at = new ResultKey(N, key);
                assertThat(power.estimate(at)).as("replicate %d, %s", r, key).isEqualTo(run.get(key).estimate());
                assertThat(power.pValue(at)).as("replicate %d, %s", r, key).isEqualTo(run.get(key).pValue());
                compared += Double.isNaN(run.get(key).estimate()) ? 0 : 1;
            }
        }
        assertThat(compared).isGreaterThan(10);
    }
}
