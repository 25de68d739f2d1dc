package org.reconsim.results.sensitivity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.reconsim.results.dataset.CsvTable;

/**
 * sensitivity.csv (one row per varied field: its indices with their bootstrap intervals, and the
 * analysis' N, R, output and output variance), evaluations.csv (every evaluated point: its row,
 * matrix, field values and output) and the table printed on the terminal.
 */
public final class SensitivityTable {

    public static final List<String> COLUMNS = List.of("field", "prior", "first_order", "first_low", "first_high", "total", "total_low",
            "total_high", "samples", "replicates", "output", "variance");

    /**
     * What was varied and what was read.
     *
     * @param fields      the varied fields, in input order
     * @param priors      each field's prior as written
     * @param replicates  virtual trials per point (0 for a model that is not a trial)
     * @param output      the output's description, e.g. {@code mean_z of amygdala at post (...)}
     */
    public record Labels(List<String> fields, List<String> priors, int replicates, String output) {
        public Labels {
            fields = List.copyOf(fields);
            priors = List.copyOf(priors);
        }
    }

    private SensitivityTable() {
    }

    public static void write(Path file, Labels labels, SobolIndices.Result result) {
        try (CsvTable t = new CsvTable(file, COLUMNS)) {
            for (int i = 0; i < labels.fields().size(); i++) {
                SobolIndices.Index x = result.indices().get(i);
                t.row(labels.fields().get(i), labels.priors().get(i), x.first(), x.firstLow(), x.firstHigh(), x.total(), x.totalLow(),
                        x.totalHigh(), result.rows(), labels.replicates(), labels.output(), result.variance());
            }
            t.commit();
        }
    }

    /** Every evaluation: row j, matrix (A, B or AB:field), the field values at the point and the output there. */
    public static void writeEvaluations(Path file, Labels labels, SaltelliDesign design, double[] evaluations,
                                        java.util.function.Function<double[], double[]> values) {
        List<String> header = new ArrayList<>(List.of("row", "matrix"));
        header.addAll(labels.fields());
        header.add("output");
        try (CsvTable t = new CsvTable(file, header)) {
            for (int e = 0; e < design.evaluations(); e++) {
                int m = e % design.matrices();
                List<Object> row = new ArrayList<>();
                row.add(e / design.matrices());
                row.add(m == 0 ? "A" : m == 1 ? "B" : "AB:" + labels.fields().get(m - 2));
                for (double v : values.apply(design.point(e))) {
                    row.add(v);
                }
                row.add(evaluations[e]);
                t.row(row.toArray());
            }
            t.commit();
        }
    }

    /** The indices as aligned text, fields in input order. */
    public static String format(Labels labels, SobolIndices.Result result) {
        int width = Math.max(5, labels.fields().stream().mapToInt(String::length).max().orElse(5));
        String lead = "%-" + width + "s";
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, lead + "  %11s  %-17s  %7s  %-17s%n", "field", "first order", "95% interval", "total",
                "95% interval"));
        for (int i = 0; i < labels.fields().size(); i++) {
            SobolIndices.Index x = result.indices().get(i);
            s.append(String.format(Locale.ROOT, lead + "  %11s  %-17s  %7s  %-17s%n", labels.fields().get(i), cell(x.first()),
                    interval(x.firstLow(), x.firstHigh()), cell(x.total()), interval(x.totalLow(), x.totalHigh())));
        }
        return s.toString();
    }

    private static String interval(double lo, double hi) {
        return Double.isNaN(lo) ? "NA" : "[" + cell(lo) + ", " + cell(hi) + "]";
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "NA";
    }
}
