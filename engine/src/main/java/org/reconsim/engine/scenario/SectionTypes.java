package org.reconsim.engine.scenario;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.reconsim.models.spec.Named;
import org.reconsim.models.spec.Sections;
import org.reconsim.models.spec.Spec;

/**
 * What a scenario section looks like, read from its record type: field names in files
 * (snake_case), choices (enums and registered families), inline member sections, defaults and
 * allowed ranges. The binder, the canonical form and the schema all read sections through
 * this one description, so they cannot disagree.
 */
final class SectionTypes {

    private SectionTypes() {
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
                Object v = value != null ? read(rc, value) : read(rc, defaultsOf(type));
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

    static Object zero(Class<?> type) {
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

    static Class<?> rawClass(Type type) {
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

    /** The value of a record component. */
    static Object read(RecordComponent rc, Object record) {
        try {
            return rc.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
