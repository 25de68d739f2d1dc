package org.reconsim.models.spec;

import java.util.Locale;

/**
 * A choice spelled in scenario files by {@link #label()}: an enum constant (by default its
 * name in lower case with '-' for '_': {@code TWO_TRACE} is {@code two-trace}), or a member of
 * an open family (a registered mechanism), whose type then offers the registered members as a
 * public static {@code values()} method returning a {@code List}, as an enum offers its constants.
 */
public interface Named {

    String name();

    default String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
