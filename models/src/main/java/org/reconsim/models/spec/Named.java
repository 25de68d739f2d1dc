package org.reconsim.models.spec;

import java.util.Locale;

/**
 * An enum whose constants are spelled in scenario files by {@link #label()}: by default the
 * constant's name in lower case with '-' for '_' ({@code TWO_TRACE} is {@code two-trace}).
 */
public interface Named {

    String name();

    default String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
