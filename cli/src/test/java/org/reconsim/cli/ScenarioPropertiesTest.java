package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.reconsim.cli.CommandLineTest.Result;
import org.reconsim.engine.scenario.CanonicalForm;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.scenario.ScenarioSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Properties over many scenarios (jqwik; fixed seeds so CI is reproducible; raise
 * {@code tries} or drop the seed to search further, e.g. {@code -Djqwik.tries.default}).
 * <ol>
 * <li>Random valid scenarios (the bundled one with 1-4 numeric fields set anywhere their
 * documented range allows, either memory model) run through {@code generate} and {@code power}
 * with exit 0, nothing on stderr, and no NaN or infinite number in any table: missing values
 * are {@code NA}, and only where the data are missing.</li>
 * <li>Random corruptions of a valid scenario file (values out of range or of the wrong type,
 * unknown fields, deleted required fields, misspelled names, emptied arm lists, broken YAML,
 * duplicated keys) always give exit 2 and one clear line per problem, never a stack
 * trace, and no output folder.</li>
 * </ol>
 */
class ScenarioPropertiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final LoadedScenario BASE = load();
    private static final List<Field> FIELDS = fields();

    private static LoadedScenario load() {
        try {
            return ScenarioLoader.load(Path.of(CommandLineTest.DUEK));
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A leaf of the scenario schema: its path in the tree, its type and its documented bounds. */
    record Field(List<Object> path, String type, Double min, boolean exclusiveMin, Double max, List<String> allowed) {
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
    }

    private static List<Field> fields() {
        JsonNode schema = JSON.readTree(ScenarioSchema.jsonSchema());
        List<Field> out = new ArrayList<>();
        walk(schema, new ArrayList<>(), out);
        return out;
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
            Double min = null;
            if (node.has("minimum")) {
                min = node.get("minimum").asDouble();
            } else if (node.has("exclusiveMinimum")) {
                min = node.get("exclusiveMinimum").asDouble();
            }
            Double max = node.has("maximum") ? Double.valueOf(node.get("maximum").asDouble()) : null;
            List<String> allowed = new ArrayList<>();
            node.path("enum").forEach(v -> allowed.add(v.asString()));
            out.add(new Field(path, type.isEmpty() && !allowed.isEmpty() ? "enum" : type, min, node.has("exclusiveMinimum"), max,
                    allowed));
        }
    }

    /** The node at {@code path} in {@code root}, or null where the scenario has none (an empty list). */
    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode n = root;
        for (Object p : path) {
            n = p instanceof Integer i ? n.get(i) : n.get((String) p);
            if (n == null || n.isNull()) {
                return null;
            }
        }
        return n;
    }

    private static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.set((String) last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set((Integer) last, value);
        }
    }

    private static JsonNode tree() {
        return JSON.readTree(BASE.canonical().json());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("reconsim-property-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- 1. valid scenarios --------------------------------------------------------------

    /** Fields whose value sets the size of the run (kept as they are so that each try stays fast). */
    private static final Pattern SIZES = Pattern.compile("design\\.n_per_arm|design\\.sites|simulation\\..*|.*\\.count"
            + "|.*trials_per_session|.*max_causes|.*max_iter|.*trauma_trials|.*max_gap_units|.*units_per_hour");

    private static double draw(Field f, double current, SplittableRandom r) {
        double lo = f.min() != null ? f.min() : current < 0 ? 3 * current : 0;
        double hi = f.max() != null ? f.max() : current == 0 ? Math.max(1, lo + 1) : Math.max(lo, 0) + 3 * Math.abs(current);
        if (f.max() == null && f.min() != null && hi <= lo) {
            hi = lo + 1;
        }
        double v = switch (r.nextInt(5)) {
            case 0 -> lo;
            case 1 -> hi;
            default -> lo + r.nextDouble() * (hi - lo);
        };
        if (f.exclusiveMin() && v <= lo) {
            v = lo + 1e-3 * Math.max(1, hi - lo);
        }
        return f.type().equals("integer") ? Math.rint(v) : v;
    }

    @Property(tries = 25, seed = "20261126")
    void randomValidScenariosRunWithFiniteOutputs(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        JsonNode t = tree();
        List<String> changes = new ArrayList<>();
        if (r.nextBoolean()) {
            set(t, List.of("memory", "model"), JsonNodeFactory.instance.stringNode("latent-cause"));
            changes.add("memory.model=latent-cause");
        }
        List<Field> numeric = FIELDS.stream().filter(f -> f.type().equals("number") || f.type().equals("integer"))
                .filter(f -> !SIZES.matcher(f.dotted()).matches()).toList();
        int k = 1 + r.nextInt(4);
        for (int i = 0; i < k; i++) {
            Field f = numeric.get(r.nextInt(numeric.size()));
            JsonNode current = at(t, f.path());
            if (current == null || !current.isNumber()) {
                continue;
            }
            double v = draw(f, current.asDouble(), r);
            set(t, f.path(), f.type().equals("integer") ? JsonNodeFactory.instance.numberNode((long) v)
                    : JsonNodeFactory.instance.numberNode(v));
            changes.add(f.dotted() + "=" + v);
        }
        String json = JSON.writeValueAsString(t);
        try {
            ScenarioLoader.parse("random.json", json);
        } catch (InvalidScenarioException e) {
            // a combination the cross-field checks refuse: a clear message, which property 2 covers
            assertThat(e.problems()).as(changes.toString()).isNotEmpty();
            Assume.that(false);
        }
        Path dir = tempDir();
        try {
            Path file = dir.resolve("random.json");
            Files.writeString(file, json);
            Result gen = CommandLineTest.run("generate", file.toString(), "--n-per-arm", "4", "--seed", Long.toString(seed % 1000),
                    "--out", dir.resolve("g").toString(), "--quiet");
            assertThat(gen.code()).as("%s: %s", changes, gen.err()).isZero();
            assertThat(gen.err()).as(changes.toString()).isEmpty();
            Result pow = CommandLineTest.run("power", file.toString(), "--n-per-arm", "4", "--replicates", "4", "--threads", "1",
                    "--out", dir.resolve("p").toString(), "--quiet");
            assertThat(pow.code()).as("%s: %s", changes, pow.err()).isZero();
            assertThat(pow.err()).as(changes.toString()).isEmpty();
            for (Path csv : List.of(dir.resolve("g/observations.csv"), dir.resolve("g/subjects.csv"),
                    dir.resolve("g/ground_truth.csv"), dir.resolve("g/sessions.csv"), dir.resolve("p/power.csv"))) {
                checkTable(csv, changes);
            }
            for (String row : Files.readAllLines(dir.resolve("p/power.csv")).subList(1, 2)) {
                String[] c = row.split(",", -1);
                double power = Double.parseDouble(c[6]);
                assertThat(power).as(changes + " " + row).isBetween(0.0, 1.0);
                assertThat(Double.parseDouble(c[7])).as(changes + " " + row).isBetween(0.0, power);
                assertThat(Double.parseDouble(c[8])).as(changes + " " + row).isBetween(power, 1.0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /** No NaN or infinity in any cell; a missing observation (NA) only after the baseline, which nobody misses. */
    private static void checkTable(Path csv, List<String> changes) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).as(csv + " " + changes).isNotEmpty();
        List<String> header = List.of(lines.get(0).split(",", -1));
        int value = csv.getFileName().toString().equals("observations.csv") ? header.indexOf("value") : -1;
        int visit = header.indexOf("visit");
        for (String line : lines.subList(1, lines.size())) {
            for (String cell : line.split(",", -1)) {
                assertThat(cell).as("%s in %s %s", line, csv.getFileName(), changes)
                        .isNotIn("NaN", "Infinity", "-Infinity", "Inf", "-Inf");
            }
            if (value >= 0) {
                String[] c = line.split(",", -1);
                if (c[value].equals("NA")) {
                    assertThat(c[visit]).as("%s in %s %s", line, csv.getFileName(), changes).isNotEqualTo("pre");
                }
            }
        }
    }

    // ---- 2. corrupted scenarios ------------------------------------------------------------

    /** One corruption that certainly makes the file invalid, applied to the tree; returns its description. */
    private static String corruptTree(JsonNode t, SplittableRandom r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode design = t.get("design");
        if (design == null || design.get("arms") == null || design.get("arms").size() < 2) {
            // an earlier corruption removed the design or its arms: the file is invalid already
            ((ObjectNode) t).put("no_such_field", 1);
            return "unknown top-level field";
        }
        List<Field> present = FIELDS.stream().filter(x -> at(t, x.path()) != null)
                .filter(x -> !(x.type().equals("number") || x.type().equals("integer")) || at(t, x.path()).isNumber()).toList();
        switch (r.nextInt(7)) {
            case 0 -> { // out of range
                List<Field> bounded = present.stream().filter(x -> (x.type().equals("number") || x.type().equals("integer"))
                        && (x.min() != null || x.max() != null)).toList();
                Field x = bounded.get(r.nextInt(bounded.size()));
                double v = x.min() != null && (x.max() == null || r.nextBoolean()) ? x.min() - (x.exclusiveMin() ? 0 : 1) : x.max() + 1;
                set(t, x.path(), x.type().equals("integer") ? f.numberNode((long) v) : f.numberNode(v));
                return x.dotted() + " out of range: " + v;
            }
            case 1 -> { // wrong type
                List<Field> numbers = present.stream().filter(x -> x.type().equals("number") || x.type().equals("integer")).toList();
                Field x = numbers.get(r.nextInt(numbers.size()));
                JsonNode bad = switch (r.nextInt(3)) {
                    case 0 -> f.stringNode("abc");
                    case 1 -> f.arrayNode().add(1);
                    default -> f.objectNode().put("a", 1);
                };
                set(t, x.path(), bad);
                return x.dotted() + " wrong type: " + bad;
            }
            case 2 -> { // fraction for a whole number
                List<Field> ints = present.stream().filter(x -> x.type().equals("integer") && !x.dotted().equals("simulation.seed")).toList();
                Field x = ints.get(r.nextInt(ints.size()));
                double v = at(t, x.path()).asDouble() + 0.5;
                set(t, x.path(), f.numberNode(v));
                return x.dotted() + " fraction: " + v;
            }
            case 3 -> { // unknown field in some object
                List<JsonNode> objects = new ArrayList<>();
                collectObjects(t, objects);
                ObjectNode o = (ObjectNode) objects.get(r.nextInt(objects.size()));
                o.put("no_such_field_" + r.nextInt(100), 1);
                return "unknown field";
            }
            case 4 -> { // a required field deleted
                String[][] required = {{"name"}, {"design"}, {"design", "arms"}, {"design", "control_arm"}};
                String[] p = required[r.nextInt(required.length)];
                if (r.nextInt(3) == 0) {
                    ObjectNode arm = (ObjectNode) t.get("design").get("arms").get(r.nextInt(2));
                    String key = List.of("name", "drug", "dose_mg_per_kg").get(r.nextInt(3));
                    arm.remove(key);
                    return "arm without " + key;
                }
                ObjectNode parent = (ObjectNode) (p.length == 1 ? t : t.get(p[0]));
                parent.remove(p[p.length - 1]);
                return "deleted " + String.join(".", p);
            }
            case 5 -> { // misspelled name
                List<Field> enums = present.stream().filter(x -> x.type().equals("enum") && at(t, x.path()).isString()).toList();
                Field x = enums.get(r.nextInt(enums.size()));
                set(t, x.path(), f.stringNode(at(t, x.path()).asString() + "x"));
                return x.dotted() + " misspelled";
            }
            default -> {
                ((ObjectNode) t.get("design")).set("arms", f.arrayNode());
                return "no arms";
            }
        }
    }

    private static void collectObjects(JsonNode n, List<JsonNode> out) {
        if (n instanceof ObjectNode) {
            out.add(n);
        }
        for (Iterator<JsonNode> it = n.values().iterator(); it.hasNext(); ) {
            collectObjects(it.next(), out);
        }
    }

    /** One corruption of the YAML text that certainly breaks it. */
    private static String corruptText(String yaml, SplittableRandom r, List<String> what) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        switch (r.nextInt(4)) {
            case 0 -> {
                lines.add(1 + r.nextInt(lines.size() - 1), "broken: [1, 2");
                what.add("unclosed bracket");
            }
            case 1 -> {
                lines.add(1 + r.nextInt(lines.size() - 1), "\tname: tab");
                what.add("tab indentation");
            }
            case 2 -> {
                lines.add(1 + r.nextInt(lines.size() - 1), "quoted: \"never closed");
                what.add("unclosed quote");
            }
            default -> {
                String key = lines.stream().filter(l -> l.matches("[a-z_]+:.*")).findFirst().orElseThrow();
                key = key.substring(0, key.indexOf(':'));
                lines.add(key + ": 1");
                what.add("duplicated top-level key " + key);
            }
        }
        return String.join("\n", lines);
    }

    @Property(tries = 120, seed = "20261127")
    void corruptedScenariosAreRefusedWithClearMessages(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed)
            throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        JsonNode t = tree();
        List<String> what = new ArrayList<>();
        int k = 1 + r.nextInt(3);
        for (int i = 0; i < k; i++) {
            what.add(corruptTree(t, r));
        }
        String text = YAML.writeValueAsString(t);
        if (r.nextInt(3) == 0) {
            text = corruptText(text, r, what);
        }
        Path dir = tempDir();
        try {
            Path file = dir.resolve("corrupt.yaml");
            Files.writeString(file, text);
            for (String command : List.of("validate", "power")) {
                Path out = dir.resolve("out-" + command);
                Result res = command.equals("validate") ? CommandLineTest.run("validate", file.toString())
                        : CommandLineTest.run("power", file.toString(), "--replicates", "2", "--out", out.toString());
                String context = command + " " + what + "\n" + text;
                assertThat(res.code()).as(context + "\n" + res.err()).isEqualTo(2);
                assertThat(res.out()).as(context).isEmpty();
                assertThat(res.err()).as(context).isNotBlank();
                for (String line : res.err().split("\n")) {
                    assertThat(line.startsWith("reconsim:") || line.startsWith(file + ":")).as(context + "\n" + line).isTrue();
                    assertThat(line).as(context).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.");
                }
                assertThat(out).as(context).doesNotExist();
            }
        } finally {
            delete(dir);
        }
    }
}
