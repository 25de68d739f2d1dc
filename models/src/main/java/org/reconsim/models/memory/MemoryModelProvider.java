package org.reconsim.models.memory;

import java.util.List;

/**
 * Adds memory models from outside this module (a plug-in jar, a test): list the implementing
 * class in {@code META-INF/services/org.reconsim.models.memory.MemoryModelProvider}. Its models
 * come after the built-in ones, in class-path order.
 */
public interface MemoryModelProvider {

    List<MemoryModel<?>> memoryModels();
}
