package org.reconsim.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reconsim.engine.scenario.Memory;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.models.memory.Context;
import org.reconsim.models.memory.MemoryModel;
import org.reconsim.models.memory.MemoryModelRegistry;
import org.reconsim.models.memory.TraumaMemory;

/**
 * What every memory model behind {@link TraumaMemory} must do, whatever its internals: the
 * engines rely on these behaviours. One suite, run against each registered model (built-in and
 * from every {@code MemoryModelProvider} on the class path).
 */
class TraumaMemoryContractTest {

    /** Every registered model, so a model added by a provider is checked without editing this suite. */
    static Stream<MemoryModel<?>> models() {
        return MemoryModelRegistry.all().stream();
    }

    static TraumaMemory naive(MemoryModel<?> m) {
        return Memory.defaults().withModel(m).naive();
    }

    static TraumaMemory conditioned(MemoryModel<?> m) {
        TraumaMemory mem = naive(m);
        for (int i = 0; i < 5; i++) {
            mem.trial(Context.LAB_A, i * 0.05, 1, 1);
        }
        return mem;
    }

    @ParameterizedTest
    @MethodSource("models")
    void reinforcementBuildsFear(MemoryModel<?> m) {
        TraumaMemory mem = naive(m);
        double before = mem.expression(Context.LAB_A, 0);
        TraumaMemory trained = conditioned(m);
        assertThat(trained.expression(Context.LAB_A, 1)).isGreaterThan(before + 0.3).isLessThanOrEqualTo(1.0);
        assertThat(trained.traceStrength()).isBetween(0.3, 1.0);
    }

    @ParameterizedTest
    @MethodSource("models")
    void lookingDoesNotLearn(MemoryModel<?> m) {
        TraumaMemory mem = conditioned(m);
        double a = mem.expression(Context.LAB_A, 2);
        double b = mem.expression(Context.LAB_A, 2);
        assertThat(b).isEqualTo(a);
    }

    @ParameterizedTest
    @MethodSource("models")
    void aTrialReportsTheFearExpressedBeforeLearning(MemoryModel<?> m) {
        TraumaMemory mem = conditioned(m);
        double expected = mem.expression(Context.LAB_A, 3);
        assertThat(mem.trial(Context.LAB_A, 3, 0, 1)).isCloseTo(expected, within(1e-3));
    }

    @ParameterizedTest
    @MethodSource("models")
    void nonReinforcedTrialsExtinguishInTheirContext(MemoryModel<?> m) {
        TraumaMemory mem = conditioned(m);
        double before = mem.expression(Context.LAB_B, 24);
        for (int i = 0; i < 20; i++) {
            mem.exposureTrial(Context.LAB_B, 24 + i * 0.05, 1);
        }
        double after = mem.expression(Context.LAB_B, 25.1);
        assertThat(after).isLessThan(before - 0.2);
        // and fear comes back in the acquisition context (renewal): extinction is context-bound
        assertThat(mem.expression(Context.LAB_A, 25.2)).isGreaterThan(after);
    }

    @ParameterizedTest
    @MethodSource("models")
    void retrievalOpensALabileWindowThatRestabilizationCloses(MemoryModel<?> m) {
        TraumaMemory mem = conditioned(m);
        assertThat(mem.retrieve(Context.LAB_A, 1, 0.5, 0.0, 0.0, 1.0)).isTrue();
        mem.exposureTrial(Context.LAB_A, 1, 1);
        assertThat(mem.isLabile(1.5)).isTrue();
        assertThat(mem.labileSince()).isEqualTo(1.0);
        assertThat(mem.labileUntil()).isGreaterThan(1.5);
        mem.restabilize(1.0);
        assertThat(mem.isLabile(1.6)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("models")
    void impairedRestabilizationWeakensTheRetrievedMemory(MemoryModel<?> m) {
        TraumaMemory intact = conditioned(m);
        TraumaMemory impaired = conditioned(m);
        for (TraumaMemory mem : new TraumaMemory[] {intact, impaired}) {
            mem.retrieve(Context.LAB_A, 1, 0.5, 0.0, 0.0, 1.0);
            mem.exposureTrial(Context.LAB_A, 1, 1);
        }
        intact.restabilize(1.0);
        impaired.restabilize(0.2);
        assertThat(impaired.expression(Context.LAB_A, 24)).isLessThan(intact.expression(Context.LAB_A, 24) - 0.1);
    }

    @ParameterizedTest
    @MethodSource("models")
    void aPatientsTraumaMemoryExpressesFearOfItsStrength(MemoryModel<?> m) {
        TraumaMemory weak = Memory.defaults().withModel(m).patient(0.3, 0, 3650);
        TraumaMemory strong = Memory.defaults().withModel(m).patient(0.9, 0, 3650);
        assertThat(strong.expression(Context.SCANNER, 0)).isGreaterThan(weak.expression(Context.SCANNER, 0));
        assertThat(strong.expression(Context.SCANNER, 0)).isBetween(0.0, 1.0);
    }
}
