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
import org.reconsim.engine.scenario.Memory;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.scenario.ScenarioSchema;
import org.reconsim.models.memory.Context;
import org.reconsim.models.memory.LabileWindow;
import org.reconsim.models.memory.MemoryModel;
import org.reconsim.models.memory.MemoryModelProvider;
import org.reconsim.models.memory.MemoryModelRegistry;
import org.reconsim.models.memory.TraumaMemory;
import org.reconsim.models.spec.Spec;

/**
 * A memory model added from outside the models, as a user would: one class and one registration
 * (the provider below, listed in META-INF/services). No engine, scenario or test file is touched,
 * yet TraumaMemoryContractTest checks it, scenario files can name it, its section is validated
 * and documented, and trials run it.
 */
class NewMemoryModelTest {

    /**
     * A single-trace Rescorla-Wagner memory (Rescorla & Wagner 1972): the reminder (CS) and the
     * context are cues whose strengths sum to the prediction, and every trial moves each cue by its
     * rate times the shared error. Extinction is no second trace but inhibition the extinction
     * context acquires, which is why fear renews outside it (the model's account of renewal,
     * Bouton 2004). It has no boundary conditions: a retrieval destabilizes with probability equal
     * to its prediction error, and the labile window only times restabilization.
     */
    public static final class RescorlaWagnerMemory implements TraumaMemory {

        /** Its scenario section, {@code memory.rescorla_wagner}. */
        public record Parameters(
                @Spec(doc = "Rescorla-Wagner rate of the reminder cue", min = 0, max = 1,
                        source = "[assumption] test model; Rescorla & Wagner 1972") double learningRate,
                @Spec(doc = "Rescorla-Wagner rate of the context cue", min = 0, max = 1,
                        source = "[assumption] test model: contexts less salient than the CS") double contextRate,
                @Spec(doc = "How long a destabilized trace stays labile", unit = "h", min = 0, max = 48, minExclusive = true,
                        source = "Nader 2000") double labileWindowHours) {

            public static Parameters defaults() {
                return new Parameters(0.3, 0.1, 6);
            }
        }

        private final Parameters p;
        private double cs;
        private final double[] context = new double[Context.values().length];
        private final LabileWindow window = new LabileWindow();

        /** A trace of strength {@code e0}, with extinction {@code x0} learned as inhibition by the home context. */
        RescorlaWagnerMemory(Parameters p, double e0, double x0) {
            this.p = p;
            this.cs = e0;
            this.context[Context.HOME.ordinal()] = -x0;
        }

        private double prediction(Context c) {
            return cs + context[c.ordinal()];
        }

        @Override
        public double expression(Context c, double t) {
            return Math.max(0, Math.min(1, prediction(c)));
        }

        @Override
        public boolean retrieve(Context c, double t, double reexposureMinutes, double uniform) {
            return retrieve(c, t, reexposureMinutes, uniform, 1.0);
        }

        @Override
        public boolean retrieve(Context c, double t, double reexposureMinutes, double uniform, double destabilizationScale) {
            return retrieve(c, t, reexposureMinutes, 0, uniform, destabilizationScale);
        }

        @Override
        public boolean retrieve(Context c, double t, double reexposureMinutes, double outcome, double uniform,
                                double destabilizationScale) {
            if (isLabile(t)) {
                return false;
            }
            double predictionError = Math.min(1, Math.abs(outcome - expression(c, t)));
            if (uniform < destabilizationScale * predictionError) {
                window.open(t, p.labileWindowHours());
                return true;
            }
            return false;
        }

        @Override
        public double destabilizationProbability(Context c, double t, double reexposureMinutes) {
            return Math.min(1, expression(c, t));
        }

        @Override
        public double trial(Context c, double t, double outcome, double learningGain) {
            double r = expression(c, t);
            double error = outcome - prediction(c);
            cs = clamp(cs + Math.min(1, p.learningRate() * learningGain) * error, -1);
            context[c.ordinal()] = clamp(context[c.ordinal()] + Math.min(1, p.contextRate() * learningGain) * error, -1);
            return r;
        }

        @Override
        public void aversiveEvent(Context c, double t) {
            // the context alone is paired with the outcome
            int k = c.ordinal();
            context[k] = clamp(context[k] + p.contextRate() * (1 - context[k]), -1);
        }

        @Override
        public void scaleTrace(double factor) {
            cs = clamp(cs * factor, 0);
        }

        @Override
        public LabileWindow labileWindow() {
            return window;
        }

        @Override
        public void restabilize(double rho) {
            if (window.close()) {
                cs *= Math.max(0, Math.min(1, rho));
            }
        }

        @Override
        public double traceStrength() {
            return cs;
        }

        @Override
        public double extinctionRecall(Context c, double t) {
            return Math.max(0, -context[c.ordinal()]);
        }

        private static double clamp(double v, double low) {
            return Math.max(low, Math.min(1, v));
        }
    }

    /** The one registration: the memory's age plays no part in this model. */
    public static final class Registration implements MemoryModelProvider {
        @Override
        public List<MemoryModel<?>> memoryModels() {
            return List.of(new MemoryModel<>("rescorla-wagner", "Test: single-trace Rescorla-Wagner memory (Rescorla & Wagner 1972)",
                    RescorlaWagnerMemory.Parameters.class, RescorlaWagnerMemory.Parameters.defaults(),
                    (p, memory) -> new RescorlaWagnerMemory(p, 0, 0),
                    (p, memory, e0, x0, ageDays) -> new RescorlaWagnerMemory(p, e0, x0)));
        }
    }

    private static String duekWith(String memory) throws Exception {
        String text = Files.readString(Path.of("..", "scenarios", "duek-2021.yaml"));
        assertThat(text).endsWith("\n").doesNotContain("\nmemory:");
        return text + memory;
    }

    @Test
    void itIsRegisteredAfterTheBuiltInModels() {
        assertThat(MemoryModel.values()).extracting(MemoryModel::label).containsExactly("two-trace", "latent-cause", "rescorla-wagner");
        assertThat(MemoryModelRegistry.byType(RescorlaWagnerMemory.Parameters.class)).isPresent();
    }

    @Test
    void aScenarioNamesItAndATrialRunsIt() throws Exception {
        LoadedScenario s = ScenarioLoader.parse("rw.yaml",
                duekWith("memory:\n  model: rescorla-wagner\n  rescorla_wagner:\n    learning_rate: 0.2\n"));
        Memory memory = s.scenario().memory();
        assertThat(memory.model().label()).isEqualTo("rescorla-wagner");
        assertThat(memory.parameters().get(RescorlaWagnerMemory.Parameters.class))
                .isEqualTo(new RescorlaWagnerMemory.Parameters(0.2, 0.1, 6));
        assertThat(memory.patient(0.7, 0.1, 3650)).isInstanceOf(RescorlaWagnerMemory.class);

        TrialPlan plan = TrialPlan.compile(s.scenario());
        TrialOutcome t = VirtualTrial.run(plan, new RandomStreams(5), 0, 100);
        assertThat(t.patients()).hasSize(200);
        long destabilized = 0;
        for (PatientOutcome p : t.patients()) {
            // before any event the scanner, a context never trained, adds nothing: fear is the trace,
            // and the extinction learned at home stays at home (no two-trace transfer)
            double e0 = p.covariates().traceStrength();
            assertThat(p.fearExpression(Visit.PRE)).isEqualTo(Math.max(0, Math.min(1, e0)));
            assertThat(p.extinctionRecall(Visit.PRE)).isZero();
            destabilized += p.destabilized() ? 1 : 0;
        }
        // the reminder's prediction error is the fear it meets: most traces destabilize
        assertThat(destabilized).isGreaterThan(100);
    }

    @Test
    void itsSectionIsValidatedAndDocumentedLikeABuiltInOne() throws Exception {
        String text = duekWith("memory:\n  model: rescorla-wagner\n  rescorla_wagner:\n    learning_rate: 2\n");
        int line = (int) text.lines().count();
        assertThatThrownBy(() -> ScenarioLoader.parse("bad.yaml", text))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessage("bad.yaml:" + line + ": memory.rescorla_wagner.learning_rate: out of range: allowed 0 <= x <= 1, got 2");
        assertThat(ScenarioSchema.jsonSchema()).contains("\"rescorla_wagner\"").contains("Rescorla-Wagner rate of the reminder cue");
        assertThat(ScenarioSchema.markdownReference()).contains("`memory.rescorla_wagner.learning_rate`")
                .contains("rescorla-wagner");
    }
}
