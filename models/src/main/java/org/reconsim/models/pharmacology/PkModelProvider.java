package org.reconsim.models.pharmacology;

import java.util.List;

/**
 * Adds PK models from outside this module (another published model of a registered drug):
 * list the implementing class in
 * {@code META-INF/services/org.reconsim.models.pharmacology.PkModelProvider}. A new drug's own
 * default model needs no provider of its own: it is registered with the drug.
 */
public interface PkModelProvider {

    List<PkModelType> pkModels();
}
