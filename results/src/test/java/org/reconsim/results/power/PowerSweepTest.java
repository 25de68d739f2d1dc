package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.ScenarioEdit;
import org.reconsim.engine.scenario.ScenarioLoader;

class PowerSweepTest {

    private static List<PowerJob> jobs() throws Exception {
        LoadedScenario base = ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml"));
        List<PowerJob> jobs = new ArrayList<>();
        for (double k : new double[] {0.3, 1.0}) {
            LoadedScenario point = ScenarioEdit.set(base, "mechanisms.restabilization_blockade.k_block", k);
            jobs.add(new PowerJob(point, 5, List.of(8, 16), null, k == 1.0));
        }
        return jobs;
    }

    private static List<List<PowerRow>> rows(PowerSweep sweep) {
        return sweep.accumulators().stream().map(PowerAccumulator::rows).toList();
    }

    /** A crash after replicate 37 of the second point, then a restore, gives the uninterrupted results. */
    @Test
    void restoringACheckpointFinishesWithTheSameResults(@TempDir Path dir) throws Exception {
        PowerSweep whole = new PowerSweep(jobs(), 60, null);
        try (LocalReplicateExecutor ex = new LocalReplicateExecutor(2)) {
            whole.run(ex, d -> { }, (s, done) -> { });
        }
        Path file = dir.resolve("checkpoint.bin");
        PowerSweep first = new PowerSweep(jobs(), 60, null);
        class Crash extends RuntimeException {
        }
        try (LocalReplicateExecutor ex = new LocalReplicateExecutor(2)) {
            assertThatThrownBy(() -> first.run(ex, d -> { }, (s, done) -> {
                if (s.trialsDone() == 60 * 2 + 38 * 2) {
                    try {
                        s.writeCheckpoint(file, List.of("header"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    throw new Crash();
                }
            })).isInstanceOf(Crash.class);
        }
        assertThat(PowerSweep.readHeader(file)).containsExactly("header");
        PowerSweep second = new PowerSweep(jobs(), 60, null);
        second.restore(file);
        assertThat(second.trialsDone()).isEqualTo(60 * 2 + 38 * 2);
        assertThat(second.finished()).isFalse();
        try (LocalReplicateExecutor ex = new LocalReplicateExecutor(1)) {
            second.run(ex, d -> { }, (s, done) -> { });
        }
        assertThat(rows(second)).isEqualTo(rows(whole));
        PowerAccumulator a = second.accumulators().get(1);
        PowerAccumulator b = whole.accumulators().get(1);
        assertThat(a.primaryEstimates()).isEqualTo(b.primaryEstimates());
        for (ArmMeanKey key : jobs().get(1).layout().armMeanKeys()) {
            assertThat(a.armMean(key).mean()).as("%s", key).isEqualTo(b.armMean(key).mean());
            assertThat(a.armMean(key).standardDeviation()).as("%s", key).isEqualTo(b.armMean(key).standardDeviation());
        }
    }

    @Test
    void replicatesMustArriveInOrder() throws Exception {
        PowerJob job = jobs().get(0);
        PowerAccumulator acc = job.accumulator();
        acc.add(job.simulate(0));
        assertThatThrownBy(() -> acc.add(job.simulate(2)))
                .hasMessage("replicate 2 arrived where 1 was due");
    }

    @Test
    void aResultSurvivesItsEncoding() throws Exception {
        PowerJob job = jobs().get(1);
        ReplicateResult r = job.simulate(3);
        ReplicateResult back = ReplicateResult.decode(job.layout(), r.encode());
        assertThat(back.replicate()).isEqualTo(3);
        assertThat(back.encode()).isEqualTo(r.encode());
        assertThat(job.layout().keys()).hasSize(2 * 9 * 3).allSatisfy(k -> {
            assertThat(back.estimate(k)).isEqualTo(r.estimate(k));
            assertThat(back.pValue(k)).isEqualTo(r.pValue(k));
        });
        assertThat(job.layout().armMeanKeys()).hasSize(2 * 4 * 9)
                .allSatisfy(k -> assertThat(back.armMean(k)).isEqualTo(r.armMean(k)));
    }

    /**
     * The wire form: replicate, the lengths (results, effects, draws, arm means, look statistics), then
     * (estimate, standard error, p) per result, the undefined reason per result (a byte: 0 defined, else 1 +
     * its ordinal), (true ATE, true d) per effect, the draws, the arm means (and the look statistics:
     * SequentialPowerTest).
     */
    @Test
    void theEncodingIsTheFlatLayout() throws Exception {
        PowerJob job = jobs().get(1);
        ReplicateResult r = job.simulate(2);
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(r.encode()));
        assertThat(in.readInt()).isEqualTo(2);
        assertThat(in.readInt()).isEqualTo(job.layout().size());
        assertThat(in.readInt()).isEqualTo(job.layout().analyses().effectCount());
        assertThat(in.readInt()).isZero(); // no prior, no draws
        assertThat(in.readInt()).isEqualTo(job.layout().armMeanSize());
        assertThat(in.readInt()).isZero(); // a fixed design: no look statistics
        for (ResultKey k : job.layout().keys()) {
            assertThat(in.readDouble()).as("%s", k).isEqualTo(r.estimate(k));
            assertThat(in.readDouble()).as("%s", k).isEqualTo(r.stdError(k));
            assertThat(in.readDouble()).as("%s", k).isEqualTo(r.pValue(k));
        }
        for (ResultKey k : job.layout().keys()) {
            int code = in.readByte();
            assertThat(code).as("%s", k).isEqualTo(r.failure(k) == null ? 0 : 1 + r.failure(k).ordinal());
        }
        List<ResultKey> oneSize = job.layout().keys(job.sizes().get(0));
        int methods = job.layout().analyses().methods().size();
        for (int i = 0; i < oneSize.size(); i += methods) {
            assertThat(in.readDouble()).isEqualTo(r.trueEffect(oneSize.get(i)));
            assertThat(in.readDouble()).isEqualTo(r.trueD(oneSize.get(i)));
        }
        for (ArmMeanKey k : job.layout().armMeanKeys()) {
            assertThat(in.readDouble()).as("%s", k).isEqualTo(r.armMean(k));
        }
        assertThat(in.available()).isZero();
    }
}
