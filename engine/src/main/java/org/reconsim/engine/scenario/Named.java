package org.reconsim.engine.scenario;

/** An enum whose constants are spelled in scenario files by {@link #label()}. */
public interface Named {
    String label();
}
