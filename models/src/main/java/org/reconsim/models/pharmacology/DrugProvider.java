package org.reconsim.models.pharmacology;

import java.util.List;

/**
 * Adds drugs from outside this module (a plug-in jar, a test): list the implementing class in
 * {@code META-INF/services/org.reconsim.models.pharmacology.DrugProvider}. Its drugs come after
 * the built-in ones, in class-path order; their default PK models join {@link PkModelRegistry}.
 */
public interface DrugProvider {

    List<DrugType> drugs();
}
