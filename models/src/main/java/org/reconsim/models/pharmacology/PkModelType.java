package org.reconsim.models.pharmacology;

import java.util.List;
import java.util.Objects;

import org.reconsim.models.spec.Named;

/**
 * The registration of one population PK model: the drug it describes, its name among that
 * drug's models (what scenario files write, e.g. {@code pharmacology.ketamine_model: domino}),
 * the literature it comes from and the compartment model itself.
 *
 * @param drug     label of the drug it describes, e.g. {@code ketamine}
 * @param variant  its name among the drug's models, e.g. {@code clements}
 * @param doc      source and structure, in the domain's words
 * @param model    the compartment model with its literature parameters
 */
public record PkModelType(String drug, String variant, String doc, PkModel model) implements Named {

    public PkModelType {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(model, "model");
        for (String part : new String[] {drug, variant}) {
            if (part == null || !part.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("PK model drug and variant must be kebab-case: " + drug + ", " + variant);
            }
        }
    }

    /** The registered PK models, as an enum offers its constants. */
    public static List<PkModelType> values() {
        return PkModelRegistry.all();
    }

    /** Registry-wide name, e.g. {@code ketamine-clements}. */
    @Override
    public String label() {
        return drug + "-" + variant;
    }

    @Override
    public String name() {
        return label();
    }

    @Override
    public String toString() {
        return label();
    }
}
