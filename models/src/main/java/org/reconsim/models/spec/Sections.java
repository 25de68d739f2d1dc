package org.reconsim.models.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One parameters section per member of an open family (mechanisms, say), written inline in
 * the enclosing scenario section under each member's name. A family grows by registering a
 * member; the scenario binder, the JSON Schema, the field reference and the canonical form
 * all read the member sections from here, so none of them names a member.
 *
 * <p>Immutable: {@link #with(String, Object)} returns a copy.
 *
 * @param <T> what the members' parameter records are (their common interface)
 */
public final class Sections<T> {

    /**
     * One member's section.
     *
     * @param name   section name in files (snake_case)
     * @param doc    what the section configures, in the domain's words
     * @param type   the parameters record the section binds to (annotated with {@link Spec})
     * @param value  its current value (the defaults until a file sets it)
     */
    public record Entry<T>(String name, String doc, Class<? extends T> type, T value) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
            if (!type.isInstance(value)) {
                throw new IllegalArgumentException(name + ": value is not a " + type.getSimpleName());
            }
        }
    }

    private final List<Entry<T>> entries;

    private Sections(List<Entry<T>> entries) {
        this.entries = List.copyOf(entries);
        for (int i = 0; i < this.entries.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (this.entries.get(i).name().equals(this.entries.get(j).name())) {
                    throw new IllegalArgumentException("two sections named " + this.entries.get(i).name());
                }
            }
        }
    }

    public static <T> Sections<T> of(List<Entry<T>> entries) {
        return new Sections<>(entries);
    }

    /** The sections, in registration order. */
    public List<Entry<T>> entries() {
        return entries;
    }

    /** The value of the section {@code name}; IllegalArgumentException when there is none. */
    public T get(String name) {
        for (Entry<T> e : entries) {
            if (e.name().equals(name)) {
                return e.value();
            }
        }
        throw new IllegalArgumentException("no section " + name);
    }

    /** The value of the one section whose parameters record is {@code type}. */
    public <P extends T> P get(Class<P> type) {
        for (Entry<T> e : entries) {
            if (e.type() == type) {
                return type.cast(e.value());
            }
        }
        throw new IllegalArgumentException("no section of type " + type.getSimpleName());
    }

    /** A copy with section {@code name} set to {@code value}. */
    public Sections<T> with(String name, T value) {
        List<Entry<T>> out = new ArrayList<>(entries.size());
        boolean found = false;
        for (Entry<T> e : entries) {
            if (e.name().equals(name)) {
                out.add(new Entry<>(name, e.doc(), e.type(), value));
                found = true;
            } else {
                out.add(e);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no section " + name);
        }
        return new Sections<>(out);
    }

    /** A copy with the one section of {@code value}'s record type set to it. */
    public Sections<T> with(T value) {
        for (Entry<T> e : entries) {
            if (e.type() == value.getClass()) {
                return with(e.name(), value);
            }
        }
        throw new IllegalArgumentException("no section of type " + value.getClass().getSimpleName());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sections<?> s && s.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "Sections" + entries;
    }
}
