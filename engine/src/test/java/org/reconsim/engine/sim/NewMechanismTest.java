package org.reconsim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.scenario.ScenarioSchema;
import org.reconsim.models.mechanism.Mechanism;
import org.reconsim.models.mechanism.MechanismProvider;
import org.reconsim.models.mechanism.MechanismType;
import org.reconsim.models.spec.Spec;

/**
 * A mechanism added from outside the models, as a user would: one record and one registration
 * (the provider below, listed in META-INF/services). No engine or scenario file is touched, yet
 * scenario files can name it, its section is validated and documented, and trials run it.
 */
class NewMechanismTest {

    /** A made-up hypothesis: any drug in the labile window erases a fixed share of the trace. */
    public record TraceErasure(
            @Spec(doc = "Share of the trace lost when the window closes with the drug present", min = 0, max = 1,
                    source = "[assumption] test mechanism") double loss) implements Mechanism {

        public static TraceErasure defaults() {
            return new TraceErasure(0.25);
        }

        @Override
        public double restabilizationEfficiency(double meanOccupancy) {
            return meanOccupancy > 0 ? 1 - loss : 1;
        }
    }

    /** The one registration. */
    public static final class Registration implements MechanismProvider {
        @Override
        public List<MechanismType<?>> mechanisms() {
            return List.of(new MechanismType<>("trace-erasure", "Test: drug in the window erases a share of the trace",
                    TraceErasure.class, TraceErasure.defaults()));
        }
    }

    private static String duekWith(String mechanisms) throws Exception {
        String text = Files.readString(Path.of("..", "scenarios", "duek-2021.yaml"));
        String active = "  active: [restabilization-blockade]\n  restabilization_blockade:\n    k_block: 1.0\n";
        assertThat(text).contains(active);
        return text.replace(active, mechanisms);
    }

    @Test
    void aScenarioNamesItAndATrialRunsIt() throws Exception {
        LoadedScenario s = ScenarioLoader.parse("erasure.yaml", duekWith("  active: [trace-erasure]\n  trace_erasure:\n    loss: 0.5\n"));
        assertThat(s.scenario().mechanisms().strengthsOf(TraceErasure.class).loss()).isEqualTo(0.5);
        TrialPlan plan = TrialPlan.compile(s.scenario());
        TrialOutcome t = VirtualTrial.run(plan, new RandomStreams(5), 0, 200);
        int ketamine = plan.treatmentArm().index();
        long erased = 0;
        for (PatientOutcome p : t.patients()) {
            if (!p.destabilized()) {
                assertThat(p.restabilizationEfficiency()).isEqualTo(1.0);
            } else if (p.arm() == ketamine) {
                // the drug is in the window of every destabilized ketamine patient: exactly 1 - loss
                assertThat(p.restabilizationEfficiency()).isEqualTo(0.5);
                erased++;
            } else {
                // midazolam is no NMDA antagonist: no occupancy, no erasure
                assertThat(p.restabilizationEfficiency()).isEqualTo(1.0);
            }
        }
        assertThat(erased).isGreaterThan(50);
    }

    @Test
    void itsSectionIsValidatedAndDocumentedLikeABuiltInOne() throws Exception {
        assertThatThrownBy(() -> ScenarioLoader.parse("bad.yaml", duekWith("  active: [trace-erasure]\n  trace_erasure:\n    loss: 2\n")))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("mechanisms.trace_erasure.loss: out of range: allowed 0 <= x <= 1, got 2");
        assertThat(ScenarioSchema.jsonSchema()).contains("\"trace_erasure\"").contains("Share of the trace lost");
        assertThat(ScenarioSchema.markdownReference()).contains("`mechanisms.trace_erasure.loss`");
    }
}
