package org.reconsim.results.dataset;

import java.util.List;

/**
 * One table reconsim writes, with its columns, for docs/DATA.md.
 *
 * @param commands    the commands that write it, e.g. {@code run, generate}
 * @param file        file name, e.g. {@code subjects.csv}
 * @param rows        what one row is
 * @param columns     the fixed columns, in order
 * @param moreColumns what columns follow the fixed ones (named by the run), or null when none do
 */
public record DataTable(String commands, String file, String rows, List<DataColumn> columns, String moreColumns) {

    public DataTable {
        columns = List.copyOf(columns);
    }

    /** The fixed columns' names, in order: the header a writer writes (before any run-named columns). */
    public List<String> names() {
        return columns.stream().map(DataColumn::name).toList();
    }

    /** The column named {@code name}. */
    public DataColumn column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " has no column " + name));
    }
}
