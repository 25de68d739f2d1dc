package org.reconsim.models.pharmacology;

/**
 * What a drug does to the patient besides acting on memory through the mechanisms: the
 * nonspecific effects at the infusion's peak concentration, which only unblind patients and
 * so move self-reported scores (mechanisms.nonspecific; Feder 2014: midazolam is the active
 * placebo because it sedates, as ketamine dissociates). These are the channels the outcome
 * model reads; every hook defaults to none (0), so a drug's effect record overrides only the
 * channels it acts through, and a drug without one (saline) has {@link #none()}.
 *
 * <p>A new drug brings its own effect as a record implementing this interface, its components
 * annotated with {@link org.reconsim.models.spec.Spec} (they become its section under
 * {@code pharmacology}), registered with the drug as a {@link NonspecificEffectType}.
 */
public interface NonspecificEffect {

    /** Dissociation, a CADSS-like score on 0..1, at a plasma concentration in ng/mL. */
    default double dissociation(double ngPerMl) {
        return 0;
    }

    /** Sedation on 0..1 at a plasma concentration in ng/mL. */
    default double sedation(double ngPerMl) {
        return 0;
    }

    /** No nonspecific effect: an inactive placebo. */
    static NonspecificEffect none() {
        return new None();
    }

    /** The effect of no drug. */
    record None() implements NonspecificEffect {
    }
}
