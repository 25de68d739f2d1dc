package org.reconsim.results.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.models.measurement.EdaTrace;
import org.reconsim.models.measurement.Roi;
import org.reconsim.models.measurement.ScriptEvent;
import org.reconsim.models.measurement.ScriptTask;
import org.reconsim.results.dataset.bids.BidsDataset;
import org.reconsim.results.dataset.bids.BidsDerivative;
import org.reconsim.results.dataset.bids.BidsEvent;
import org.reconsim.results.dataset.bids.BidsParticipant;
import org.reconsim.results.dataset.bids.BidsRun;
import org.reconsim.results.dataset.bids.BidsWriter;

/**
 * Synthetic datasets from one virtual trial: the recorded scans as CSV tables
 * ({@code timeseries.csv}, {@code connectivity.csv}) or the whole trial as a BIDS dataset.
 */
public final class TrialDatasets {

    private static final List<String> ROI_NAMES = List.of("amygdala", "hippocampus", "vmpfc");
    private static final String[] CONDITIONS = {"trauma", "sad", "relax"};

    private TrialDatasets() {
    }

    static String participant(PatientOutcome p) {
        return String.format(Locale.ROOT, "%03d", p.subjectId());
    }

    /** ROI_NAMES follow Roi's declaration order, which is also the order of a scan's series and GLM rows. */
    static String roiName(Roi roi) {
        return ROI_NAMES.get(roi.ordinal());
    }

    static String pairName(Roi.Pair pair) {
        return roiName(pair.first()) + "_" + roiName(pair.second());
    }

    /** Long tables of the recorded ROI time series and window connectivity; returns the files written. */
    public static List<String> writeScanTables(TrialPlan plan, TrialOutcome trial, Path folder) {
        double tr = ScriptTask.duek2023().trSeconds();
        try (CsvTable series = new CsvTable(folder.resolve("timeseries.csv"), List.of("subject_id", "arm", "visit", "volume",
                "seconds", "roi", "value"));
             CsvTable conn = new CsvTable(folder.resolve("connectivity.csv"), List.of("subject_id", "arm", "visit", "roi_pair",
                     "fisher_z_trauma_minus_relax", "latent_coupling"))) {
            for (PatientOutcome p : trial.patients()) {
                String arm = plan.arms().get(p.arm()).name();
                for (PatientOutcome.ScanRecord s : p.scans()) {
                    String visit = s.scanVisit().label();
                    for (int k = 0; k < s.roiSeries().length; k++) {
                        double[] y = s.roiSeries()[k];
                        for (int t = 0; t < y.length; t++) {
                            series.row(p.subjectId(), arm, visit, t, t * tr, ROI_NAMES.get(k), y[t]);
                        }
                    }
                    double[] connectivity = s.connectivity();
                    double[] coupling = s.coupling();
                    for (Roi.Pair pair : Roi.Pair.values()) {
                        conn.row(p.subjectId(), arm, visit, pairName(pair), s.connectivity(pair), s.coupling(pair));
                    }
                }
            }
            series.commit();
            conn.commit();
        }
        return List.of("timeseries.csv", "connectivity.csv");
    }

    /** The trial as a BIDS dataset under {@code root}; returns the files written (relative paths). */
    public static List<String> writeBids(TrialPlan plan, TrialOutcome trial, Path root) {
        ScriptTask task = ScriptTask.duek2023();
        List<BidsEvent> events = new ArrayList<>();
        for (ScriptEvent e : task.events()) {
            events.add(new BidsEvent(e.onset(), e.duration(), e.script().label()));
        }
        List<BidsParticipant> participants = new ArrayList<>();
        List<BidsRun> runs = new ArrayList<>();
        List<List<Object>> betas = new ArrayList<>();
        List<List<Object>> connectivity = new ArrayList<>();
        List<List<Object>> truth = new ArrayList<>();
        for (PatientOutcome p : trial.patients()) {
            String id = participant(p);
            participants.add(new BidsParticipant(id, plan.arms().get(p.arm()).name(), "site" + (p.site() + 1), p.covariates().ageYears(),
                    p.covariates().female() ? "F" : "M"));
            for (PatientOutcome.ScanRecord s : p.scans()) {
                String session = s.scanVisit().label();
                double[][] glm = s.glm();
                runs.add(new BidsRun(id, session, task.trSeconds(), ROI_NAMES, s.roiSeries(), events, s.eda(),
                        s.eda() == null ? Double.NaN : EdaTrace.DUEK_2023.samplingHz()));
                for (int k = 0; k < ROI_NAMES.size(); k++) {
                    for (int c = 0; c < CONDITIONS.length; c++) {
                        betas.add(List.of("sub-" + id, session, ROI_NAMES.get(k), CONDITIONS[c], glm[k][c]));
                    }
                    betas.add(List.of("sub-" + id, session, ROI_NAMES.get(k), "trauma_minus_relax", glm[k][0] - glm[k][2]));
                }
                for (Roi.Pair pair : Roi.Pair.values()) {
                    connectivity.add(List.of("sub-" + id, session, roiName(pair.first()), roiName(pair.second()), "trauma_minus_relax",
                            s.connectivity(pair), pairName(pair), p.observed(s.scanVisit(), Endpoint.named(pairName(pair)))));
                    truth.add(List.of("sub-" + id, session, "coupling_" + pairName(pair), s.coupling(pair)));
                }
                Visit v = s.scanVisit();
                truth.add(List.of("sub-" + id, session, "trace_strength", p.traceStrength(v)));
                truth.add(List.of("sub-" + id, session, "fear_expression_scanner", p.fearExpression(v)));
                truth.add(List.of("sub-" + id, session, "fear_expression_home", p.fearAtHome(v)));
                truth.add(List.of("sub-" + id, session, "extinction_recall_scanner", p.extinctionRecall(v)));
            }
        }
        BidsDerivative conn = new BidsDerivative("connectivity", "ROI-to-ROI connectivity: Fisher z of the correlation "
                + "of the GLM residuals within each script window (shifted by 5 s for the HRF), averaged over windows, trauma minus "
                + "relax (Duek 2023); the connectivity endpoints add the subject effect and session noise", List.of(
                BidsDerivative.CONNECTIVITY_COLUMNS.get(0), BidsDerivative.CONNECTIVITY_COLUMNS.get(1),
                BidsDerivative.CONNECTIVITY_COLUMNS.get(2), BidsDerivative.CONNECTIVITY_COLUMNS.get(3),
                new BidsDerivative.Column("contrast", "trauma_minus_relax: mean trauma-window z minus mean relax-window z", null),
                new BidsDerivative.Column("fisher_z", "difference of Fisher z (atanh r) between the windows", null),
                new BidsDerivative.Column("endpoint", "the connectivity endpoint of the pair, as reconsim's analyses name it", null),
                new BidsDerivative.Column("endpoint_value", "the endpoint: fisher_z plus the subject effect and session noise", null)),
                connectivity);
        BidsDataset dataset = new BidsDataset(plan.scenario().name(), participants, runs,
                List.of(BidsDerivative.roiBetas(betas), conn, BidsDerivative.groundTruth(truth)));
        return new BidsWriter().write(dataset, root);
    }
}
