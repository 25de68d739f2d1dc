package org.reconsim.models.pharmacology;

import java.util.Objects;

/**
 * The registration of a drug's nonspecific effect: the section of {@code pharmacology} in
 * scenario files that holds its parameters, and the record they bind to. Drugs naming the
 * same section share its parameters.
 *
 * @param section     section name in files (snake_case), e.g. {@code dissociation}
 * @param doc         what the section configures, in the domain's words
 * @param parameters  the record implementing {@link NonspecificEffect}
 * @param defaults    its default parameters (each component's source in its {@code @Spec})
 */
public record NonspecificEffectType<E extends NonspecificEffect>(String section, String doc, Class<E> parameters, E defaults) {

    public NonspecificEffectType {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(defaults, "defaults");
        if (!section.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("effect section must be snake_case: " + section);
        }
        if (!parameters.isRecord()) {
            throw new IllegalArgumentException(section + ": parameters must be a record");
        }
    }
}
