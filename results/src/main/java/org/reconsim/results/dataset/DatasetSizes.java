package org.reconsim.results.dataset;

import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.models.measurement.EdaTrace;
import org.reconsim.models.measurement.ScriptTask;

/**
 * What one patient's recorded scans amount to, for the formats' {@link DatasetFormat.Footprint}
 * estimates: a patient has at most one scan per scanned visit (a dropout has fewer), each with an
 * ROI series of {@code ROIs x volumes} values and, with physiology, an EDA trace of
 * {@code duration x sampling rate} samples (Duek 2023 task: 3 x 550 values, 55,000 samples).
 */
final class DatasetSizes {

    /**
     * Heap one patient's recording holds while a format writes it: each series and trace exists
     * as the engine's array, the outcome's defensive copy, the copy handed out and the BIDS run's
     * copy (8 bytes a value); rounded up to 6 copies, plus 64 kB for the patient's other state.
     */
    private static final long COPIES = 6;
    private static final long PATIENT_OVERHEAD = 64 * 1024;

    private DatasetSizes() {
    }

    static int scansPerPatient(TrialPlan plan) {
        return plan.scenario().protocol().visits().scanned().size();
    }

    static long seriesValuesPerScan() {
        return (long) TrialPlan.ROI_COUNT * ScriptTask.duek2023().volumes();
    }

    static long edaSamplesPerScan() {
        return Math.round(ScriptTask.duek2023().durationSeconds() * EdaTrace.DUEK_2023.samplingHz());
    }

    /** Heap bytes one patient's recorded scans take while they are written (see {@link #COPIES}). */
    static long heapPerPatient(TrialPlan plan) {
        long values = 0;
        if (plan.recording().timeSeries()) {
            values += seriesValuesPerScan();
        }
        if (plan.recording().physio()) {
            values += edaSamplesPerScan();
        }
        return PATIENT_OVERHEAD + scansPerPatient(plan) * values * Double.BYTES * COPIES;
    }
}
