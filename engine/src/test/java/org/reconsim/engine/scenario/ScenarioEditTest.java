package org.reconsim.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * An edit binds the edited canonical tree directly; it must give exactly the scenario that
 * writing the tree out as JSON and parsing it again gives (the path every edit took before), for
 * every bundled scenario and for numeric, integral and list edits.
 */
class ScenarioEditTest {

    private static List<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "scenarios"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void bindingTheEditedTreeEqualsParsingItsText() throws Exception {
        List<Map<String, Object>> edits = List.of(Map.of(),
                Map.of("pharmacology.occupancy.ki_micromolar", 1.2345678901234567),
                Map.of("mechanisms.restabilization_blockade.k_block", 0.3, "mechanisms.active", List.of("plasticity-window")),
                Map.of("mechanisms.active", List.of()));
        int compared = 0;
        for (Path file : scenarios()) {
            LoadedScenario base = ScenarioLoader.load(file);
            for (Map<String, Object> edit : edits) {
                LoadedScenario fast;
                try {
                    fast = ScenarioEdit.set(base, edit);
                } catch (InvalidScenarioException e) {
                    continue; // a field this scenario does not have
                }
                LoadedScenario text = ScenarioLoader.parse("x.json", JsonMapper.builder().build().writeValueAsString(
                        CanonicalForm.toTree(fast.scenario())));
                assertThat(fast.canonical()).as(file + " " + edit).isEqualTo(text.canonical());
                assertThat(fast.scenario()).as(file + " " + edit).isEqualTo(text.scenario());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(10);
    }

    @Test
    void aRefusedEditIsReportedAsFromItsText() throws Exception {
        LoadedScenario base = ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml"));
        InvalidScenarioException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> ScenarioEdit.set(base, "pharmacology.occupancy.ki_micromolar", -1), InvalidScenarioException.class);
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).path()).isEqualTo("pharmacology.occupancy.ki_micromolar");
        assertThat(e.problems().get(0).line()).isPositive();
    }
}
