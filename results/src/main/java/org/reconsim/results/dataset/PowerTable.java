package org.reconsim.results.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.reconsim.results.power.PowerRow;

/** {@code power.csv} and its printed form. */
public final class PowerTable {

    public static final List<String> COLUMNS = List.of("n_per_arm", "contrast", "endpoint", "visit", "analysis", "replicates", "rejections",
            "power", "ci_low", "ci_high", "mean_estimate", "sd_estimate", "cp_low", "cp_high", "type_s", "exaggeration_ratio",
            "power_directional", "mean_z", "effect_d", "sweep_parameter", "sweep_value");

    /** The rows of one point of a sweep (parameter "NA" and value NaN without a sweep); the rows are copied. */
    public record SweepPoint(String parameter, double value, List<PowerRow> rows) {

        public SweepPoint {
            rows = List.copyOf(rows);
        }
    }

    public static void write(Path file, List<PowerRow> rows) {
        writeSweep(file, List.of(new SweepPoint("NA", Double.NaN, rows)));
    }

    private PowerTable() {
    }

    public static void writeSweep(Path file, List<SweepPoint> points) {
        try (CsvTable t = new CsvTable(file, COLUMNS)) {
            for (SweepPoint point : points) {
                for (PowerRow r : point.rows()) {
                    t.row(r.nPerArm(), r.contrast(), r.endpoint(), r.visit(), r.analysis(), r.replicates(), r.rejections(), r.power(), r.ciLow(),
                            r.ciHigh(), r.meanEstimate(), r.sdEstimate(), r.cpLow(), r.cpHigh(), r.typeS(), r.exaggeration(),
                            r.powerDirectional(), r.meanZ(), r.effectD(), point.parameter(), point.value());
                }
            }
            t.commit();
        }
    }

    /**
     * The table as aligned text for the terminal; a {@code contrast} column leads when the rows
     * hold more than one contrast (a two-arm trial's one contrast is in the title).
     */
    public static String format(List<PowerRow> rows) {
        boolean contrasts = rows.stream().map(PowerRow::contrast).distinct().count() > 1;
        int width = Math.max(8, rows.stream().mapToInt(r -> r.contrast().length()).max().orElse(0));
        String lead = contrasts ? "%-" + width + "s  " : "";
        StringBuilder s = new StringBuilder();
        if (contrasts) {
            s.append(String.format(Locale.ROOT, lead, "contrast"));
        }
        s.append(String.format(Locale.ROOT, "%9s  %-20s  %-5s  %-8s  %10s  %6s  %-15s  %9s  %13s  %11s  %7s  %8s  %6s  %12s%n",
                "n_per_arm", "endpoint", "visit", "analysis", "replicates", "power", "95% CI (Wilson)", "power_dir", "mean_estimate",
                "sd_estimate", "mean_z", "effect_d", "type_s", "exaggeration"));
        for (PowerRow r : rows) {
            if (contrasts) {
                s.append(String.format(Locale.ROOT, lead, r.contrast()));
            }
            s.append(String.format(Locale.ROOT, "%9d  %-20s  %-5s  %-8s  %10d  %6.3f  [%5.3f, %5.3f]  %9s  %13s  %11s  %7s  %8s  %6s  %12s%n",
                    r.nPerArm(), r.endpoint(), r.visit(), r.analysis(), r.replicates(), r.power(), r.ciLow(), r.ciHigh(),
                    cell(r.powerDirectional(), "%.3f"), cell(r.meanEstimate(), "%.4f"), cell(r.sdEstimate(), "%.4f"),
                    cell(r.meanZ(), "%.2f"), cell(r.effectD(), "%.3f"), cell(r.typeS(), "%.3f"), cell(r.exaggeration(), "%.2f")));
        }
        return s.toString();
    }

    /** A number as the CSV writes an undefined one (NA: no rejections, or no defined estimate), else formatted. */
    private static String cell(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : CsvTable.number(v);
    }
}
