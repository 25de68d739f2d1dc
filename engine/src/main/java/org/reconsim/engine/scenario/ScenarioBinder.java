package org.reconsim.engine.scenario;

import static org.reconsim.engine.scenario.SectionTypes.choices;
import static org.reconsim.engine.scenario.SectionTypes.defaultsOf;
import static org.reconsim.engine.scenario.SectionTypes.fieldName;
import static org.reconsim.engine.scenario.SectionTypes.fieldNames;
import static org.reconsim.engine.scenario.SectionTypes.isChoice;
import static org.reconsim.engine.scenario.SectionTypes.isInline;
import static org.reconsim.engine.scenario.SectionTypes.labels;
import static org.reconsim.engine.scenario.SectionTypes.rangeText;
import static org.reconsim.engine.scenario.SectionTypes.rawClass;
import static org.reconsim.engine.scenario.SectionTypes.read;
import static org.reconsim.engine.scenario.SectionTypes.zero;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.reconsim.models.spec.Named;
import org.reconsim.models.spec.Sections;
import org.reconsim.models.spec.Spec;
import tools.jackson.databind.JsonNode;

/**
 * Walks a parsed scenario tree against the section records, collecting every problem (file,
 * line, field path, what is allowed) instead of stopping at the first: unknown fields, wrong
 * types, missing required fields, values out of range. Fields left out take the defaults.
 */
/** Walks the tree against the record types, collecting problems. */
final class ScenarioBinder {
    private final String file;
    private final Map<String, Integer> lines;
    final List<Problem> problems = new ArrayList<>();

    ScenarioBinder(String file, Map<String, Integer> lines) {
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
        if (raw == double.class || raw == Double.class || raw == int.class || raw == Integer.class || raw == long.class) {
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
        boolean isInt = raw == int.class || raw == Integer.class;
        if (isInt && !node.canConvertToInt()) {
            problem(path, "whole number too large: " + node);
            return null;
        }
        return isInt ? (Object) node.asInt() : (Object) node.asLong();
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
            problem(path, "out of range: allowed " + rangeText(spec) + ", got " + SectionTypes.numberText(x));
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
