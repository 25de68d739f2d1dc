package org.reconsim.results.dataset;

import java.nio.file.Path;
import java.util.List;

import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.models.measurement.Roi;
import org.reconsim.models.measurement.ScriptTask;

/**
 * The recorded scans as long CSV tables, appended patient by patient: {@code timeseries.csv} (one
 * row per subject, visit, volume and ROI) and {@code connectivity.csv} (one row per subject, visit
 * and ROI pair). Like {@link CsvTable}, written under {@code .partial} names and renamed by
 * {@link #commit()}.
 */
public final class ScanTables implements AutoCloseable {

    public static final List<String> FILES = List.of("timeseries.csv", "connectivity.csv");
    public static final List<String> TIMESERIES = DataDictionary.TIMESERIES.names();
    public static final List<String> CONNECTIVITY = DataDictionary.CONNECTIVITY.names();

    private final TrialPlan plan;
    private final double tr = ScriptTask.duek2023().trSeconds();
    private final CsvTable series;
    private final CsvTable connectivity;

    public ScanTables(TrialPlan plan, Path folder) {
        this.plan = plan;
        this.series = new CsvTable(folder.resolve(FILES.get(0)), TIMESERIES);
        CsvTable conn;
        try {
            conn = new CsvTable(folder.resolve(FILES.get(1)), CONNECTIVITY);
        } catch (RuntimeException e) {
            series.close();
            throw e;
        }
        this.connectivity = conn;
    }

    /** Appends one patient's scans. */
    public void add(PatientOutcome p) {
        String arm = plan.arms().get(p.arm()).name();
        for (PatientOutcome.ScanRecord s : p.scans()) {
            String visit = s.scanVisit().label();
            double[][] roiSeries = s.roiSeries();
            for (int k = 0; k < roiSeries.length; k++) {
                double[] y = roiSeries[k];
                String roi = TrialDatasets.roiName(Roi.values()[k]);
                for (int t = 0; t < y.length; t++) {
                    series.row(p.subjectId(), arm, visit, t, t * tr, roi, y[t]);
                }
            }
            for (Roi.Pair pair : Roi.Pair.values()) {
                connectivity.row(p.subjectId(), arm, visit, TrialDatasets.pairName(pair), s.connectivity(pair), s.coupling(pair));
            }
        }
    }

    /** Renames both tables into place. */
    public void commit() {
        series.commit();
        connectivity.commit();
    }

    @Override
    public void close() {
        series.close();
        connectivity.close();
    }
}
