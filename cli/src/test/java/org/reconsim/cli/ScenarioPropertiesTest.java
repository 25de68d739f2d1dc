package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.reconsim.cli.CommandLineTest.Result;
import org.reconsim.cli.ScenarioFields.Field;
import org.reconsim.cli.TrialPropertiesTest.Case;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Properties of the command line over many scenario files (jqwik; fixed seeds so that CI is
 * reproducible; search further with {@code -Dreconsim.tries=N -Dreconsim.seed=random}, see
 * {@link PropertySearch}).
 * <ol>
 * <li>Random valid scenarios (those of {@link TrialPropertiesTest}: either memory model, any
 * mechanisms, dropout mechanism and numeric fields anywhere their range allows) run through
 * {@code generate} and {@code power} with exit 0, nothing on stderr, and no NaN or infinite
 * number in any table or on the terminal: undefined values are {@code NA}, and latent states
 * are NA exactly where the patient had left the study, never at the baseline.</li>
 * <li>Random corruptions of a valid scenario file, 1-3 per file (values out of range or of the
 * wrong type, fractions for counts, unknown fields, deleted required fields, misspelled names,
 * emptied arm lists; broken YAML: unclosed bracket or quote, tab or bad indentation, duplicated
 * keys, a file cut short; as YAML or JSON), always give exit 2 from {@code validate},
 * {@code run} and {@code power}: one line per problem naming the file (and line), never a stack
 * trace, nothing on stdout, and no output folder.</li>
 * </ol>
 */
@AddLifecycleHook(PropertySearch.class)
class ScenarioPropertiesTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    // ---- 1. valid scenarios --------------------------------------------------------------

    @Provide
    Arbitrary<Case> cases() {
        return TrialPropertiesTest.scenarios();
    }

    @Property(tries = 20, seed = "20261126")
    void validScenariosRunWithFiniteOutputs(@ForAll("cases") Case c) throws IOException {
        LoadedScenario s;
        try {
            s = TrialPropertiesTest.build(c);
        } catch (InvalidScenarioException e) {
            Assume.that(false); // refused by a cross-field check: TrialPropertiesTest checks the message
            return;
        }
        Path dir = ScenarioFields.tempDir();
        try {
            Path file = dir.resolve("random.json");
            Files.writeString(file, s.canonical().json());
            String n = Integer.toString(c.nPerArm());
            Result gen = CommandLineTest.run("generate", file.toString(), "--n-per-arm", n, "--seed", Long.toString(c.seed()),
                    "--out", dir.resolve("g").toString(), "--quiet");
            assertThat(gen.code()).as("%s: %s", c, gen.err()).isZero();
            assertThat(gen.err()).as(c.toString()).isEmpty();
            List<String> sizes = c.nPerArm() == 2 ? List.of("2") : List.of("2", n);
            Result pow = CommandLineTest.run("power", file.toString(), "--n-per-arm", String.join(",", sizes), "--replicates", "3", "--threads", "1",
                    "--seed", Long.toString(c.seed()), "--out", dir.resolve("p").toString(), "--quiet");
            assertThat(pow.code()).as("%s: %s", c, pow.err()).isZero();
            assertThat(pow.err()).as(c.toString()).isEmpty();
            assertThat(pow.out()).as(c.toString()).doesNotContain("NaN").doesNotContain("Infinity").doesNotContain("Inf ");
            for (String table : List.of("g/observations.csv", "g/subjects.csv", "g/ground_truth.csv", "g/sessions.csv", "p/power.csv")) {
                checkTable(dir.resolve(table), c);
            }
            List<String> power = Files.readAllLines(dir.resolve("p/power.csv"));
            assertThat(power).as(c.toString()).hasSize(1 + sizes.size() * 9 * 3 * AnalysisMethod.values().size()); // every method: TrialPropertiesTest.build
            for (String row : power.subList(1, power.size())) {
                String[] cell = row.split(",", -1);
                double p = Double.parseDouble(cell[10]);
                assertThat(p).as(c + " " + row).isBetween(0.0, 1.0);
                assertThat(Double.parseDouble(cell[11])).as(c + " " + row).isBetween(0.0, p);
                assertThat(Double.parseDouble(cell[12])).as(c + " " + row).isBetween(p, 1.0);
                // power counts every trial: a failed analysis is never a rejection
                assertThat(Long.parseLong(cell[6]) + Long.parseLong(cell[7])).as(c + " " + row).isLessThanOrEqualTo(Long.parseLong(cell[5]));
            }
        } finally {
            ScenarioFields.delete(dir);
        }
    }

    /**
     * No NaN or infinity in any cell. NA only for an undefined number: in ground_truth.csv the
     * latent states of a visit the patient no longer attended (in_study FALSE, never at pre); in
     * subjects.csv the visits after a dropout and the responder status they decide; in power.csv
     * the summaries of estimates that were never defined or of rejections that never happened.
     */
    static void checkTable(Path csv, Case c) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).as(csv + " " + c).isNotEmpty();
        List<String> header = List.of(lines.get(0).split(",", -1));
        String name = csv.getFileName().toString();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).as(line + " " + c).hasSize(header.size());
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i];
                String what = name + " " + header.get(i) + " in " + line + " " + c;
                assertThat(cell).as(what).isNotIn("NaN", "Infinity", "-Infinity", "Inf", "-Inf");
                if (!cell.equals("NA")) {
                    continue;
                }
                String column = header.get(i);
                switch (name) {
                    case "ground_truth.csv" -> {
                        assertThat(cells[header.indexOf("in_study")]).as(what).isEqualTo("FALSE");
                        assertThat(cells[header.indexOf("visit")]).as(what).isNotEqualTo("pre");
                    }
                    case "subjects.csv" -> {
                        assertThat(column).as(what).matches("caps5_responder|labile_window_occupancy|dropout_before_session|.*_(post|fu30|fu90)");
                        if (column.equals("dropout_before_session")) {
                            assertThat(cells[header.indexOf("completed")]).as(what).isEqualTo("TRUE");
                        } else if (column.equals("labile_window_occupancy")) {
                            assertThat(cells[header.indexOf("destabilized")]).as(what).isEqualTo("FALSE");
                        } else if (!column.equals("caps5_responder")) {
                            assertThat(cells[header.indexOf("completed")]).as(what).isEqualTo("FALSE");
                        }
                    }
                    case "power.csv" -> assertThat(column).as(what)
                            .isIn("mean_estimate", "sd_estimate", "type_s", "exaggeration_ratio", "power_directional", "mean_z",
                                    "effect_d", "sweep_parameter", "sweep_value", "failure_reasons");
                    default -> assertThat(cell).as("NA in " + what).isNotEqualTo("NA");
                }
            }
        }
    }

    // ---- 2. corrupted scenarios ------------------------------------------------------------

    private static final Pattern KEY_LINE = Pattern.compile("( *)([a-z0-9_]+): *([^\\[{|>&*#\\s].*)");

    /** One corruption that certainly makes the file invalid, applied to the tree; returns its description. */
    private static String corruptTree(JsonNode t, SplittableRandom r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode design = t.get("design");
        if (design == null || design.get("arms") == null || design.get("arms").size() < 2) {
            // an earlier corruption removed the design or its arms: the file is invalid already
            ((ObjectNode) t).put("no_such_field", 1);
            return "unknown top-level field";
        }
        List<Field> present = new ArrayList<>();
        for (Field x : ScenarioFields.ALL) {
            for (Field e : x.path().contains(0) ? List.of(x, x.entry(1)) : List.of(x)) {
                JsonNode v = ScenarioFields.at(t, e.path());
                if (v != null && (!e.numeric() || v.isNumber())) {
                    present.add(e);
                }
            }
        }
        switch (r.nextInt(7)) {
            case 0 -> { // out of range
                List<Field> bounded = present.stream().filter(x -> x.numeric() && (x.min() != null || x.max() != null)).toList();
                Field x = bounded.get(r.nextInt(bounded.size()));
                boolean below = x.min() != null && (x.max() == null || r.nextBoolean());
                double v = below ? x.min() - (x.exclusiveMin() ? 0 : 1) : x.max() + (x.exclusiveMax() ? 0 : 1);
                ScenarioFields.set(t, x.path(), x.integer() ? f.numberNode((long) v) : f.numberNode(v));
                return x.dotted() + " out of range: " + v;
            }
            case 1 -> { // wrong type
                List<Field> numbers = present.stream().filter(Field::numeric).toList();
                Field x = numbers.get(r.nextInt(numbers.size()));
                JsonNode bad = switch (r.nextInt(4)) {
                    case 0 -> f.stringNode("abc");
                    case 1 -> f.arrayNode().add(1);
                    case 2 -> f.booleanNode(true);
                    default -> f.objectNode().put("a", 1);
                };
                ScenarioFields.set(t, x.path(), bad);
                return x.dotted() + " wrong type: " + bad;
            }
            case 2 -> { // fraction for a whole number
                List<Field> ints = present.stream().filter(x -> x.integer() && !x.dotted().equals("simulation.seed")).toList();
                Field x = ints.get(r.nextInt(ints.size()));
                double v = ScenarioFields.at(t, x.path()).asDouble() + 0.5;
                ScenarioFields.set(t, x.path(), f.numberNode(v));
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
                if (r.nextInt(3) == 0) {
                    ObjectNode arm = (ObjectNode) t.get("design").get("arms").get(r.nextInt(2));
                    String key = List.of("name", "drug", "dose_mg_per_kg").get(r.nextInt(3));
                    arm.remove(key);
                    return "arm without " + key;
                }
                String[][] required = {{"name"}, {"design"}, {"design", "arms"}, {"design", "control_arm"}};
                String[] p = required[r.nextInt(required.length)];
                ObjectNode parent = (ObjectNode) (p.length == 1 ? t : t.get(p[0]));
                parent.remove(p[p.length - 1]);
                return "deleted " + String.join(".", p);
            }
            case 5 -> { // misspelled name
                List<Field> enums = present.stream().filter(x -> x.type().equals("enum") && ScenarioFields.at(t, x.path()).isString())
                        .toList();
                Field x = enums.get(r.nextInt(enums.size()));
                ScenarioFields.set(t, x.path(), f.stringNode(ScenarioFields.at(t, x.path()).asString() + "x"));
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

    /**
     * One corruption of YAML text that certainly breaks it; null if this text offers no place
     * for the one drawn. A file cut short is cut before the end of its control_arm value (the
     * last required field): cut anywhere else it may still be a valid scenario.
     */
    static String corruptYaml(String yaml, SplittableRandom r, List<String> what) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        int at = lines.size() < 2 ? lines.size() : 1 + r.nextInt(lines.size() - 1);
        switch (r.nextInt(8)) {
            case 0 -> {
                lines.add(at, "broken: [1, 2");
                what.add("unclosed bracket at line " + (at + 1));
            }
            case 1 -> {
                lines.add(at, "\tname: tab");
                what.add("tab indentation at line " + (at + 1));
            }
            case 2 -> {
                lines.add(at, "quoted: \"never closed");
                what.add("unclosed quote at line " + (at + 1));
            }
            case 3 -> { // a key: value line repeated: a duplicated key in its mapping
                List<Integer> keys = keyLines(lines, false);
                if (keys.isEmpty()) {
                    return null;
                }
                int i = keys.get(r.nextInt(keys.size()));
                lines.add(i + 1, lines.get(i));
                what.add("duplicated key at line " + (i + 2));
            }
            case 4, 5 -> { // a key line one space off its siblings' indentation (after a sibling with a scalar value)
                List<Integer> keys = keyLines(lines, true);
                if (keys.isEmpty()) {
                    return null;
                }
                int i = keys.get(r.nextInt(keys.size()));
                boolean deeper = r.nextBoolean();
                lines.set(i, deeper ? " " + lines.get(i) : lines.get(i).substring(1));
                what.add((deeper ? "indented" : "dedented") + " line " + (i + 1));
            }
            default -> {
                Matcher m = Pattern.compile("control_arm: *\"?[A-Za-z0-9_-]+").matcher(yaml);
                int end = m.find() ? m.end() - 1 : yaml.length();
                int cut = r.nextInt(end + 1);
                what.add("cut at character " + cut + " of " + yaml.length());
                return yaml.substring(0, cut);
            }
        }
        return String.join("\n", lines);
    }

    /**
     * Lines {@code key: value} (value a plain scalar or quoted); with {@code afterSibling}, only
     * those whose previous line is such a line at the same indentation, at least 2.
     */
    private static List<Integer> keyLines(List<String> lines, boolean afterSibling) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = KEY_LINE.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            if (!afterSibling) {
                out.add(i);
                continue;
            }
            Matcher prev = i > 0 ? KEY_LINE.matcher(lines.get(i - 1)) : null;
            if (prev != null && prev.matches() && prev.group(1).equals(m.group(1)) && m.group(1).length() >= 2) {
                out.add(i);
            }
        }
        return out;
    }

    /** JSON cut anywhere before its closing brace. */
    private static String corruptJson(String json, SplittableRandom r, List<String> what) {
        int cut = r.nextInt(json.lastIndexOf('}') + 1);
        what.add("JSON cut at character " + cut + " of " + json.length());
        return json.substring(0, cut);
    }

    @Property(tries = 120, seed = "20261127")
    void corruptedScenariosAreRefusedWithClearMessages(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed)
            throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> what = new ArrayList<>();
        String text;
        String fileName = "corrupt.yaml";
        switch (r.nextInt(4)) {
            case 0 -> { // only text corruptions, of the bundled file as written (comments and all)
                text = Files.readString(Path.of(CommandLineTest.DUEK));
                int k = 1 + r.nextInt(3);
                for (int i = 0; i < k; i++) {
                    String next = corruptYaml(text, r, what);
                    text = next == null ? text : next;
                }
                Assume.that(!what.isEmpty());
            }
            case 1 -> { // tree corruptions written as JSON, maybe cut short
                JsonNode t = ScenarioFields.tree();
                int k = 1 + r.nextInt(3);
                for (int i = 0; i < k; i++) {
                    what.add(corruptTree(t, r));
                }
                text = ScenarioFields.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(t);
                if (r.nextInt(3) == 0) {
                    text = corruptJson(text, r, what);
                }
                fileName = "corrupt.json";
            }
            default -> { // tree corruptions written as YAML, sometimes with broken YAML too
                JsonNode t = ScenarioFields.tree();
                int k = 1 + r.nextInt(3);
                for (int i = 0; i < k; i++) {
                    what.add(corruptTree(t, r));
                }
                text = YAML.writeValueAsString(t);
                if (r.nextInt(3) == 0) {
                    String next = corruptYaml(text, r, what);
                    text = next == null ? text : next;
                }
            }
        }
        Path dir = ScenarioFields.tempDir();
        try {
            Path file = dir.resolve(fileName);
            Files.writeString(file, text);
            Pattern problemLine = Pattern.compile(Pattern.quote(file.toString()) + "(:\\d+)?: \\S.*");
            for (String command : List.of("validate", "run", "power")) {
                Path out = dir.resolve("out-" + command);
                Result res = command.equals("validate") ? CommandLineTest.run("validate", file.toString())
                        : CommandLineTest.run(command, file.toString(), "--replicates", "2", "--out", out.toString());
                String context = command + " " + what + "\n" + text;
                assertThat(res.code()).as(context + "\n" + res.err()).isEqualTo(2);
                assertThat(res.out()).as(context).isEmpty();
                assertThat(res.err()).as(context).isNotBlank();
                for (String line : res.err().split("\n")) {
                    assertThat(line.startsWith("reconsim:") || problemLine.matcher(line).matches()).as(context + "\n" + line).isTrue();
                    assertThat(line).as(context).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.");
                }
                assertThat(out).as(context).doesNotExist();
            }
        } finally {
            ScenarioFields.delete(dir);
        }
    }
}
