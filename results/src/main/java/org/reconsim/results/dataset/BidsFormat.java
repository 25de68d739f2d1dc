package org.reconsim.results.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.report.RunManifest;

/** {@code bids}: the trial as a BIDS dataset ({@link TrialDatasets#writeBids}); its images need the time series. */
public record BidsFormat() implements DatasetFormat {

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
        List<String> files = new ArrayList<>(TrialDatasets.writeBids(plan, trial, folder));
        // the run manifest is written beside the dataset's own files; tell BIDS tools it is not part of the dataset
        RunManifest.writeAtomically(folder.resolve(".bidsignore"), "manifest.json\n");
        files.add(".bidsignore");
        return List.copyOf(files);
    }
}
