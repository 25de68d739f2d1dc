package org.reconsim.results.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.report.RunManifest;

/**
 * {@code bids}: the trial as a BIDS dataset ({@link TrialDatasets#writeBids}), written subject by
 * subject; its images need the time series.
 */
public record BidsFormat() implements DatasetFormat {

    /**
     * Bytes on disk, measured on {@code generate scenarios/duek-2021.yaml --format bids --physio}
     * and rounded up: a gzipped float32 image takes 3.3 bytes per value, a gzipped EDA sample at
     * 5 decimals 2.1 bytes, a run's sidecars, events and derivative rows 2.3 kB.
     */
    private static final double IMAGE_BYTES_PER_VALUE = 4;
    private static final double PHYSIO_BYTES_PER_SAMPLE = 2.5;
    private static final long SCAN_BYTES = 3_000;
    private static final long PATIENT_BYTES = 500;
    private static final long DATASET_BYTES = 20_000;

    @Override
    public boolean needsTimeSeries() {
        return true;
    }

    @Override
    public Optional<String> physioFiles() {
        return Optional.of("BIDS physio files");
    }

    @Override
    public List<String> write(TrialPlan plan, TrialOutcome trial, Path folder) {
        return write(plan, TrialPatients.of(trial), folder);
    }

    @Override
    public List<String> write(TrialPlan plan, TrialPatients patients, Path folder) {
        List<String> files = new ArrayList<>(TrialDatasets.writeBids(plan, patients, folder));
        // the run manifest is written beside the dataset's own files; tell BIDS tools it is not part of the dataset
        RunManifest.writeAtomically(folder.resolve(".bidsignore"), "manifest.json\n");
        files.add(".bidsignore");
        return List.copyOf(files);
    }

    @Override
    public Footprint footprint(TrialPlan plan, int patients) {
        double scan = SCAN_BYTES + IMAGE_BYTES_PER_VALUE * DatasetSizes.seriesValuesPerScan()
                + (plan.recording().physio() ? PHYSIO_BYTES_PER_SAMPLE * DatasetSizes.edaSamplesPerScan() : 0);
        double perPatient = PATIENT_BYTES + DatasetSizes.scansPerPatient(plan) * scan;
        return new Footprint(DATASET_BYTES + (long) Math.ceil(perPatient * patients), DatasetSizes.heapPerPatient(plan));
    }
}
