package org.reconsim.engine.sim;

import java.util.List;
import java.util.Objects;

/**
 * The registration of one instrument: its name, the endpoints it reports (label and meaning,
 * in table order), its parameters record (its {@code measurement.<name>} scenario section, with
 * {@code @Spec} components and defaults) and the instrument itself.
 *
 * @param name        kebab-case name
 * @param doc         what it measures
 * @param endpoints   the endpoints it reports
 * @param parameters  its parameters record, or null when it has none of its own (the built-in
 *                    instruments read the fixed measurement fields)
 * @param defaults    the parameters' defaults (null with no parameters)
 * @param instrument  the instrument
 */
public record InstrumentType(String name, String doc, List<EndpointDeclaration> endpoints, Class<? extends Record> parameters,
                             Record defaults, Instrument instrument) {

    /** An endpoint as an instrument declares it. */
    public record EndpointDeclaration(String label, String doc) {
    }

    public InstrumentType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(instrument, "instrument");
        endpoints = List.copyOf(endpoints);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("instrument name must be kebab-case: " + name);
        }
        if ((parameters == null) != (defaults == null) || parameters != null && !parameters.isInstance(defaults)) {
            throw new IllegalArgumentException(name + ": parameters and defaults go together");
        }
    }

    /** The name of its scenario section under {@code measurement}. */
    public String section() {
        return name.replace('-', '_');
    }
}
