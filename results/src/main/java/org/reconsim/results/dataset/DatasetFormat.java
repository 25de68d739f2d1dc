package org.reconsim.results.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;

/**
 * How {@code reconsim generate} writes one synthetic trial to a folder: tables for analysis
 * pipelines (csv), a BIDS dataset (bids), or a format registered by a plug-in. The format says up
 * front what the simulation must record for it.
 *
 * <p>{@code generate} hands a format the trial's patients one at a time
 * ({@link #write(TrialPlan, TrialPatients, Path)}), simulated as they are asked for, so a format
 * that writes each patient's files before taking the next needs the memory of one patient, whatever
 * the trial's size. A format that needs the whole trial at once implements only
 * {@link #write(TrialPlan, TrialOutcome, Path)}: the default collects the patients for it.
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

    /**
     * Writes the trial whose patients {@code patients} hands out (once, in subject order) into
     * the existing {@code folder}. The default collects them all and calls
     * {@link #write(TrialPlan, TrialOutcome, Path)}; a streaming format overrides it.
     *
     * @return the files written, relative to {@code folder}
     */
    default List<String> write(TrialPlan plan, TrialPatients patients, Path folder) {
        return write(plan, patients.collect(), folder);
    }

    /**
     * What writing {@code patients} patients simulated from {@code plan} is expected to take, for
     * the checks {@code generate} makes before it starts; {@link Footprint#UNKNOWN} skips them.
     */
    default Footprint footprint(TrialPlan plan, int patients) {
        return Footprint.UNKNOWN;
    }

    /**
     * An estimate of a dataset's cost, erring high.
     *
     * @param diskBytes        bytes the dataset's files take, 0 when unknown
     * @param heapBytesPerStep heap the format holds at once while writing (one patient for a streaming
     *                         format, the whole trial otherwise), 0 when unknown
     */
    record Footprint(long diskBytes, long heapBytesPerStep) {

        public static final Footprint UNKNOWN = new Footprint(0, 0);

        public Footprint {
            if (diskBytes < 0 || heapBytesPerStep < 0) {
                throw new IllegalArgumentException("a footprint is not negative: " + diskBytes + " bytes, " + heapBytesPerStep + " bytes");
            }
        }
    }
}
