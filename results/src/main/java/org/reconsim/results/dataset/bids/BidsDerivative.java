package org.reconsim.results.dataset.bids;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A tidy table (one observation per row) written to {@code derivatives/reconsim/<name>.tsv}, with
 * a {@code <name>.json} data dictionary describing each column, as BIDS asks of any TSV. The
 * derivatives hold what an analyst's pipeline should recover (ROI betas, connectivity) and the
 * latent truth it cannot see, so the pipeline can be scored against both.
 *
 * <p>Cells are Strings, Numbers, Booleans or null (written {@code n/a}); subjects are named
 * {@code sub-<label>} and sessions by their label, so the tables join to {@code participants.tsv}.
 *
 * @param name        file stem, lower-case snake_case, e.g. {@code roi_betas}
 * @param description what the table holds, for the data dictionary
 * @param columns     the columns, in order
 * @param rows        the rows, each with one value per column
 */
public record BidsDerivative(String name, String description, List<Column> columns, List<List<Object>> rows) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * A column of a derivative table.
     *
     * @param name        snake_case header
     * @param description meaning, for the data dictionary
     * @param units       units, or null when dimensionless or categorical
     */
    public record Column(String name, String description, String units) {
        public Column {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("column name must be snake_case, got '" + name + "'");
            }
        }
    }

    private static final Column PARTICIPANT = new Column("participant_id", "subject, as in participants.tsv", null);
    private static final Column SESSION = new Column("session", "session label: pre, post, fu30 or fu90", null);
    private static final Column ROI = new Column("roi", "region of interest, as in the bold sidecar's ReconsimROIs", null);

    /** Per-subject, per-session GLM estimates, e.g. contrast {@code trauma_minus_relax} (docs/TRIALS.md B). */
    public static final List<Column> ROI_BETA_COLUMNS = List.of(PARTICIPANT, SESSION, ROI,
            new Column("contrast", "script condition or contrast, e.g. trauma_minus_relax", null),
            new Column("beta", "parameter estimate of the ROI time series", "arbitrary"));

    /** ROI-to-ROI correlation of the time series within script windows of one type (docs/TRIALS.md B). */
    public static final List<Column> CONNECTIVITY_COLUMNS = List.of(PARTICIPANT, SESSION,
            new Column("roi_a", "first region", null), new Column("roi_b", "second region", null),
            new Column("window", "script windows the correlation is computed in (trial_type)", null),
            new Column("r", "Pearson correlation of the two ROI series within those windows", null));

    /** The latent state the simulator knew, one quantity per row (e.g. trace_strength, fear_expression). */
    public static final List<Column> GROUND_TRUTH_COLUMNS = List.of(PARTICIPANT, SESSION,
            new Column("quantity", "latent quantity of the simulation model (docs/MODEL.md of reconsim)", null),
            new Column("value", "its true value, before measurement noise", "model units"));

    public BidsDerivative {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("derivative name must be snake_case, got '" + name + "'");
        }
        columns = List.copyOf(columns);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copied.add(checkedRow(name, columns.size(), row));
        }
        rows = Collections.unmodifiableList(copied);
    }

    /**
     * {@code row} checked against a table of {@code columns} columns named {@code name}: one
     * value per column, no tab or line break in a text cell; an unmodifiable copy.
     */
    static List<Object> checkedRow(String name, int columns, List<Object> row) {
        if (row.size() != columns) {
            throw new IllegalArgumentException(name + ": row has " + row.size() + " values, table has " + columns + " columns");
        }
        for (Object v : row) {
            if (v instanceof String s) {
                BidsLabels.cell(name + " cell", s);
            }
        }
        // Collections.unmodifiableList, not List.copyOf: null cells (n/a) are allowed
        return Collections.unmodifiableList(new ArrayList<>(row));
    }

    /** The same table without rows: the header and dictionary a stream appends rows to. */
    public BidsDerivative withoutRows() {
        return new BidsDerivative(name, description, columns, List.of());
    }

    /** {@code roi_betas.tsv} with {@link #ROI_BETA_COLUMNS}. */
    public static BidsDerivative roiBetas(List<List<Object>> rows) {
        return new BidsDerivative("roi_betas", "ROI parameter estimates per subject, session and script condition",
                ROI_BETA_COLUMNS, rows);
    }

    /** {@code connectivity.tsv} with {@link #CONNECTIVITY_COLUMNS}. */
    public static BidsDerivative connectivity(List<List<Object>> rows) {
        return new BidsDerivative("connectivity", "ROI-to-ROI correlation within script windows",
                CONNECTIVITY_COLUMNS, rows);
    }

    /** {@code ground_truth.tsv} with {@link #GROUND_TRUTH_COLUMNS}. */
    public static BidsDerivative groundTruth(List<List<Object>> rows) {
        return new BidsDerivative("ground_truth", "latent simulation state per subject and session (not observable)",
                GROUND_TRUTH_COLUMNS, rows);
    }

    /** The header line. */
    List<String> header() {
        return columns.stream().map(Column::name).toList();
    }
}
