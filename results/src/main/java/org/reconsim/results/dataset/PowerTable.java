package org.reconsim.results.dataset;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reconsim.results.power.PowerRow;
import org.reconsim.results.power.SweepValues;
import org.reconsim.results.stats.UndefinedReason;

/**
 * {@code power.csv} and its printed form. Power is rejections over every replicate: an analysis
 * that was undefined on a virtual trial ({@code failed}, with {@code failure_rate} and the
 * {@code failure_reasons}) counts as not significant, and the printed table says so whenever it
 * happened ({@link #failureNote}).
 */
public final class PowerTable {

    public static final List<String> COLUMNS = List.of("n_per_arm", "contrast", "endpoint", "visit", "analysis", "replicates", "rejections",
            "failed", "failure_rate", "failure_reasons", "power", "ci_low", "ci_high", "mean_estimate", "sd_estimate", "cp_low", "cp_high",
            "type_s", "exaggeration_ratio", "power_directional", "mean_z", "effect_d", "sweep_parameter", "sweep_value");

    /** The rows of one point of a sweep (parameter "NA" and value NaN without a sweep); the rows are copied. */
    public record SweepPoint(String parameter, double value, List<PowerRow> rows) {

        public SweepPoint {
            rows = List.copyOf(rows);
        }

        /** The value as written in power.csv, the console and the report ({@link SweepValues#label}). */
        public String label() {
            return SweepValues.label(value);
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
                    t.row(r.nPerArm(), r.contrast(), r.endpoint(), r.visit(), r.analysis(), r.replicates(), r.rejections(), r.failed(),
                            r.failureRate(), r.failureCodes().isEmpty() ? "NA" : r.failureCodes(), r.power(), r.ciLow(), r.ciHigh(),
                            r.meanEstimate(), r.sdEstimate(), r.cpLow(), r.cpHigh(), r.typeS(), r.exaggeration(), r.powerDirectional(),
                            r.meanZ(), r.effectD(), point.parameter(), point.label());
                }
            }
            t.commit();
        }
    }

    /**
     * The table as aligned text for the terminal; a {@code contrast} column leads when the rows
     * hold more than one contrast (a two-arm trial's one contrast is in the title). {@code failed}
     * is the count of replicates whose analysis was undefined, with its share when not 0.
     */
    public static String format(List<PowerRow> rows) {
        boolean contrasts = rows.stream().map(PowerRow::contrast).distinct().count() > 1;
        int width = Math.max(8, rows.stream().mapToInt(r -> r.contrast().length()).max().orElse(0));
        String lead = contrasts ? "%-" + width + "s  " : "";
        StringBuilder s = new StringBuilder();
        if (contrasts) {
            s.append(String.format(Locale.ROOT, lead, "contrast"));
        }
        s.append(String.format(Locale.ROOT, "%9s  %-20s  %-5s  %-8s  %10s  %11s  %6s  %-15s  %9s  %13s  %11s  %7s  %8s  %6s  %12s%n",
                "n_per_arm", "endpoint", "visit", "analysis", "replicates", "failed", "power", "95% CI (Wilson)", "power_dir",
                "mean_estimate", "sd_estimate", "mean_z", "effect_d", "type_s", "exaggeration"));
        for (PowerRow r : rows) {
            if (contrasts) {
                s.append(String.format(Locale.ROOT, lead, r.contrast()));
            }
            s.append(String.format(Locale.ROOT, "%9d  %-20s  %-5s  %-8s  %10d  %11s  %6.3f  [%5.3f, %5.3f]  %9s  %13s  %11s  %7s  %8s  %6s  %12s%n",
                    r.nPerArm(), r.endpoint(), r.visit(), r.analysis(), r.replicates(), failed(r), r.power(), r.ciLow(), r.ciHigh(),
                    cell(r.powerDirectional(), "%.3f"), cell(r.meanEstimate(), "%.4f"), cell(r.sdEstimate(), "%.4f"),
                    cell(r.meanZ(), "%.2f"), cell(r.effectD(), "%.3f"), cell(r.typeS(), "%.3f"), cell(r.exaggeration(), "%.2f")));
        }
        return s.toString();
    }

    /** The failed count, and its share of the replicates when there are any: {@code 108 (54.0%)}. */
    static String failed(PowerRow r) {
        if (r.failed() == 0) {
            return "0";
        }
        double percent = 100.0 * r.failureRate();
        return String.format(Locale.ROOT, percent < 0.1 ? "%d (<0.1%%)" : "%d (%.1f%%)", r.failed(), percent);
    }

    /**
     * Lines saying how often analyses failed and what that does to power, or an empty string when
     * none did: the largest failure rate (and where), the reasons with their counts over all rows,
     * and the convention that an undefined analysis counts as not significant.
     */
    public static String failureNote(List<PowerRow> rows) {
        PowerRow worst = null;
        Map<UndefinedReason, Long> reasons = new EnumMap<>(UndefinedReason.class);
        for (PowerRow r : rows) {
            if (r.failed() > 0 && (worst == null || r.failureRate() > worst.failureRate())) {
                worst = r;
            }
            r.failures().forEach((reason, k) -> reasons.merge(reason, k, Long::sum));
        }
        if (worst == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Failed analyses: up to %.1f%% of the virtual trials (%d of %d: %s, %d per arm, %s at %s). An analysis that could "
                        + "not be carried out counts as not significant: power = rejections / all replicates, failed ones included.%n",
                100 * worst.failureRate(), worst.failed(), worst.replicates(), worst.analysis(), worst.nPerArm(), worst.endpoint(),
                worst.visit()));
        if (!reasons.isEmpty()) {
            s.append("Why, over all rows:");
            String sep = " ";
            for (Map.Entry<UndefinedReason, Long> e : reasons.entrySet()) {
                s.append(sep).append(e.getKey().code()).append(' ').append(e.getValue()).append(" (").append(e.getKey().description())
                        .append(')');
                sep = "; ";
            }
            s.append(String.format(Locale.ROOT, ". Per trial: replicates.csv (--replicate-table), column failure.%n"));
        }
        return s.toString();
    }

    /** A number as the CSV writes an undefined one (NA: no rejections, or no defined estimate), else formatted. */
    private static String cell(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : CsvTable.number(v);
    }
}
