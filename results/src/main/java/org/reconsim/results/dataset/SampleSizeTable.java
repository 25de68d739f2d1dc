package org.reconsim.results.dataset;

import java.nio.file.Path;
import java.util.List;

import org.reconsim.results.power.PowerRow;
import org.reconsim.results.power.SampleSizeSearch;

/**
 * {@code sample-size.csv} of {@code power --target-power}: per sweep point, the size reaching the
 * target ({@link SampleSizeSearch}) with its 95% interval, what it was sized for, and how many
 * sizes the search simulated. Its columns are documented in {@link ResultDictionary#SAMPLE_SIZE}.
 */
public final class SampleSizeTable {

    public static final List<String> COLUMNS = List.of("target_power", "contrast", "endpoint", "visit", "analysis", "n_per_arm",
            "power", "ci_low", "ci_high", "n_low", "n_high", "replicates", "max_n_per_arm", "sizes_simulated", "sweep_parameter",
            "sweep_value");

    private SampleSizeTable() {
    }

    /** One row per point, {@code searches.get(k)} being the search at {@code points.get(k)}. */
    public static void write(Path file, List<PowerTable.SweepPoint> points, List<SampleSizeSearch> searches) {
        if (points.size() != searches.size()) {
            throw new IllegalArgumentException("one search per point: " + searches.size() + " for " + points.size());
        }
        try (CsvTable t = new CsvTable(file, COLUMNS)) {
            for (int k = 0; k < points.size(); k++) {
                PowerTable.SweepPoint point = points.get(k);
                SampleSizeSearch s = searches.get(k);
                PowerRow e = s.estimate().orElse(null);
                long sizes = point.rows().stream().filter(s.target()::matches).count();
                long replicates = point.rows().stream().filter(s.target()::matches).mapToLong(PowerRow::replicates).max().orElse(0);
                t.row(s.target().power(), s.target().contrast(), s.target().endpoint(), s.target().visit(), s.target().analysis(),
                        e == null ? "NA" : e.nPerArm(), e == null ? Double.NaN : e.power(), e == null ? Double.NaN : e.ciLow(),
                        e == null ? Double.NaN : e.ciHigh(), s.low().map(r -> (Object) r.nPerArm()).orElse("NA"),
                        s.assured().map(r -> (Object) r.nPerArm()).orElse("NA"), replicates, s.searched(), sizes,
                        point.parameter(), point.label());
            }
            t.commit();
        }
    }
}
