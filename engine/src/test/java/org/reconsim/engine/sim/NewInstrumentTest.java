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
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.scenario.ScenarioSchema;
import org.reconsim.models.population.PatientGenerator;
import org.reconsim.models.spec.Spec;

/**
 * An instrument added from outside the engine, as a user would: one record and one registration
 * (the provider below, listed in META-INF/services). No engine file is touched, yet its endpoint
 * is observed at every scan, its settings are a validated, documented scenario section, and it
 * draws from a stream of its own.
 */
class NewInstrumentTest {

    /** A made-up heart-rate reactivity to the trauma script: beats per minute per unit of fear, plus noise. */
    public record HeartRateReactivity(
            @Spec(doc = "Heart-rate rise per unit of fear expression in the scanner", unit = "bpm", min = 0, max = 100,
                    source = "[assumption] test instrument") double bpmPerFear,
            @Spec(doc = "Scan-to-scan noise SD", unit = "bpm", min = 0, source = "[assumption] test instrument") double noiseSd)
            implements Instrument {

        public static HeartRateReactivity defaults() {
            return new HeartRateReactivity(10, 2);
        }

        @Override
        public Reading open(Patient patient) {
            HeartRateReactivity p = patient.parameters(HeartRateReactivity.class);
            var noise = patient.stream("noise");
            int slot = Endpoint.named("heart_rate").ordinal();
            return (visit, latents, row) -> row[slot] = p.bpmPerFear() * latents.fearInScanner()
                    + p.noiseSd() * PatientGenerator.standardNormal(noise);
        }
    }

    /** The one registration. */
    public static final class Registration implements InstrumentProvider {
        @Override
        public List<InstrumentType> instruments() {
            return List.of(new InstrumentType("heart-rate", "Test: heart-rate reactivity to the trauma script",
                    List.of(new InstrumentType.EndpointDeclaration("heart_rate", "Heart-rate rise, bpm")),
                    HeartRateReactivity.class, HeartRateReactivity.defaults(), HeartRateReactivity.defaults()));
        }
    }

    private static LoadedScenario duekWith(String measurement) throws Exception {
        String text = Files.readString(Path.of("..", "scenarios", "duek-2021.yaml"));
        return ScenarioLoader.parse("heart.yaml", text + "\nmeasurement:\n" + measurement);
    }

    @Test
    void everyScanObservesItsEndpoint() throws Exception {
        LoadedScenario s = duekWith("  heart_rate:\n    bpm_per_fear: 20\n    noise_sd: 0\n");
        TrialPlan plan = TrialPlan.compile(s.scenario());
        Endpoint heart = Endpoint.named("heart_rate");
        // after the nine built-in endpoints: four ROI/SCR, three connectivity edges, two clinical scales
        assertThat(heart.ordinal()).isEqualTo(9);
        TrialOutcome t = VirtualTrial.run(plan, new RandomStreams(3), 0, 20);
        for (PatientOutcome p : t.patients()) {
            for (Visit v : Visit.values()) {
                double fear = p.fearExpression(v);
                // without noise the reading is the latent times the gain, exactly; NaN after a dropout
                if (Double.isNaN(fear)) {
                    assertThat(p.observed(v, heart)).isNaN();
                } else {
                    assertThat(p.observed(v, heart)).isEqualTo(20 * fear);
                }
            }
        }
    }

    @Test
    void itsNoiseComesFromItsOwnStreamAndLeavesTheOthersAlone() throws Exception {
        TrialPlan quiet = TrialPlan.compile(duekWith("  heart_rate:\n    noise_sd: 0\n").scenario());
        TrialPlan noisy = TrialPlan.compile(duekWith("  heart_rate:\n    noise_sd: 5\n").scenario());
        PatientOutcome a = VirtualTrial.run(quiet, new RandomStreams(3), 0, 12).patients().get(0);
        PatientOutcome b = VirtualTrial.run(noisy, new RandomStreams(3), 0, 12).patients().get(0);
        Endpoint heart = Endpoint.named("heart_rate");
        assertThat(b.observed(Visit.PRE, heart)).isNotEqualTo(a.observed(Visit.PRE, heart));
        for (Endpoint e : List.of(Endpoint.AMYGDALA, Endpoint.SCR, Endpoint.CAPS5)) {
            assertThat(b.observed(Visit.POST, e)).isEqualTo(a.observed(Visit.POST, e));
        }
    }

    @Test
    void itsSectionIsValidatedAndDocumented() {
        assertThatThrownBy(() -> duekWith("  heart_rate:\n    noise_sd: -1\n"))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("measurement.heart_rate.noise_sd: out of range: allowed 0 <= x, got -1");
        assertThat(ScenarioSchema.markdownReference()).contains("`measurement.heart_rate.bpm_per_fear`");
    }
}
