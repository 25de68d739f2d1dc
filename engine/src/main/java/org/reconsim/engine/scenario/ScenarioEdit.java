package org.reconsim.engine.scenario;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scenario with one numeric field set to another value, for sweeps: the complete canonical
 * form is edited at the field path (as in error messages: {@code a.b[0].c}) and validated again,
 * so a swept value out of range is reported like any scenario problem.
 */
public final class ScenarioEdit {

    private ScenarioEdit() {
    }

    /** Fields that make one trial what it is rather than describe it: its sizes, its seed and its replicate count. */
    private static final java.util.regex.Pattern FIXED =
            java.util.regex.Pattern.compile("design\\.n_per_arm|design\\.arms\\[\\d+]\\.allocation|simulation\\.seed|simulation\\.replicates");

    /**
     * Why {@code path} cannot vary between the simulated trials of one inference (calibration,
     * predictive checks, sensitivity), or null when it can: the trial is simulated at its
     * published sizes and addressed by its seed, so sizes (design.n_per_arm, an arm's
     * allocation), simulation.seed and simulation.replicates are not uncertain parameters.
     */
    public static String fixedReason(String path) {
        if (!FIXED.matcher(path).matches()) {
            return null;
        }
        return path.startsWith("simulation.")
                ? "the seed and the replicate count address the simulated trials; they are not parameters"
                : "the arm sizes are the published trial's; they are not parameters";
    }

    /** The new value, written as a whole number where the field holds one (so counts such as an allocation can be swept). */
    private static JsonNode number(JsonNode old, double value) {
        if (old.isIntegralNumber() && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return JsonNodeFactory.instance.numberNode((long) value);
        }
        return JsonNodeFactory.instance.numberNode(value);
    }

    public static LoadedScenario set(LoadedScenario base, String path, double value) throws InvalidScenarioException {
        return set(base, java.util.Map.of(path, value));
    }

    /**
     * A scenario with several fields set at once (one validation): a {@link Double} value sets
     * a numeric field, a {@code List<String>} a list of labels (e.g. {@code mechanisms.active}).
     */
    public static LoadedScenario set(LoadedScenario base, java.util.Map<String, Object> values) throws InvalidScenarioException {
        Scenario edited = edit(base, CanonicalForm.toTree(base.scenario()), values);
        return new LoadedScenario(base.source(), edited, CanonicalForm.of(edited));
    }

    /**
     * The scenario alone with several fields set, edited from {@code baseTree}, the canonical tree of
     * {@code base} ({@link CanonicalForm#toTree}; copied here, never modified): for a caller that
     * edits one base many times and needs no canonical form of the result (the simulated pilots of
     * a calibration), which saves most of an edit's time. The same scenario as {@link #set}'s.
     */
    public static Scenario scenario(LoadedScenario base, JsonNode baseTree, java.util.Map<String, Object> values)
            throws InvalidScenarioException {
        return edit(base, baseTree.deepCopy(), values);
    }

    private static Scenario edit(LoadedScenario base, JsonNode root, java.util.Map<String, Object> values) throws InvalidScenarioException {
        StringBuilder what = new StringBuilder();
        for (java.util.Map.Entry<String, Object> edit : values.entrySet()) {
            set(base, root, edit.getKey(), edit.getValue());
            what.append(what.length() == 0 ? "" : ",").append(edit.getKey()).append('=').append(edit.getValue());
        }
        String display = base.source() + " with " + what + ".json";
        try {
            // the edited tree is bound as it is: writing it out and parsing it again would cost most of an edit's
            // time (an edit per simulated pilot in a calibration) and bind the same values
            return ScenarioLoader.bindTree(display, root);
        } catch (InvalidScenarioException e) {
            // a refused edit is reported as it always was: from the text, with its line numbers
            ScenarioLoader.parse(display, JsonMapper.builder().build().writeValueAsString(root));
            throw e;
        }
    }

    private static void set(LoadedScenario base, JsonNode root, String path, Object value) throws InvalidScenarioException {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            boolean last = i == parts.length - 1 && bracket < 0;
            if (!(node instanceof ObjectNode obj) || !obj.has(name)) {
                throw fail(base, path, "no field '" + name + "' here");
            }
            if (last) {
                obj.set(name, replacement(base, path, obj.get(name), value));
                return;
            }
            node = obj.get(name);
            if (bracket >= 0) {
                int index;
                try {
                    index = Integer.parseInt(part.substring(bracket + 1, part.indexOf(']')));
                } catch (RuntimeException e) {
                    throw fail(base, path, "expected name[index]");
                }
                if (!(node instanceof ArrayNode arr) || index < 0 || index >= arr.size()) {
                    throw fail(base, path, "no entry " + index + " in '" + name + "'");
                }
                if (i == parts.length - 1) {
                    arr.set(index, replacement(base, path, arr.get(index), value));
                    return;
                }
                node = arr.get(index);
            }
        }
    }

    /** The node that replaces {@code old}: a number for a numeric field, an array of labels for a list field. */
    private static JsonNode replacement(LoadedScenario base, String path, JsonNode old, Object value) throws InvalidScenarioException {
        if (value instanceof Double d) {
            if (!old.isNumber()) {
                throw fail(base, path, "only numeric fields can vary");
            }
            return number(old, d);
        }
        if (!old.isArray()) {
            throw fail(base, path, "only a list field takes a list of labels");
        }
        ArrayNode labels = JsonNodeFactory.instance.arrayNode();
        for (Object label : (java.util.List<?>) value) {
            labels.add(label.toString());
        }
        return labels;
    }

    private static InvalidScenarioException fail(LoadedScenario base, String path, String why) {
        return new InvalidScenarioException(java.util.List.of(new Problem(base.source(), 0, path, "cannot set: " + why)));
    }
}
