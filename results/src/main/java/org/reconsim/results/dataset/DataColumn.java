package org.reconsim.results.dataset;

import java.util.Objects;

/**
 * One column of a table reconsim writes, as docs/DATA.md lists it.
 *
 * @param name    header, snake_case
 * @param type    integer, number, text or boolean (TRUE/FALSE in CSV, true/false in BIDS TSV)
 * @param unit    unit, or "-" when dimensionless or categorical
 * @param meaning what the value is
 * @param na      when the cell is NA (n/a in BIDS TSV); "never" when it always holds a value
 */
public record DataColumn(String name, String type, String unit, String meaning, String na) {

    public DataColumn {
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(na, "na");
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be snake_case, got '" + name + "'");
        }
        if (!type.matches("integer|number|text|boolean")) {
            throw new IllegalArgumentException(name + ": type must be integer, number, text or boolean, got '" + type + "'");
        }
    }

    static DataColumn of(String name, String type, String unit, String meaning) {
        return new DataColumn(name, type, unit, meaning, "never");
    }

    static DataColumn of(String name, String type, String unit, String meaning, String na) {
        return new DataColumn(name, type, unit, meaning, na);
    }
}
