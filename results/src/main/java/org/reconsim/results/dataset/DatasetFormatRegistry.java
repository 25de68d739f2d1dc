package org.reconsim.results.dataset;

import org.reconsim.models.spec.Registry;

import java.util.List;
import java.util.Optional;

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
        static final Registry<DatasetFormatType> REGISTRY = Registry.load("dataset format", BUILT_IN, DatasetFormatProvider.class,
                DatasetFormatProvider::formats, t -> t);
    }

    /** Every registered format, built-in ones first. */
    public static List<DatasetFormatType> all() {
        return All.REGISTRY.all();
    }

    /** The registered names, in registry order. */
    public static List<String> labels() {
        return all().stream().map(DatasetFormatType::label).toList();
    }

    public static Optional<DatasetFormatType> byLabel(String label) {
        return all().stream().filter(t -> t.label().equals(label)).findFirst();
    }
}
