package org.reconsim.models.pharmacology;

import java.util.List;
import java.util.Objects;

import org.reconsim.models.spec.Member;

/**
 * The registration of one drug an arm can give: the label scenario files name it by in
 * {@code design.arms[].drug}, its default PK model, whether it occupies NMDA receptors (only
 * then do the mechanisms of docs/MODEL.md section 3 act through it) and its nonspecific effect
 * on the patient.
 *
 * @param label           kebab-case name, e.g. {@code ketamine}
 * @param doc             what the drug is in the trial, in the domain's words
 * @param pk              its default PK model, one of its own; null for a placebo without an
 *                        active substance (saline), whose arms get no exposure
 * @param nmdaAntagonist  whether it occupies NMDA receptors (per {@code pharmacology.occupancy})
 * @param effect          its nonspecific effect's section; null when it has none
 */
public record DrugType(String label, String doc, PkModelType pk, boolean nmdaAntagonist, NonspecificEffectType<?> effect)
        implements Member {

    public DrugType {
        Objects.requireNonNull(doc, "doc");
        Member.kebab("drug", label);
        if (pk != null && !pk.drug().equals(label)) {
            throw new IllegalArgumentException(label + ": default PK model " + pk.label() + " describes another drug");
        }
        if (pk == null && (nmdaAntagonist || effect != null)) {
            throw new IllegalArgumentException(label + ": a drug without a PK model has no concentration to act through");
        }
    }

    /** An inactive placebo: no PK model, no occupancy, no nonspecific effect. */
    public static DrugType placebo(String label, String doc) {
        return new DrugType(label, doc, null, false, null);
    }

    /** The registered drugs, as an enum offers its constants (the scenario binder reads them). */
    public static List<DrugType> values() {
        return DrugRegistry.all();
    }

    /** Whether arms of it receive an active substance (false for a placebo such as saline). */
    public boolean active() {
        return pk != null;
    }

    @Override
    public String toString() {
        return label;
    }
}
