package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Named;
import java.util.List;
import org.reconsim.models.pharmacology.PkModelRegistry;
import org.reconsim.models.pharmacology.PkModelType;

/**
 * Which registered ketamine PK model ketamine arms use, written by its name among ketamine's
 * models (clements, domino): a {@link org.reconsim.models.pharmacology.PkModelProvider}
 * registering another ketamine model adds a choice here.
 */
public record KetamineModel(PkModelType type) implements Named {

    /** The drug whose models this field chooses among. */
    static final String DRUG = "ketamine";

    public KetamineModel {
        if (!type.drug().equals(DRUG)) {
            throw new IllegalArgumentException(type + " is not a ketamine model");
        }
    }

    public static List<KetamineModel> values() {
        return PkModelRegistry.forDrug(DRUG).stream().map(KetamineModel::new).toList();
    }

    /** The registered ketamine model named {@code variant}. */
    public static KetamineModel of(String variant) {
        return new KetamineModel(PkModelRegistry.byLabel(DRUG + "-" + variant).orElseThrow(
                () -> new IllegalArgumentException("no ketamine PK model " + variant)));
    }

    @Override
    public String name() {
        return type.variant();
    }
}
