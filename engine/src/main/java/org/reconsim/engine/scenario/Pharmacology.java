package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;
import org.reconsim.models.pharmacology.Dissociation;
import org.reconsim.models.pharmacology.DrugRegistry;
import org.reconsim.models.pharmacology.DrugType;
import org.reconsim.models.pharmacology.NmdaOccupancy;
import org.reconsim.models.pharmacology.NonspecificEffect;
import org.reconsim.models.pharmacology.PkModel;
import org.reconsim.models.pharmacology.PkModelType;
import org.reconsim.models.pharmacology.Sedation;
import org.reconsim.models.spec.Sections;

/** Pharmacokinetics and receptor occupancy (scenario section {@code pharmacology}). */
public record Pharmacology(
        @Spec(doc = "Ketamine PK model") KetamineModel ketamineModel,
        @Spec(doc = "Inter-individual variability (log-normal)") Variability variability,
        @Spec(doc = "NMDA receptor occupancy") NmdaOccupancy occupancy,
        @Spec(doc = "Scale clearances with (weight/70)^0.75 and volumes with weight/70 (Anderson & Holford 2008)")
        boolean allometricScaling,
        @Spec(doc = "Each registered drug's nonspecific effect (ketamine's dissociation, midazolam's sedation), one section "
                + "per effect", inline = true)
        Sections<NonspecificEffect> effects) {

    public static Pharmacology defaults() {
        return new Pharmacology(KetamineModel.of("clements"), Variability.defaults(), NmdaOccupancy.defaults(), false,
                DrugRegistry.effectDefaults());
    }

    public Dissociation dissociation() {
        return effects.get(Dissociation.class);
    }

    public Sedation sedation() {
        return effects.get(Sedation.class);
    }

    /**
     * The PK model of a drug's arms: for the drug {@code ketamine_model} chooses among, the
     * chosen one; for any other drug its registered default; null for a placebo.
     */
    public PkModel pkModel(DrugType drug) {
        PkModelType chosen = ketamineModel.type();
        if (chosen.drug().equals(drug.label())) {
            return chosen.model();
        }
        return drug.pk() == null ? null : drug.pk().model();
    }

    /** What the drug does to the patient besides the mechanisms, with this scenario's parameters. */
    public NonspecificEffect effectOf(DrugType drug) {
        return drug.effect() == null ? NonspecificEffect.none() : effects.get(drug.effect().section());
    }
}
