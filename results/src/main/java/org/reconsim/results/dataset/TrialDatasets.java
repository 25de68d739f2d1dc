package org.reconsim.results.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.models.measurement.EdaTrace;
import org.reconsim.models.measurement.Roi;
import org.reconsim.models.measurement.ScriptEvent;
import org.reconsim.models.measurement.ScriptTask;
import org.reconsim.results.dataset.bids.BidsDerivative;
import org.reconsim.results.dataset.bids.BidsEvent;
import org.reconsim.results.dataset.bids.BidsParticipant;
import org.reconsim.results.dataset.bids.BidsRun;
import org.reconsim.results.dataset.bids.BidsStream;
import org.reconsim.results.dataset.bids.BidsWriter;

/**
 * Synthetic datasets from one virtual trial: the recorded scans as CSV tables
 * ({@code timeseries.csv}, {@code connectivity.csv}) or the whole trial as a BIDS dataset, each
 * written patient by patient.
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
        try (ScanTables tables = new ScanTables(plan, folder)) {
            trial.patients().forEach(tables::add);
            tables.commit();
        }
        return ScanTables.FILES;
    }

    /** The trial as a BIDS dataset under {@code root}; returns the files written (relative paths). */
    public static List<String> writeBids(TrialPlan plan, TrialOutcome trial, Path root) {
        return writeBids(plan, TrialPatients.of(trial), root);
    }

    /**
     * The trial as a BIDS dataset under {@code root}, written patient by patient as
     * {@code patients} hands them out; returns the files written (relative paths).
     */
    public static List<String> writeBids(TrialPlan plan, TrialPatients patients, Path root) {
        ScriptTask task = ScriptTask.duek2023();
        List<BidsEvent> events = new ArrayList<>();
        for (ScriptEvent e : task.events()) {
            events.add(new BidsEvent(e.onset(), e.duration(), e.script().label()));
        }
        BidsDerivative betas = BidsDerivative.roiBetas(List.of());
        BidsDerivative conn = connectivityTable();
        BidsDerivative truth = BidsDerivative.groundTruth(List.of());
        try (BidsStream out = new BidsWriter().open(root, plan.scenario().name(), List.of(betas, conn, truth))) {
            patients.forEach(p -> writeSubject(plan, task, events, p, out, betas.name(), conn.name(), truth.name()));
            return out.finish();
        }
    }

    /** One subject: its participants.tsv row, a run per recorded scan, and its rows of the three derivative tables. */
    private static void writeSubject(TrialPlan plan, ScriptTask task, List<BidsEvent> events, PatientOutcome p, BidsStream out,
                                     String betas, String connectivity, String truth) {
        String id = participant(p);
        out.participant(new BidsParticipant(id, plan.arms().get(p.arm()).name(), "site" + (p.site() + 1), p.covariates().ageYears(),
                p.covariates().female() ? "F" : "M"));
        for (PatientOutcome.ScanRecord s : p.scans()) {
            String session = s.scanVisit().label();
            double[][] glm = s.glm();
            double[] eda = s.eda();
            out.run(new BidsRun(id, session, task.trSeconds(), ROI_NAMES, s.roiSeries(), events, eda,
                    eda == null ? Double.NaN : EdaTrace.DUEK_2023.samplingHz()));
            for (int k = 0; k < ROI_NAMES.size(); k++) {
                for (int c = 0; c < CONDITIONS.length; c++) {
                    out.row(betas, List.of("sub-" + id, session, ROI_NAMES.get(k), CONDITIONS[c], glm[k][c]));
                }
                out.row(betas, List.of("sub-" + id, session, ROI_NAMES.get(k), "trauma_minus_relax", glm[k][0] - glm[k][2]));
            }
            for (Roi.Pair pair : Roi.Pair.values()) {
                out.row(connectivity, List.of("sub-" + id, session, roiName(pair.first()), roiName(pair.second()), "trauma_minus_relax",
                        s.connectivity(pair), pairName(pair), p.observed(s.scanVisit(), Endpoint.named(pairName(pair)))));
                out.row(truth, List.of("sub-" + id, session, "coupling_" + pairName(pair), s.coupling(pair)));
            }
            Visit v = s.scanVisit();
            out.row(truth, List.of("sub-" + id, session, "trace_strength", p.traceStrength(v)));
            out.row(truth, List.of("sub-" + id, session, "fear_expression_scanner", p.fearExpression(v)));
            out.row(truth, List.of("sub-" + id, session, "fear_expression_home", p.fearAtHome(v)));
            out.row(truth, List.of("sub-" + id, session, "extinction_recall_scanner", p.extinctionRecall(v)));
        }
    }

    private static BidsDerivative connectivityTable() {
        return new BidsDerivative("connectivity", "ROI-to-ROI connectivity: Fisher z of the correlation "
                + "of the GLM residuals within each script window (shifted by 5 s for the HRF), averaged over windows, trauma minus "
                + "relax (Duek 2023); the connectivity endpoints add the subject effect and session noise", List.of(
                BidsDerivative.CONNECTIVITY_COLUMNS.get(0), BidsDerivative.CONNECTIVITY_COLUMNS.get(1),
                BidsDerivative.CONNECTIVITY_COLUMNS.get(2), BidsDerivative.CONNECTIVITY_COLUMNS.get(3),
                new BidsDerivative.Column("contrast", "trauma_minus_relax: mean trauma-window z minus mean relax-window z", null),
                new BidsDerivative.Column("fisher_z", "difference of Fisher z (atanh r) between the windows", null),
                new BidsDerivative.Column("endpoint", "the connectivity endpoint of the pair, as reconsim's analyses name it", null),
                new BidsDerivative.Column("endpoint_value", "the endpoint: fisher_z plus the subject effect and session noise", null)),
                List.of());
    }
}
