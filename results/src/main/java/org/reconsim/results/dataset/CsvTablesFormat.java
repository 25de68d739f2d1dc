package org.reconsim.results.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.power.TrialResults;

/**
 * {@code csv}: the tables of {@link TrialTables} without estimates (a dataset is for testing
 * analysis pipelines, not their answers), plus the scan tables when the time series were recorded.
 */
public record CsvTablesFormat() implements DatasetFormat {

    @Override
    public List<String> write(TrialPlan plan, TrialOutcome trial, Path folder) {
        List<String> files = new ArrayList<>();
        try (TrialTables tables = new TrialTables(plan, folder, false)) {
            tables.add(trial, (TrialResults) null);
            tables.commit();
            files.addAll(tables.files());
        }
        if (plan.recording().timeSeries()) {
            files.addAll(TrialDatasets.writeScanTables(plan, trial, folder));
        }
        return List.copyOf(files);
    }
}
