package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.scenario.ScenarioSchema;
import org.reconsim.engine.targets.TargetSchema;

/**
 * The checked-in JSON Schemas and field references are what the code generates: regenerate with
 * {@code bash tools/regen-docs.sh} ({@code ./reconsim schema [--targets] [--format markdown]}, the
 * tables between the markers in scenarios/README.md and docs/TARGETS.md).
 */
class ScenarioDocsTest {

    private static final Path SCENARIOS = Path.of("..", "scenarios");

    @Test
    void jsonSchemaIsCurrent() throws Exception {
        assertThat(Files.readString(SCENARIOS.resolve("scenario.schema.json"))).isEqualTo(ScenarioSchema.jsonSchema());
    }

    @Test
    void fieldReferenceIsCurrent() throws Exception {
        assertThat(fieldTable(SCENARIOS.resolve("README.md"))).isEqualTo(ScenarioSchema.markdownReference());
    }

    @Test
    void targetFileSchemaAndReferenceAreCurrent() throws Exception {
        assertThat(Files.readString(SCENARIOS.resolve("targets").resolve("targets.schema.json"))).isEqualTo(TargetSchema.jsonSchema());
        assertThat(fieldTable(Path.of("..", "docs", "TARGETS.md"))).isEqualTo(TargetSchema.markdownReference());
    }

    private static String fieldTable(Path doc) throws Exception {
        String text = Files.readString(doc);
        String begin = "<!-- fields:begin -->\n";
        String end = "<!-- fields:end -->";
        return text.substring(text.indexOf(begin) + begin.length(), text.indexOf(end));
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
