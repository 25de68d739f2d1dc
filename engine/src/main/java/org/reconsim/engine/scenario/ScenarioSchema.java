package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;
import org.reconsim.models.spec.Named;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.reconsim.models.spec.Sections;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scenario format described from the records themselves: a JSON Schema (draft 2020-12)
 * for editors and a Markdown field reference for people. Both come from the same
 * {@link Spec} annotations and {@code defaults()} methods the binder uses.
 */
public final class ScenarioSchema {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ScenarioSchema() {
    }

    /** The JSON Schema as indented text. */
    public static String jsonSchema() {
        return jsonSchema(Scenario.class, Scenario.defaults(), "https://reconsim.org/scenario.schema.json", "reconsim scenario",
                "A virtual reconsolidation trial: design, protocol, population, models, analysis. "
                + "Generated from the scenario records by 'reconsim schema'; do not edit by hand.");
    }

    /** The JSON Schema of another file format bound from {@code @Spec} records (a target file), as indented text. */
    public static String jsonSchema(Class<?> type, Object defaults, String id, String title, String description) {
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", id);
        root.put("title", title);
        root.put("description", description);
        ObjectNode body = recordSchema(type, defaults);
        body.properties().forEach(e -> root.set(e.getKey(), e.getValue()));
        return JSON.writeValueAsString(root) + "\n";
    }

    private static ObjectNode recordSchema(Class<?> type, Object defaults) {
        ObjectNode o = F.objectNode();
        o.put("type", "object");
        o.put("additionalProperties", false);
        ObjectNode props = o.putObject("properties");
        ArrayNode required = F.arrayNode();
        for (RecordComponent rc : type.getRecordComponents()) {
            String name = SectionTypes.fieldName(rc.getName());
            Spec spec = rc.getAnnotation(Spec.class);
            Object def = defaults == null ? null : read(rc, defaults);
            if (SectionTypes.isInline(rc)) {
                for (Sections.Entry<?> e : ((Sections<?>) def).entries()) {
                    ObjectNode member = recordSchema(e.type(), e.value());
                    member.put("description", e.doc());
                    props.set(e.name(), member);
                }
                continue;
            }
            ObjectNode p = typeSchema(rc.getGenericType(), spec, def);
            if (spec != null) {
                p.put("description", description(spec));
                if (spec.required()) {
                    required.add(name);
                }
            }
            // sections have no default of their own; a choice does, even when its members are
            // registration records (memory.model)
            boolean section = rc.getType().isRecord() && !SectionTypes.isChoice(rc.getType());
            if (def != null && !(def instanceof Double d && d.isNaN()) && !section) {
                p.set("default", CanonicalForm.toTree(def));
            }
            props.set(name, p);
        }
        if (!required.isEmpty()) {
            o.set("required", required);
        }
        return o;
    }

    private static ObjectNode typeSchema(Type type, Spec spec, Object def) {
        Class<?> raw = raw(type);
        ObjectNode p = F.objectNode();
        if (SectionTypes.isChoice(raw)) {
            ArrayNode values = p.putArray("enum");
            SectionTypes.labels(raw).forEach(values::add);
            return p;
        }
        if (raw.isRecord()) {
            Object nested = def != null ? def : SectionTypes.defaultsOf(raw);
            return recordSchema(raw, nested);
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            p.put("type", "array");
            p.set("items", typeSchema(element, null, SectionTypes.defaultsOf(raw(element))));
            if (spec != null && spec.minItems() > 0) {
                p.put("minItems", spec.minItems());
            }
            if (spec != null && spec.maxItems() != Integer.MAX_VALUE) {
                p.put("maxItems", spec.maxItems());
            }
            return p;
        }
        if (raw == String.class) {
            p.put("type", "string");
            return p;
        }
        if (raw == boolean.class) {
            p.put("type", "boolean");
            return p;
        }
        p.put("type", raw == double.class || raw == Double.class ? "number" : "integer");
        if (spec != null) {
            if (spec.min() != Double.NEGATIVE_INFINITY) {
                p.set(spec.minExclusive() ? "exclusiveMinimum" : "minimum", number(spec.min()));
            }
            if (spec.max() != Double.POSITIVE_INFINITY) {
                p.set(spec.maxExclusive() ? "exclusiveMaximum" : "maximum", number(spec.max()));
            }
        }
        return p;
    }

    private static JsonNode number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? F.numberNode((long) x) : F.numberNode(x);
    }

    private static String description(Spec spec) {
        StringBuilder s = new StringBuilder(spec.doc());
        if (!spec.unit().isEmpty()) {
            s.append(" [").append(spec.unit()).append(']');
        }
        if (!spec.source().isEmpty()) {
            s.append(". Default: ").append(spec.source());
        }
        return s.toString();
    }

    /** The field reference as Markdown: one table row per field, in file order. */
    public static String markdownReference() {
        return markdownReference(Scenario.class, Scenario.defaults());
    }

    /** The field reference of another file format bound from {@code @Spec} records (a target file). */
    public static String markdownReference(Class<?> type, Object defaults) {
        StringBuilder s = new StringBuilder();
        s.append("| field | type | unit | default | allowed | meaning; source of the default |\n");
        s.append("|---|---|---|---|---|---|\n");
        rows(s, type, defaults, "", "");
        return s.toString();
    }

    private static void rows(StringBuilder s, Class<?> type, Object defaults, String prefix, String parentSource) {
        for (RecordComponent rc : type.getRecordComponents()) {
            String path = prefix + SectionTypes.fieldName(rc.getName());
            Spec spec = rc.getAnnotation(Spec.class);
            Object def = defaults == null ? null : read(rc, defaults);
            Class<?> raw = rc.getType();
            // distribution parameters inherit the source of the distribution they belong to
            String source = spec == null || spec.source().isEmpty() ? parentSource : spec.source();
            String meaning = spec == null ? "" : spec.doc() + (source.isEmpty() ? "" : "; " + source);
            if (SectionTypes.isInline(rc)) {
                for (Sections.Entry<?> e : ((Sections<?>) def).entries()) {
                    s.append(row(prefix + e.name(), "section", "", "", "", e.doc()));
                    rows(s, e.type(), e.value(), prefix + e.name() + ".", "");
                }
                continue;
            }
            boolean choice = SectionTypes.isChoice(raw);
            if (raw.isRecord() && !choice) {
                s.append(row(path, "section", "", spec != null && spec.required() ? "required" : "", "", meaning));
                rows(s, raw, def != null ? def : SectionTypes.defaultsOf(raw), path + ".",
                        spec == null ? "" : spec.source());
                continue;
            }
            if (raw == List.class) {
                Class<?> element = raw(((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[0]);
                String items = spec == null ? "" : spec.minItems() == spec.maxItems() ? "exactly " + spec.minItems() + " entries"
                        : spec.minItems() > 0 ? "at least " + spec.minItems() + " entries" : "";
                if (element.isRecord() && !SectionTypes.isChoice(element)) {
                    s.append(row(path, "list of sections", "", required(spec, def), items, meaning));
                    rows(s, element, SectionTypes.defaultsOf(element), path + "[].", "");
                } else {
                    String allowed = SectionTypes.isChoice(element) ? "any of " + String.join(", ", SectionTypes.labels(element)) : "";
                    s.append(row(path, "list", "", required(spec, def), (items + " " + allowed).trim(), meaning));
                }
                continue;
            }
            String kind = choice ? "choice" : raw == String.class ? "text" : raw == boolean.class ? "true or false"
                    : raw == double.class || raw == Double.class ? "number" : "whole number";
            String allowed = choice ? String.join(", ", SectionTypes.labels(raw))
                    : spec != null && (raw == double.class || raw == Double.class || raw == int.class || raw == long.class)
                    ? SectionTypes.rangeText(spec) : "";
            if ("x".equals(allowed)) {
                allowed = "";
            }
            s.append(row(path, kind, spec == null ? "" : spec.unit(), required(spec, def), allowed, meaning));
        }
    }

    private static String required(Spec spec, Object def) {
        if (spec != null && spec.required()) {
            return "required";
        }
        if (def == null || def instanceof Double d && d.isNaN()) {
            return "";
        }
        if (def instanceof Double d) {
            return SectionTypes.numberText(d);
        }
        if (def instanceof Named n) {
            return n.label();
        }
        if (def instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(v -> parts.add(v instanceof Named n ? n.label() : String.valueOf(v)));
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(def).isEmpty() ? "\"\"" : String.valueOf(def);
    }

    private static String row(String path, String kind, String unit, String def, String allowed, String meaning) {
        return String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %s |%n", path, kind, unit, def,
                allowed.replace("|", "\\|"), meaning.replace("|", "\\|"));
    }

    private static Object read(RecordComponent rc, Object record) {
        try {
            return rc.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
