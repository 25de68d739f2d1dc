package org.reconsim.models.mechanism;

import java.util.List;
import java.util.Objects;

import org.reconsim.models.spec.Member;

/**
 * The registration of one mechanism: the label scenario files name it by in
 * {@code mechanisms.active}, what it claims, and its parameters record with defaults. The
 * parameters section in files is the label with '_' for '-'.
 *
 * @param label       kebab-case name, e.g. {@code restabilization-blockade}
 * @param doc         the hypothesis in the domain's words
 * @param parameters  the record implementing {@link Mechanism}
 * @param defaults    its default strengths (each component's source in its {@code @Spec})
 */
public record MechanismType<M extends Mechanism>(String label, String doc, Class<M> parameters, M defaults) implements Member {

    public MechanismType {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(defaults, "defaults");
        Member.kebab("mechanism", label);
        if (!parameters.isRecord()) {
            throw new IllegalArgumentException(label + ": parameters must be a record");
        }
    }

    /** The registered mechanisms, as an enum offers its constants (the scenario binder reads them). */
    public static List<MechanismType<?>> values() {
        return MechanismRegistry.all();
    }

    /** The section name of the parameters in scenario files. */
    public String section() {
        return label.replace('-', '_');
    }

    @Override
    public String toString() {
        return label;
    }
}
