package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Named;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.reconsim.models.spec.Sections;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The complete scenario (defaults filled in) as JSON with keys in sorted order, and its
 * SHA-256: two files that mean the same scenario have the same hash, whatever their
 * formatting, comments, field order or omitted defaults.
 *
 * @param json   compact canonical JSON
 * @param sha256 hex digest of the UTF-8 bytes of {@code json}
 */
public record CanonicalForm(String json, String sha256) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public static CanonicalForm of(Object scenario) {
        String json = JSON.writeValueAsString(toTree(scenario));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return new CanonicalForm(json, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical tree of a scenario value (records, lists, enums, numbers, text). */
    public static JsonNode toTree(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof Named n) {
            return f.stringNode(n.label());
        }
        if (value instanceof String s) {
            return f.stringNode(s);
        }
        if (value instanceof Double d) {
            return f.numberNode(d);
        }
        if (value instanceof Integer i) {
            return f.numberNode(i);
        }
        if (value instanceof Long l) {
            return f.numberNode(l);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof List<?> list) {
            ArrayNode a = f.arrayNode();
            list.forEach(v -> a.add(toTree(v)));
            return a;
        }
        if (value.getClass().isRecord()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (RecordComponent rc : value.getClass().getRecordComponents()) {
                Object component;
                try {
                    component = rc.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (component instanceof Double d && d.isNaN()) {
                    // NaN marks an optional number left unset (e.g. an arm's infusion start): absent, as in the file
                    continue;
                }
                if (SectionTypes.isInline(rc)) {
                    // member sections are fields of this section, as in the file
                    ((Sections<?>) component).entries().forEach(e -> sorted.put(e.name(), toTree(e.value())));
                } else {
                    sorted.put(SectionTypes.fieldName(rc.getName()), toTree(component));
                }
            }
            ObjectNode o = f.objectNode();
            sorted.forEach(o::set);
            return o;
        }
        throw new IllegalArgumentException("not a scenario value: " + value.getClass());
    }
}
