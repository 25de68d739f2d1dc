package org.reconsim.engine.sim;

import java.util.List;

import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.models.measurement.Roi;
import org.reconsim.models.population.PatientCovariates;

/**
 * What one virtual patient produced: covariates, the latent ground truth, and the observed
 * outcomes. Arrays are indexed [visit][endpoint] in the order of
 * {@link org.reconsim.engine.scenario.Visit} and
 * {@link org.reconsim.engine.scenario.Endpoint}; NaN marks a missed visit.
 *
 * <p>Immutable: arrays are copied in (once per patient, not per event) and out; the analyses
 * read single values with {@link #observed(Visit, Endpoint)}, which copies nothing.
 *
 * @param subjectId               global patient index + 1
 * @param arm                     arm index
 * @param site                    site index
 * @param covariates              covariates and initial memory state
 * @param destabilized            whether the pre-visit retrieval made the trace labile
 * @param restabilizationEfficiency rho applied at the end of that labile window (1 if none)
 * @param peakConcentration       peak plasma concentration, ng/mL
 * @param peakOccupancy           peak NMDA occupancy
 * @param labileOccupancy         mean NMDA occupancy over that labile window (0 if none)
 * @param peakDissociation        peak dissociation score 0..1 (ketamine)
 * @param peakSedation            peak sedation 0..1 (midazolam)
 * @param believesActive          whether the patient believes they got the active drug (functional unblinding)
 * @param dropoutSession          PE session (1-based) before which the patient dropped out, 0 if none
 * @param traceStrength           E at each visit (before the scan's own retrieval)
 * @param fearExpression          fear expression in the scanner at each visit
 * @param extinctionRecall        extinction recall in the scanner at each visit
 * @param fearAtHome              fear expression at home at each visit (the latent of the clinical scales)
 * @param observed                observed outcome per visit and endpoint
 * @param weeklyPcl5              weekly PCL-5 ratings while in the study
 * @param suds                    SUDS rating on every exposure trial
 * @param scans                   recorded scans (time series, connectivity, EDA), empty unless recording
 * @param events                  protocol events the schedule ran for this patient
 */
public record PatientOutcome(
        int subjectId,
        int arm,
        int site,
        PatientCovariates covariates,
        boolean destabilized,
        double restabilizationEfficiency,
        double peakConcentration,
        double peakOccupancy,
        double labileOccupancy,
        double peakDissociation,
        double peakSedation,
        boolean believesActive,
        int dropoutSession,
        double[] traceStrength,
        double[] fearExpression,
        double[] extinctionRecall,
        double[] fearAtHome,
        double[][] observed,
        List<Rating> weeklyPcl5,
        List<Suds> suds,
        List<ScanRecord> scans,
        int events) {

    /** The observed value of {@code endpoint} at {@code visit}; NaN when the visit was missed. */
    public double observed(Visit visit, Endpoint endpoint) {
        return observed[visit.ordinal()][endpoint.ordinal()];
    }

    /** E at {@code visit} (before the scan's own retrieval); NaN after a dropout. */
    public double traceStrength(Visit visit) {
        return traceStrength[visit.ordinal()];
    }

    /** Fear expression in the scanner at {@code visit}. */
    public double fearExpression(Visit visit) {
        return fearExpression[visit.ordinal()];
    }

    /** Extinction recall in the scanner at {@code visit}. */
    public double extinctionRecall(Visit visit) {
        return extinctionRecall[visit.ordinal()];
    }

    /** Fear expression at home at {@code visit}. */
    public double fearAtHome(Visit visit) {
        return fearAtHome[visit.ordinal()];
    }

    public PatientOutcome {
        traceStrength = traceStrength.clone();
        fearExpression = fearExpression.clone();
        extinctionRecall = extinctionRecall.clone();
        fearAtHome = fearAtHome.clone();
        observed = Matrices.copy(observed);
        weeklyPcl5 = List.copyOf(weeklyPcl5);
        suds = List.copyOf(suds);
        scans = List.copyOf(scans);
    }

    /** Observed value of {@code endpoint} at {@code visit} (NaN if missed). */
    public double observed(int visit, int endpoint) {
        return observed[visit][endpoint];
    }

    /** A copy; the analyses read {@link #observed(Visit, Endpoint)}. */
    @Override
    public double[][] observed() {
        return Matrices.copy(observed);
    }

    @Override
    public double[] traceStrength() {
        return traceStrength.clone();
    }

    @Override
    public double[] fearExpression() {
        return fearExpression.clone();
    }

    @Override
    public double[] extinctionRecall() {
        return extinctionRecall.clone();
    }

    @Override
    public double[] fearAtHome() {
        return fearAtHome.clone();
    }

    /** A weekly rating: week number, day after the pre-visit retrieval, score. */
    public record Rating(int week, double day, double value) {
    }

    /**
     * One recorded scan.
     *
     * @param visit         visit index
     * @param roiSeries     [roi][volume] time series (amygdala, hippocampus, vmPFC)
     * @param glm           per ROI the GLM estimates {trauma, sad, relax}
     * @param connectivity  per ROI pair (amygdala-hippocampus, amygdala-vmPFC, hippocampus-vmPFC) the trauma-minus-relax
     *                      window-mean Fisher z of the GLM residuals' window correlations (the series' own window
     *                      sampling; the connectivity endpoints add subject effects and session noise)
     * @param coupling      the latent trauma coupling per pair that generated them
     * @param eda           continuous EDA trace (uS), null unless physiology is recorded
     *
     * <p>Immutable: arrays are copied in and out (scans are recorded only for datasets, never
     * in a power run, so the copies cost nothing that matters).
     */
    public record ScanRecord(int visit, double[][] roiSeries, double[][] glm, double[] connectivity, double[] coupling, double[] eda) {

        /** The visit of this scan. */
        public Visit scanVisit() {
            return Visit.values()[visit];
        }

        /** The trauma-minus-relax connectivity of one ROI pair. */
        public double connectivity(Roi.Pair pair) {
            return connectivity[pair.ordinal()];
        }

        /** The latent trauma coupling of one ROI pair. */
        public double coupling(Roi.Pair pair) {
            return coupling[pair.ordinal()];
        }

        public ScanRecord {
            roiSeries = Matrices.copy(roiSeries);
            glm = Matrices.copy(glm);
            connectivity = connectivity.clone();
            coupling = coupling.clone();
            eda = eda == null ? null : eda.clone();
        }

        @Override
        public double[][] roiSeries() {
            return Matrices.copy(roiSeries);
        }

        @Override
        public double[][] glm() {
            return Matrices.copy(glm);
        }

        @Override
        public double[] connectivity() {
            return connectivity.clone();
        }

        @Override
        public double[] coupling() {
            return coupling.clone();
        }

        @Override
        public double[] eda() {
            return eda == null ? null : eda.clone();
        }
    }

    /** A SUDS rating (0-100) on one exposure trial: session, trial, hours after the pre-visit retrieval. */
    public record Suds(int session, int trial, double hours, double value) {
    }
}
