package org.reconsim.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.reconsim.models.pharmacology.DrugRegistry;

class ScenarioLoaderTest {

    static final Path DUEK = Path.of("..", "scenarios", "duek-2021.yaml");

    static final String MINIMAL = String.join("\n",
            "name: t",
            "design:",
            "  arms:",
            "    - {name: ketamine, drug: ketamine, dose_mg_per_kg: 0.5}",
            "    - {name: midazolam, drug: midazolam, dose_mg_per_kg: 0.045}",
            "  control_arm: midazolam",
            "");

    @Test
    void bundledScenarioDescribesTheFoundingTrial() throws Exception {
        Scenario s = ScenarioLoader.load(DUEK).scenario();
        assertThat(s.design().nPerArm()).isEqualTo(12);
        assertThat(s.design().arms()).extracting(Arm::drug).containsExactly(DrugRegistry.byLabel("ketamine").orElseThrow(),
                DrugRegistry.byLabel("midazolam").orElseThrow());
        assertThat(s.design().arms().get(0).doseMgPerKg()).isEqualTo(0.5);
        assertThat(s.design().arms().get(1).doseMgPerKg()).isEqualTo(0.045);
        assertThat(s.design().arms().get(0).infusionMinutes()).isEqualTo(40);
        assertThat(s.protocol().peSessions().count()).isEqualTo(5);
        assertThat(s.protocol().infusionStartHours()).isZero();
        assertThat(s.protocol().visits()).isEqualTo(new Visits(0, 7, 30, 90));
    }

    @Test
    void omittedFieldsTakeTheDocumentedDefaults() throws Exception {
        Scenario s = ScenarioLoader.parse("m.yaml", MINIMAL).scenario();
        Scenario d = Scenario.defaults();
        assertThat(s.protocol()).isEqualTo(d.protocol());
        assertThat(s.memory()).isEqualTo(d.memory());
        assertThat(s.measurement()).isEqualTo(d.measurement());
        assertThat(s.design().nPerArm()).isEqualTo(12);
        assertThat(s.design().arms().get(0).infusionMinutes()).isEqualTo(40);
        assertThat(s.design().arms().get(0).allocation()).isEqualTo(1);
    }

    @Test
    void partlyGivenSectionsKeepTheirOtherDefaults() throws Exception {
        Scenario s = ScenarioLoader.parse("m.yaml", MINIMAL + "protocol:\n  pe_sessions:\n    count: 3\n").scenario();
        assertThat(s.protocol().peSessions().count()).isEqualTo(3);
        assertThat(s.protocol().peSessions().trialsPerSession()).isEqualTo(8);
        assertThat(s.protocol().visits()).isEqualTo(Visits.defaults());
    }

    @Test
    void hashIgnoresFormattingCommentsOrderAndSpelledOutDefaults() throws Exception {
        String hash = ScenarioLoader.parse("m.yaml", MINIMAL).canonical().sha256();
        String reordered = String.join("\n",
                "# a comment",
                "design:",
                "  control_arm: midazolam",
                "  n_per_arm: 12          # the default, spelled out",
                "  arms:",
                "    - name: ketamine",
                "      dose_mg_per_kg: 0.50",
                "      drug: ketamine",
                "    - {name: midazolam, drug: midazolam, dose_mg_per_kg: 0.045, infusion_minutes: 40}",
                "name: t",
                "");
        String json = "{\"name\":\"t\",\"design\":{\"arms\":[{\"name\":\"ketamine\",\"drug\":\"ketamine\",\"dose_mg_per_kg\":0.5},"
                + "{\"name\":\"midazolam\",\"drug\":\"midazolam\",\"dose_mg_per_kg\":0.045}],\"control_arm\":\"midazolam\"}}";
        assertThat(ScenarioLoader.parse("r.yaml", reordered).canonical().sha256()).isEqualTo(hash);
        assertThat(ScenarioLoader.parse("j.json", json).canonical().sha256()).isEqualTo(hash);
        assertThat(ScenarioLoader.parse("x.yaml", MINIMAL.replace("0.045", "0.05")).canonical().sha256()).isNotEqualTo(hash);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String bad = MINIMAL.replace("control_arm: midazolam", "control_arm: midazolam\n  sites: 0\n  n_per_arm: x")
                + "colour: blue\n";
        assertThatThrownBy(() -> ScenarioLoader.parse("b.yaml", bad))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
                        .containsExactlyInAnyOrder(
                                "b.yaml:9: colour: unknown field; allowed here: name, description, design, protocol, population, "
                                        + "memory, pharmacology, mechanisms, therapy, measurement, analysis, simulation, direct_effects",
                                "b.yaml:7: design.sites: out of range: allowed 1 <= x <= 1000, got 0",
                                "b.yaml:8: design.n_per_arm: expected a whole number, got 'x'"));
    }

    @Test
    void missingFileIsOneClearLine() {
        assertThatThrownBy(() -> ScenarioLoader.load(Path.of("no-such.yaml")))
                .hasMessage("no-such.yaml: file not found");
    }
}
