package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;
import org.reconsim.models.spec.Named;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.reconsim.models.spec.Sections;
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
        String lower = display.toLowerCase(Locale.ROOT);
        ObjectMapper mapper;
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            mapper = YAML;
        } else if (lower.endsWith(".json")) {
            mapper = JSON;
        } else {
            throw single(display, "unknown file type: a scenario is a .yaml, .yml or .json file");
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
            throw single(display, "the file is empty: a scenario needs at least 'name' and 'design'");
        }
        Binder binder = new Binder(display, lines);
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

    /** snake_case name of a record component. */
    static String fieldName(String component) {
        StringBuilder s = new StringBuilder();
        for (char c : component.toCharArray()) {
            if (Character.isUpperCase(c)) {
                s.append('_').append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** The labels a choice accepts: an enum's constants, or the registered members of an open family. */
    static List<String> labels(Class<?> choiceType) {
        return choices(choiceType).stream().map(Named::label).collect(Collectors.toList());
    }

    /** Whether values of {@code type} are written as one of a set of labels (see {@link Named}). */
    static boolean isChoice(Class<?> type) {
        return Named.class.isAssignableFrom(type);
    }

    /** An enum's constants, or the members a registered family's static {@code values()} lists. */
    static List<Named> choices(Class<?> type) {
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).map(c -> (Named) c).toList();
        }
        try {
            Object values = type.getMethod("values").invoke(null);
            List<?> list = values instanceof Object[] array ? List.of(array) : (List<?>) values;
            return list.stream().map(v -> (Named) v).toList();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(type.getSimpleName() + " is Named but offers no static values() (a List or an array)", e);
        }
    }

    /** Walks the tree against the record types, collecting problems. */
    private static final class Binder {
        private final String file;
        private final Map<String, Integer> lines;
        private final List<Problem> problems = new ArrayList<>();

        Binder(String file, Map<String, Integer> lines) {
            this.file = file;
            this.lines = lines;
        }

        int lineOf(String path) {
            String pointer = toPointer(path);
            while (true) {
                Integer l = lines.get(pointer);
                if (l != null) {
                    return l;
                }
                if (pointer.isEmpty()) {
                    return 0;
                }
                pointer = pointer.substring(0, pointer.lastIndexOf('/'));
            }
        }

        private static String toPointer(String path) {
            if (path.isEmpty()) {
                return "";
            }
            return "/" + path.replace("[", ".").replace("]", "").replace('.', '/');
        }

        private void problem(String path, String message) {
            problems.add(new Problem(file, lineOf(path), path, message));
        }

        Object bind(JsonNode node, Type type, String path, Object fallback) {
            Class<?> raw = rawClass(type);
            if (isChoice(raw)) {
                return bindChoice(node, raw, path);
            }
            if (raw.isRecord()) {
                return bindRecord(node, raw, path, fallback);
            }
            if (raw == List.class) {
                return bindList(node, ((ParameterizedType) type).getActualTypeArguments()[0], path);
            }
            if (raw == String.class) {
                if (!node.isString()) {
                    problem(path, "expected text, got " + describe(node));
                    return null;
                }
                return node.asString();
            }
            if (raw == double.class || raw == Double.class || raw == int.class || raw == long.class) {
                return bindNumber(node, raw, path);
            }
            if (raw == boolean.class) {
                if (!node.isBoolean()) {
                    problem(path, "expected true or false, got " + describe(node));
                    return false;
                }
                return node.asBoolean();
            }
            throw new IllegalStateException("scenario type not supported by the binder: " + type);
        }

        private Object bindNumber(JsonNode node, Class<?> raw, String path) {
            if (!node.isNumber()) {
                problem(path, "expected " + (raw == double.class || raw == Double.class ? "a number" : "a whole number") + ", got "
                        + describe(node));
                return null;
            }
            if (raw == double.class || raw == Double.class) {
                double v = node.asDouble();
                if (!Double.isFinite(v)) {
                    problem(path, "expected a finite number, got " + node);
                    return null;
                }
                return v;
            }
            if (!node.isIntegralNumber()) {
                problem(path, "expected a whole number, got " + node);
                return null;
            }
            if (raw == int.class && !node.canConvertToInt()) {
                problem(path, "whole number too large: " + node);
                return null;
            }
            return raw == int.class ? (Object) node.asInt() : (Object) node.asLong();
        }

        private Object bindChoice(JsonNode node, Class<?> raw, String path) {
            List<String> allowed = labels(raw);
            if (node.isString()) {
                for (Named c : choices(raw)) {
                    if (c.label().equals(node.asString())) {
                        return c;
                    }
                }
            }
            problem(path, "expected one of " + String.join(", ", allowed) + ", got " + describe(node));
            return null;
        }

        private List<Object> bindList(JsonNode node, Type element, String path) {
            if (!node.isArray()) {
                problem(path, "expected a list, got " + describe(node));
                return List.of();
            }
            List<Object> out = new ArrayList<>();
            Object elementDefault = defaultsOf(rawClass(element));
            for (int i = 0; i < node.size(); i++) {
                out.add(bind(node.get(i), element, path + "[" + i + "]", elementDefault));
            }
            return out;
        }

        private Object bindRecord(JsonNode node, Class<?> raw, String path, Object fallback) {
            RecordComponent[] components = raw.getRecordComponents();
            if (!node.isObject()) {
                problem(path.isEmpty() ? "" : path, "expected a section with fields " + String.join(", ", fieldNames(raw, fallback))
                        + ", got " + describe(node));
                return fallback;
            }
            Object defaults = fallback != null ? fallback : defaultsOf(raw);
            List<String> allowedNames = fieldNames(raw, defaults);
            for (String key : node.propertyNames()) {
                if (!allowedNames.contains(key)) {
                    problem(join(path, key), "unknown field; allowed here: " + String.join(", ", allowedNames));
                }
            }
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent rc = components[i];
                String name = fieldName(rc.getName());
                String childPath = join(path, name);
                Spec spec = rc.getAnnotation(Spec.class);
                Object childFallback = fallback == null ? null : read(rc, fallback);
                if (isInline(rc)) {
                    args[i] = bindSections(node, path, (Sections<?>) (childFallback != null ? childFallback : read(rc, defaults)));
                    continue;
                }
                JsonNode child = node.get(name);
                if (child == null || child.isNull()) {
                    if (child != null && spec != null && spec.required()) {
                        problem(childPath, "required field is empty");
                    } else if (spec != null && spec.required()) {
                        problem(childPath, "missing required field (" + spec.doc() + ")");
                    }
                    if (childFallback == null && rawClass(rc.getGenericType()).isRecord()) {
                        childFallback = defaultsOf(rawClass(rc.getGenericType()));
                    }
                    args[i] = childFallback != null ? childFallback : zero(rc.getType());
                    continue;
                }
                Object v;
                if (rc.getType() == List.class) {
                    v = bindList(child, ((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[0], childPath);
                    checkSize(spec, (List<?>) v, childPath);
                } else {
                    Object nestedFallback = childFallback;
                    if (nestedFallback == null && rc.getType().isRecord()) {
                        nestedFallback = defaultsOf(rc.getType());
                    }
                    v = bind(child, rc.getGenericType(), childPath, nestedFallback);
                    checkRange(spec, v, childPath);
                }
                args[i] = v == null ? zero(rc.getType()) : v;
            }
            if (!problems.isEmpty()) {
                // a record may refuse the partial values of a section already in error (a list
                // holding a null); the value is never used once there is a problem
                try {
                    return construct(raw, components, args);
                } catch (IllegalStateException e) {
                    return fallback;
                }
            }
            return construct(raw, components, args);
        }

        /** Binds the member sections written inline in {@code node}; a member left out keeps its value in {@code base}. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private Sections<?> bindSections(JsonNode node, String path, Sections<?> base) {
            Sections out = base;
            for (Sections.Entry<?> e : base.entries()) {
                JsonNode child = node.get(e.name());
                if (child == null || child.isNull()) {
                    continue;
                }
                Object v = bind(child, e.type(), join(path, e.name()), e.value());
                if (v != null) {
                    out = out.with(e.name(), v);
                }
            }
            return out;
        }

        private void checkSize(Spec spec, List<?> v, String path) {
            if (spec == null) {
                return;
            }
            if (v.size() < spec.minItems() || v.size() > spec.maxItems()) {
                String want = spec.minItems() == spec.maxItems() ? "exactly " + spec.minItems()
                        : spec.maxItems() == Integer.MAX_VALUE ? "at least " + spec.minItems()
                        : spec.minItems() + " to " + spec.maxItems();
                problem(path, "expected " + want + " entries, got " + v.size());
            }
        }

        private void checkRange(Spec spec, Object v, String path) {
            if (spec == null || !(v instanceof Number)) {
                return;
            }
            double x = ((Number) v).doubleValue();
            if (Double.isNaN(x)) {
                return;
            }
            boolean low = spec.minExclusive() ? x <= spec.min() : x < spec.min();
            boolean high = spec.maxExclusive() ? x >= spec.max() : x > spec.max();
            if (low || high) {
                problem(path, "out of range: allowed " + rangeText(spec) + ", got " + ScenarioLoader.numberText(x));
            }
        }

        static Object read(RecordComponent rc, Object record) {
            try {
                Method m = rc.getAccessor();
                return m.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Object construct(Class<?> raw, RecordComponent[] components, Object[] args) {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                Constructor<?> c = raw.getDeclaredConstructor(types);
                return c.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + raw.getSimpleName(), e);
            }
        }

        private static String join(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }


        private static String describe(JsonNode node) {
            if (node.isObject()) {
                return "a section";
            }
            if (node.isArray()) {
                return "a list";
            }
            if (node.isString()) {
                return "'" + node.asString() + "'";
            }
            return node.toString();
        }
    }

    /** Whether a record component holds member sections written inline in its record's section. */
    static boolean isInline(RecordComponent rc) {
        Spec spec = rc.getAnnotation(Spec.class);
        return spec != null && spec.inline() && rc.getType() == Sections.class;
    }

    /**
     * The field names of a record's section in file order: its components, with an inline
     * component replaced by its member sections (taken from {@code value}, or the defaults).
     */
    static List<String> fieldNames(Class<?> type, Object value) {
        List<String> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            if (isInline(rc)) {
                Object v = value != null ? Binder.read(rc, value) : Binder.read(rc, defaultsOf(type));
                ((Sections<?>) v).entries().forEach(e -> out.add(e.name()));
            } else {
                out.add(fieldName(rc.getName()));
            }
        }
        return out;
    }

    static Object defaultsOf(Class<?> type) {
        // a registration record (a memory model) is a choice written as its label, not a section
        if (!type.isRecord() || isChoice(type)) {
            return null;
        }
        try {
            Method m = type.getMethod("defaults");
            // a static factory; a record with a component named 'defaults' has an accessor instead
            return java.lang.reflect.Modifier.isStatic(m.getModifiers()) ? m.invoke(null) : null;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object zero(Class<?> type) {
        if (type == double.class) {
            return Double.NaN;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == List.class) {
            return List.of();
        }
        return null;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unsupported type " + type);
    }

    /** Human-readable allowed range of a field, e.g. {@code 0 < x <= 1}. */
    static String rangeText(Spec spec) {
        boolean hasMin = spec.min() != Double.NEGATIVE_INFINITY;
        boolean hasMax = spec.max() != Double.POSITIVE_INFINITY;
        if (hasMin && hasMax && spec.min() == spec.max()) {
            return "only " + numberText(spec.min());
        }
        StringBuilder s = new StringBuilder();
        if (hasMin) {
            s.append(numberText(spec.min())).append(spec.minExclusive() ? " < " : " <= ");
        }
        s.append("x");
        if (hasMax) {
            s.append(spec.maxExclusive() ? " < " : " <= ").append(numberText(spec.max()));
        }
        return s.toString();
    }

    static String numberText(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }
}
