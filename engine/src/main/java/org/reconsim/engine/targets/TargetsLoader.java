package org.reconsim.engine.targets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.Problem;
import org.reconsim.engine.scenario.ScenarioLoader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a target file (YAML, or JSON with the same fields; docs/TARGETS.md) into a
 * {@link TargetFile}, with the scenario loader's machinery: every problem at once, one line
 * each with file, line, field path and what is allowed. Then {@link TargetChecks} looks at the
 * whole and at the scenario the file names.
 */
public final class TargetsLoader {

    /** YAML is a superset of JSON, so one mapper can look at either kind of file. */
    private static final ObjectMapper PEEK = YAMLMapper.builder().build();

    private TargetsLoader() {
    }

    /** Loads and validates a target file and the scenario it names (relative to the file). */
    public static LoadedTargets load(Path file) throws InvalidScenarioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidScenarioException(List.of(new Problem(file.toString(), 0, "", "cannot read: " + ScenarioLoader.reason(e))));
        }
        return parse(file.toString(), text, file.getParent());
    }

    /**
     * Loads and validates target-file text; {@code display} names it in messages and decides the
     * format by its extension, and the scenario it names is resolved against {@code directory}
     * (null: the working directory).
     */
    public static LoadedTargets parse(String display, String text, Path directory) throws InvalidScenarioException {
        TargetChecks checks = new TargetChecks(directory);
        TargetFile t = ScenarioLoader.parseAs(display, text, TargetFile.class, TargetFile.defaults(), checks::check, "target file");
        return new LoadedTargets(display, t, checks.scenario());
    }

    /**
     * Whether a file looks like a target file rather than a scenario: its top level has
     * {@code findings} or {@code scenario}, fields no scenario has. False when it cannot be read
     * or parsed (the scenario loader then says why).
     */
    public static boolean isTargetFile(Path file) {
        try {
            JsonNode root = PEEK.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return root != null && root.isObject() && (root.has("findings") || root.has("scenario"));
        } catch (IOException | JacksonException e) {
            return false;
        }
    }
}
