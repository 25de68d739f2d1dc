package org.reconsim.models.mechanism;

import java.util.List;

/**
 * Adds mechanisms from outside this module (a plug-in jar, a test): list the implementing class
 * in {@code META-INF/services/org.reconsim.models.mechanism.MechanismProvider}. Its mechanisms
 * come after the built-in ones, in class-path order.
 */
public interface MechanismProvider {

    List<MechanismType<?>> mechanisms();
}
