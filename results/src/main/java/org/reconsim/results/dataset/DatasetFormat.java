package org.reconsim.results.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;

/**
 * How {@code reconsim generate} writes one synthetic trial to a folder: tables for analysis
 * pipelines (csv), a BIDS dataset (bids), or a format registered by a plug-in. The trial is
 * simulated before the format sees it, so the format says up front what the simulation must
 * record for it.
 *
 * <p>A new format is one class implementing this interface plus one {@link DatasetFormatType}
 * returned by a {@link DatasetFormatProvider} listed in
 * {@code META-INF/services/org.reconsim.results.dataset.DatasetFormatProvider}.
 */
public interface DatasetFormat {

    /** Whether every scan's ROI time series must be recorded even without --timeseries (images are made of them). */
    default boolean needsTimeSeries() {
        return false;
    }

    /** What this format writes continuous EDA traces as (for --physio), empty when it cannot write them. */
    default Optional<String> physioFiles() {
        return Optional.empty();
    }

    /**
     * Writes {@code trial}, simulated from {@code plan}, into the existing {@code folder}; the
     * run manifest ({@code manifest.json}) is written beside it afterwards.
     *
     * @return the files written, relative to {@code folder}, in the order written
     */
    List<String> write(TrialPlan plan, TrialOutcome trial, Path folder);
}
