package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.scenario.ScenarioSchema;

/**
 * The checked-in JSON Schema and field reference are what the code generates: regenerate with
 * {@code ./reconsim schema > scenarios/scenario.schema.json} and
 * {@code ./reconsim schema --format markdown} (between the markers in scenarios/README.md).
 */
class ScenarioDocsTest {

    private static final Path SCENARIOS = Path.of("..", "scenarios");

    @Test
    void jsonSchemaIsCurrent() throws Exception {
        assertThat(Files.readString(SCENARIOS.resolve("scenario.schema.json"))).isEqualTo(ScenarioSchema.jsonSchema());
    }

    @Test
    void fieldReferenceIsCurrent() throws Exception {
        String readme = Files.readString(SCENARIOS.resolve("README.md"));
        String begin = "<!-- fields:begin -->\n";
        String end = "<!-- fields:end -->";
        String table = readme.substring(readme.indexOf(begin) + begin.length(), readme.indexOf(end));
        assertThat(table).isEqualTo(ScenarioSchema.markdownReference());
    }

    @Test
    void everyNumericFieldWithADefaultNamesItsSource() throws Exception {
        // "every parameter default cites its source": rows with a default must say where it comes from
        for (String row : ScenarioSchema.markdownReference().split("\n")) {
            String[] cells = row.split("\\|");
            if (cells.length < 7 || !cells[2].trim().equals("number")) {
                continue;
            }
            String def = cells[4].trim();
            String meaning = cells[6].trim();
            if (!def.isEmpty() && !def.equals("required")) {
                assertThat(meaning).as(cells[1]).contains(";");
            }
        }
    }
}
