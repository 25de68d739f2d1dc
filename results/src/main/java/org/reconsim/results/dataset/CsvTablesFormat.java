package org.reconsim.results.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;

/**
 * {@code csv}: the tables of {@link TrialTables} without estimates (a dataset is for testing
 * analysis pipelines, not their answers), plus the scan tables ({@link ScanTables}) when the time
 * series were recorded; every table is appended patient by patient.
 */
public record CsvTablesFormat() implements DatasetFormat {

    /**
     * Bytes, measured on {@code generate scenarios/duek-2021.yaml} and rounded up: 60 per
     * time-series row (45 measured), 6,000 per patient for the four tables without scans (4,100 measured).
     */
    private static final long SERIES_ROW_BYTES = 60;
    private static final long PATIENT_BYTES = 6_000;

    @Override
    public List<String> write(TrialPlan plan, TrialOutcome trial, Path folder) {
        return write(plan, TrialPatients.of(trial), folder);
    }

    @Override
    public List<String> write(TrialPlan plan, TrialPatients patients, Path folder) {
        boolean scans = plan.recording().timeSeries();
        try (TrialTables tables = new TrialTables(plan, folder, false);
             ScanTables scanTables = scans ? new ScanTables(plan, folder) : null) {
            patients.forEach(p -> {
                tables.add(patients.replicate(), p);
                if (scanTables != null) {
                    scanTables.add(p);
                }
            });
            tables.commit();
            List<String> files = new ArrayList<>(tables.files());
            if (scanTables != null) {
                scanTables.commit();
                files.addAll(ScanTables.FILES);
            }
            return List.copyOf(files);
        }
    }

    @Override
    public Footprint footprint(TrialPlan plan, int patients) {
        long perPatient = PATIENT_BYTES;
        if (plan.recording().timeSeries()) {
            perPatient += DatasetSizes.scansPerPatient(plan) * DatasetSizes.seriesValuesPerScan() * SERIES_ROW_BYTES;
        }
        return new Footprint(perPatient * patients, DatasetSizes.heapPerPatient(plan));
    }
}
