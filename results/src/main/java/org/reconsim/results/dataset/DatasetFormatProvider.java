package org.reconsim.results.dataset;

import java.util.List;

/**
 * Adds dataset formats from outside this module (a plug-in jar, a test): list the implementing
 * class in {@code META-INF/services/org.reconsim.results.dataset.DatasetFormatProvider}. Its
 * formats come after the built-in ones, in class-path order.
 */
public interface DatasetFormatProvider {

    List<DatasetFormatType> formats();
}
