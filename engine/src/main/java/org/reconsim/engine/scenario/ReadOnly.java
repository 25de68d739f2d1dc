package org.reconsim.engine.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Read-only copies for the scenario records' lists. Not {@code List.copyOf}: the loader builds
 * records from defaults whose lists are still null, and from lists holding a null where an
 * element was in error (reported as a problem, never used).
 */
public final class ReadOnly {

    private ReadOnly() {
    }

    public static <T> List<T> list(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** A read-only copy of a list of lists (a matrix written as rows). */
    public static <T> List<List<T>> rows(List<List<T>> rows) {
        if (rows == null) {
            return null;
        }
        List<List<T>> out = new ArrayList<>(rows.size());
        for (List<T> row : rows) {
            out.add(list(row));
        }
        return Collections.unmodifiableList(out);
    }
}
