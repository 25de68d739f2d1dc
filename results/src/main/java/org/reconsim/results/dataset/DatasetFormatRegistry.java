package org.reconsim.results.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The formats {@code reconsim generate --format} writes, as Caffeine's simulator registers its
 * policies: csv and bids, then those of every {@link DatasetFormatProvider} on the class path.
 */
public final class DatasetFormatRegistry {

    private static final List<DatasetFormatType> BUILT_IN = List.of(
            new DatasetFormatType("csv", "long CSV tables: observations, subjects, ground truth, sessions (and with --timeseries "
                    + "the ROI time series and connectivity)", new CsvTablesFormat()),
            new DatasetFormatType("bids", "a BIDS dataset with NIfTI images of the ROI time series, events, physiology and "
                    + "derivatives", new BidsFormat()));

    private DatasetFormatRegistry() {
    }

    /** Holder idiom: the providers are looked up once, on first use, and never change after. */
    private static final class All {
        static final List<DatasetFormatType> TYPES = load();

        private static List<DatasetFormatType> load() {
            List<DatasetFormatType> all = new ArrayList<>(BUILT_IN);
            for (DatasetFormatProvider p : ServiceLoader.load(DatasetFormatProvider.class, DatasetFormatRegistry.class.getClassLoader())) {
                for (DatasetFormatType t : p.formats()) {
                    if (all.stream().anyMatch(o -> o.label().equals(t.label()))) {
                        throw new IllegalStateException("dataset format registered twice: " + t.label());
                    }
                    all.add(t);
                }
            }
            return List.copyOf(all);
        }
    }

    /** Every registered format, built-in ones first. */
    public static List<DatasetFormatType> all() {
        return All.TYPES;
    }

    /** The registered names, in registry order. */
    public static List<String> labels() {
        return all().stream().map(DatasetFormatType::label).toList();
    }

    public static Optional<DatasetFormatType> byLabel(String label) {
        return all().stream().filter(t -> t.label().equals(label)).findFirst();
    }
}
