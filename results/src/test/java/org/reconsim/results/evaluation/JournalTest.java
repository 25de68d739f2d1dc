package org.reconsim.results.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay checkpoint: recorded batches come back without evaluating, a torn tail is cut, a changed run is refused. */
class JournalTest {

    private static final Journal.Header HEADER = new Journal.Header("calibrate", 1234L, List.of("a.yaml", "--seed", "5"),
            List.of("sha-a"));

    /** A local engine that counts the evaluations it performs. */
    private static EvaluationEngine counting(AtomicInteger count) {
        LocalEvaluationEngine local = new LocalEvaluationEngine(2);
        return new EvaluationEngine() {
            @Override
            public Evaluator open(Evaluation evaluation) {
                return local.open(in -> {
                    count.incrementAndGet();
                    return evaluation.evaluate(in);
                });
            }

            @Override
            public String describe() {
                return local.describe();
            }

            @Override
            public void close() {
                local.close();
            }
        };
    }

    private static List<double[]> batch(int from, int n) {
        List<double[]> inputs = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            inputs.add(new double[] {i, i * 0.5});
        }
        return inputs;
    }

    private static final Evaluation SQUARES = in -> new double[] {in[0] * in[0], Math.sqrt(in[1]), Double.NaN};

    @Test
    void aReopenedJournalReplaysItsBatchesThenEvaluatesTheRest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("j");
        AtomicInteger first = new AtomicInteger();
        List<double[]> a;
        List<double[]> b;
        try (Journal j = Journal.create(file, HEADER); EvaluationEngine e = j.over(counting(first));
             Evaluator ev = e.open(SQUARES)) {
            a = ev.evaluate(batch(0, 5));
            b = ev.evaluate(batch(5, 3));
        }
        assertThat(first.get()).isEqualTo(8);
        AtomicInteger second = new AtomicInteger();
        try (Journal j = Journal.open(file); EvaluationEngine e = j.over(counting(second)); Evaluator ev = e.open(SQUARES)) {
            assertThat(j.header()).isEqualTo(HEADER);
            assertThat(j.replayable()).isEqualTo(2);
            assertThat(ev.evaluate(batch(0, 5))).containsExactlyElementsOf(a);
            assertThat(ev.evaluate(batch(5, 3))).containsExactlyElementsOf(b);
            assertThat(second.get()).as("replayed, not evaluated").isZero();
            List<double[]> c = ev.evaluate(batch(8, 2));
            assertThat(c.get(1)).containsExactly(81, Math.sqrt(4.5), Double.NaN);
            assertThat(second.get()).isEqualTo(2);
        }
        try (Journal j = Journal.open(file)) {
            assertThat(j.replayable()).isEqualTo(3);
        }
    }

    @Test
    void aTornLastRecordIsCutOffAndTheRunGoesOnFromTheGoodOnes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("j");
        try (Journal j = Journal.create(file, HEADER); EvaluationEngine e = j.over(new LocalEvaluationEngine(1));
             Evaluator ev = e.open(SQUARES)) {
            ev.evaluate(batch(0, 4));
            ev.evaluate(batch(4, 4));
        }
        long size = Files.size(file);
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(size - 5); // killed while writing the second record
        }
        AtomicInteger count = new AtomicInteger();
        try (Journal j = Journal.open(file); EvaluationEngine e = j.over(counting(count)); Evaluator ev = e.open(SQUARES)) {
            assertThat(j.replayable()).isEqualTo(1);
            ev.evaluate(batch(0, 4));
            assertThat(count.get()).isZero();
            assertThat(ev.evaluate(batch(4, 4)).get(3)).containsExactly(49, Math.sqrt(3.5), Double.NaN);
            assertThat(count.get()).isEqualTo(4);
        }
        assertThat(Files.size(file)).isEqualTo(size);
    }

    @Test
    void aRunThatAsksForOtherEvaluationsIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("j");
        try (Journal j = Journal.create(file, HEADER); EvaluationEngine e = j.over(new LocalEvaluationEngine(1));
             Evaluator ev = e.open(SQUARES)) {
            ev.evaluate(batch(0, 4));
        }
        try (Journal j = Journal.open(file); EvaluationEngine e = j.over(new LocalEvaluationEngine(1)); Evaluator ev = e.open(SQUARES)) {
            assertThatThrownBy(() -> ev.evaluate(batch(1, 4))).isInstanceOf(Journal.MismatchException.class)
                    .hasMessageContaining("other simulations than its checkpoint recorded");
        }
    }

    @Test
    void aFileThatIsNoJournalSaysSo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("j");
        Files.writeString(file, "hello");
        assertThatThrownBy(() -> Journal.readHeader(file)).isInstanceOf(IOException.class).hasMessageContaining("ends inside its header");
        Path other = dir.resolve("k");
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(Files.newOutputStream(other))) {
            out.writeUTF("something else");
        }
        assertThatThrownBy(() -> Journal.readHeader(other)).isInstanceOf(IOException.class)
                .hasMessage(other + " is not a reconsim checkpoint (it starts 'something else', expected 'reconsim-journal 1')");
    }
}
