package org.reconsim.engine.scenario;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a scenario file (YAML, or JSON with the same schema) into a {@link Scenario}.
 *
 * <p>Jackson parses the file into a tree and, in a second streaming pass, records the line of
 * every field. The binder then walks the tree against the records' components, so that it
 * can report every problem at once, each with file, line, field path and what is allowed:
 * unknown fields, wrong types, missing required fields, values out of range; then
 * {@link ScenarioChecks} looks at the whole (timeline, arm names). Fields left out take the
 * defaults of the records' {@code defaults()} methods.
 */
public final class ScenarioLoader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ScenarioLoader() {
    }

    /** Loads and validates a scenario file. */
    public static LoadedScenario load(Path file) throws InvalidScenarioException {
        return parse(file.toString(), read(file));
    }

    /** Loads and validates scenario text; {@code display} names it in messages and decides the format by its extension. */
    public static LoadedScenario parse(String display, String text) throws InvalidScenarioException {
        Scenario scenario = parseAs(display, text, Scenario.class, Scenario.defaults(), ScenarioChecks::check);
        return new LoadedScenario(display, scenario, CanonicalForm.of(scenario));
    }

    /** Loads and validates an experiment file of the phenomena suite. */
    public static LoadedExperiment loadExperiment(Path file) throws InvalidScenarioException {
        String display = file.toString();
        Experiment e = parseAs(display, read(file), Experiment.class, Experiment.defaults(), ExperimentChecks::check);
        return new LoadedExperiment(display, e, CanonicalForm.of(e));
    }

    /**
     * Why a file cannot be read, in the operating system's words; NIO reports the two commonest
     * reasons by exception type without the text, so those are spelled as POSIX spells them.
     * Shared by every reader of a user's file (target files, a posterior).
     */
    public static String reason(java.io.IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage();
    }

    /** Reads a file as UTF-8, as a scenario problem when it cannot be read. */
    static String read(Path file) throws InvalidScenarioException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw single(file.toString(), "file not found");
        } catch (IOException e) {
            throw single(file.toString(), "cannot read file: " + e.getMessage());
        }
    }

    /**
     * Parses text into a record of type {@code type}: omitted fields take {@code defaults},
     * then {@code checks} looks at the whole. Every problem is collected before throwing.
     */
    public static <T> T parseAs(String display, String text, Class<T> type, T defaults,
                                java.util.function.Function<T, List<ScenarioChecks.Finding>> checks) throws InvalidScenarioException {
        return parseAs(display, text, type, defaults, checks, "scenario");
    }

    /**
     * As {@link #parseAs(String, String, Class, Object, java.util.function.Function)} for a file of another
     * kind bound by the same machinery (a target file); {@code kind} names it in the messages about
     * the file as a whole (unknown type, empty file).
     */
    public static <T> T parseAs(String display, String text, Class<T> type, T defaults,
                                java.util.function.Function<T, List<ScenarioChecks.Finding>> checks, String kind)
            throws InvalidScenarioException {
        String lower = display.toLowerCase(Locale.ROOT);
        ObjectMapper mapper;
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            mapper = YAML;
        } else if (lower.endsWith(".json")) {
            mapper = JSON;
        } else {
            throw single(display, "unknown file type: a " + kind + " is a .yaml, .yml or .json file");
        }
        JsonNode root;
        Map<String, Integer> lines = new HashMap<>();
        try {
            root = mapper.readTree(text);
            try (JsonParser parser = mapper.createParser(text)) {
                JsonToken t;
                while ((t = parser.nextToken()) != null) {
                    String pointer = parser.streamReadContext().pathAsPointer().toString();
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        pointer = parser.streamReadContext().getParent() == null ? ""
                                : parser.streamReadContext().getParent().pathAsPointer().toString();
                    }
                    lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            String msg = firstLine(e.getOriginalMessage());
            throw new InvalidScenarioException(List.of(new Problem(display, line, "", "syntax error: " + msg)));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw single(display, "the file is empty: a " + kind + " needs at least " + requiredFields(type));
        }
        return bind(display, root, lines, type, defaults, checks);
    }

    /**
     * Binds an in-memory scenario tree (an edit of a canonical form: {@link ScenarioEdit}) as
     * {@link #parse} binds parsed text, without the text: problems carry no line numbers.
     */
    static Scenario bindTree(String display, JsonNode root) throws InvalidScenarioException {
        return bind(display, root, Map.of(), Scenario.class, Scenario.defaults(), ScenarioChecks::check);
    }

    private static <T> T bind(String display, JsonNode root, Map<String, Integer> lines, Class<T> type, T defaults,
                              java.util.function.Function<T, List<ScenarioChecks.Finding>> checks) throws InvalidScenarioException {
        ScenarioBinder binder = new ScenarioBinder(display, lines);
        T value = type.cast(binder.bind(root, type, "", defaults));
        List<Problem> problems = new ArrayList<>(binder.problems);
        if (problems.isEmpty()) {
            for (ScenarioChecks.Finding f : checks.apply(value)) {
                problems.add(new Problem(display, binder.lineOf(f.path()), f.path(), f.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return value;
    }

    /** The required top-level fields of {@code type}, quoted: {@code 'name' and 'design'}. */
    private static String requiredFields(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (java.lang.reflect.RecordComponent rc : type.getRecordComponents()) {
            org.reconsim.models.spec.Spec spec = rc.getAnnotation(org.reconsim.models.spec.Spec.class);
            if (spec != null && spec.required()) {
                names.add("'" + SectionTypes.fieldName(rc.getName()) + "'");
            }
        }
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private static InvalidScenarioException single(String file, String message) {
        return new InvalidScenarioException(List.of(new Problem(file, 0, "", message)));
    }

}
