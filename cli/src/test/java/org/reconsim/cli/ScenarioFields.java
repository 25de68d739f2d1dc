package org.reconsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.scenario.ScenarioSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The leaves of the scenario schema (path, type, documented bounds, read from the JSON Schema
 * that {@code @Spec} generates) and edits of a scenario tree: shared by the property tests.
 */
final class ScenarioFields {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The bundled scenario every property starts from. */
    static final LoadedScenario DUEK = load();
    /** Every leaf of the schema; list entries appear once, with index 0. */
    static final List<Field> ALL = fields();

    private ScenarioFields() {
    }

    private static LoadedScenario load() {
        try {
            return ScenarioLoader.load(Path.of(CommandLineTest.DUEK));
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A leaf of the scenario schema: its path in the tree, its type and its documented bounds (null: unbounded). */
    record Field(List<Object> path, String type, Double min, boolean exclusiveMin, Double max, boolean exclusiveMax,
                 List<String> allowed) {

        String dotted() {
            StringBuilder b = new StringBuilder();
            for (Object p : path) {
                if (p instanceof Integer i) {
                    b.append('[').append(i).append(']');
                } else {
                    b.append(b.isEmpty() ? "" : ".").append(p);
                }
            }
            return b.toString();
        }

        boolean numeric() {
            return type.equals("number") || type.equals("integer");
        }

        boolean integer() {
            return type.equals("integer");
        }

        /** The same field in list entry {@code index} (the schema lists entry 0 only). */
        Field entry(int index) {
            List<Object> p = new ArrayList<>();
            for (Object o : path) {
                p.add(o instanceof Integer ? Integer.valueOf(index) : o);
            }
            return new Field(p, type, min, exclusiveMin, max, exclusiveMax, allowed);
        }
    }

    private static List<Field> fields() {
        JsonNode schema = JSON.readTree(ScenarioSchema.jsonSchema());
        List<Field> out = new ArrayList<>();
        walk(schema, new ArrayList<>(), out);
        return List.copyOf(out);
    }

    private static void walk(JsonNode node, List<Object> path, List<Field> out) {
        String type = node.path("type").asString("");
        if (type.equals("object")) {
            for (Map.Entry<String, JsonNode> e : node.path("properties").properties()) {
                List<Object> p = new ArrayList<>(path);
                p.add(e.getKey());
                walk(e.getValue(), p, out);
            }
        } else if (type.equals("array") && node.path("items").path("type").asString("").equals("object")) {
            List<Object> p = new ArrayList<>(path);
            p.add(0);
            walk(node.path("items"), p, out);
        } else {
            Double min = node.has("minimum") ? Double.valueOf(node.get("minimum").asDouble())
                    : node.has("exclusiveMinimum") ? Double.valueOf(node.get("exclusiveMinimum").asDouble()) : null;
            Double max = node.has("maximum") ? Double.valueOf(node.get("maximum").asDouble())
                    : node.has("exclusiveMaximum") ? Double.valueOf(node.get("exclusiveMaximum").asDouble()) : null;
            List<String> allowed = new ArrayList<>();
            node.path("enum").forEach(v -> allowed.add(v.asString()));
            out.add(new Field(path, type.isEmpty() && !allowed.isEmpty() ? "enum" : type, min, node.has("exclusiveMinimum"), max,
                    node.has("exclusiveMaximum"), allowed));
        }
    }

    /** The complete canonical form of the bundled scenario, as a tree to edit. */
    static JsonNode tree() {
        return JSON.readTree(DUEK.canonical().json());
    }

    /** The node at {@code path} in {@code root}, or null where the scenario has none (an empty list). */
    static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode n = root;
        for (Object p : path) {
            n = p instanceof Integer i ? n.get(i) : n.get((String) p);
            if (n == null || n.isNull()) {
                return null;
            }
        }
        return n;
    }

    static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.set((String) last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set((Integer) last, value);
        }
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("reconsim-property-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
