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

    /** The new value, written as a whole number where the field holds one (so counts such as an allocation can be swept). */
    private static JsonNode number(JsonNode old, double value) {
        if (old.isIntegralNumber() && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return JsonNodeFactory.instance.numberNode((long) value);
        }
        return JsonNodeFactory.instance.numberNode(value);
    }

    public static LoadedScenario set(LoadedScenario base, String path, double value) throws InvalidScenarioException {
        JsonNode root = CanonicalForm.toTree(base.scenario());
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
                if (!obj.get(name).isNumber()) {
                    throw fail(base, path, "only numeric fields can be swept");
                }
                obj.set(name, number(obj.get(name), value));
                break;
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
                    if (!arr.get(index).isNumber()) {
                        throw fail(base, path, "only numeric fields can be swept");
                    }
                    arr.set(index, number(arr.get(index), value));
                    break;
                }
                node = arr.get(index);
            }
        }
        String json = JsonMapper.builder().build().writeValueAsString(root);
        LoadedScenario edited = ScenarioLoader.parse(base.source() + " with " + path + "=" + value + ".json", json);
        return new LoadedScenario(base.source(), edited.scenario(), edited.canonical());
    }

    private static InvalidScenarioException fail(LoadedScenario base, String path, String why) {
        return new InvalidScenarioException(java.util.List.of(new Problem(base.source(), 0, path, "cannot sweep: " + why)));
    }
}
