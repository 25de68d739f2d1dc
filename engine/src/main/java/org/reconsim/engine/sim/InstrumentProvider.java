package org.reconsim.engine.sim;

import java.util.List;

/**
 * Adds instruments from outside the engine (a plug-in jar, a test): list the implementing class
 * in {@code META-INF/services/org.reconsim.engine.sim.InstrumentProvider}. Their endpoints come
 * after the built-in ones, in class-path order.
 */
public interface InstrumentProvider {

    List<InstrumentType> instruments();
}
