package org.reconsim.engine.sim;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.rng.Purpose;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Timeline;
import org.reconsim.models.measurement.Connectivity;
import org.reconsim.models.measurement.EdaTrace;
import org.reconsim.models.measurement.GlmEstimate;
import org.reconsim.models.measurement.Hrf;
import org.reconsim.models.measurement.Roi;
import org.reconsim.models.measurement.RoiMeasure;
import org.reconsim.models.measurement.RoiTimeSeries;
import org.reconsim.models.measurement.ScriptEvent;
import org.reconsim.models.measurement.ScriptTask;
import org.reconsim.models.memory.Context;
import org.reconsim.models.memory.TraumaMemory;
import org.reconsim.models.pharmacology.ConcentrationProfile;
import org.reconsim.models.pharmacology.Dissociation;
import org.reconsim.models.pharmacology.Sedation;
import org.reconsim.models.population.PatientCovariates;
import org.reconsim.models.population.PatientGenerator;

/**
 * One virtual patient: its memory, its drug exposure and its measurement traits, acting on
 * the protocol events the schedule hands it. Every random draw comes from the patient's own
 * streams, in a fixed order, so a patient's course does not depend on the other patients.
 */
final class PatientAgent {

    private static final int VISITS = Scenario.Visit.values().length;
    private static final int ENDPOINTS = Scenario.Endpoint.values().length;

    private final TrialPlan plan;
    private final ArmPlan arm;
    private final int subjectId;
    private final int site;
    private final PatientCovariates covariates;
    private final TraumaMemory memory;
    private final ConcentrationProfile exposure;
    private final double peakConcentration;
    private final double peakOccupancy;
    private final double peakDissociation;
    private final double peakSedation;
    private final boolean believesActive;
    private final double pcl5Intercept;
    private final double[] pcl5Noise = new double[VISITS];
    private final double caps5Intercept;
    private final double[] caps5Noise = new double[VISITS];
    private final UniformRandomProvider clinicalStream;
    private final UniformRandomProvider sudsStream;
    private final double[] fearAtHome = new double[VISITS];
    private final List<PatientOutcome.Rating> weekly = new ArrayList<>();
    private final List<PatientOutcome.Suds> suds = new ArrayList<>();
    private final List<PatientOutcome.ScanRecord> scans = new ArrayList<>();
    private final UniformRandomProvider timeSeriesStream;
    private final UniformRandomProvider physioStream;
    /** Distress driving dropout: observed baseline PCL-5 (mar) or the last session's SUDS (mnar), standardized. */
    private double distress;
    private final UniformRandomProvider memoryStream;
    private final UniformRandomProvider dropoutStream;
    private final double[] roiIntercepts = new double[TrialPlan.ROI_COUNT];
    private final boolean scrResponder;
    private final double scrGain;
    /** Scan noise of the three ROIs and SCR; self-report noise comes from the clinical stream. */
    private final double[][] noise = new double[VISITS][TrialPlan.ROI_COUNT + 1];

    private final double[] traceStrength = new double[VISITS];
    private final double[] fearExpression = new double[VISITS];
    private final double[] extinctionRecall = new double[VISITS];
    private final double[][] observed = new double[VISITS][ENDPOINTS];
    private boolean destabilized;
    private double rho = 1;
    private double labileOccupancy;
    private boolean firstWindowClosed;
    private int dropoutSession;

    PatientAgent(TrialPlan plan, RandomStreams streams, ArmPlan arm, long index, int replicate, double[] siteEffects) {
        this.plan = plan;
        this.arm = arm;
        this.subjectId = Math.toIntExact(index + 1);
        int sites = plan.scenario().design().sites();
        this.site = (int) Math.min(sites - 1, (long) (PatientGenerator.open(streams.stream(Purpose.ALLOCATION, index, replicate)) * sites));
        this.covariates = plan.population().draw(streams.stream(Purpose.POPULATION, index, replicate));
        this.memory = plan.scenario().memory().patient(covariates.traceStrength(), covariates.extinction(),
                covariates.memoryAgeYears() * 365.25);

        // drug exposure: individual PK parameters drawn for every patient (common random numbers across arms)
        PatientExposure px = PatientExposure.of(plan.scenario().pharmacology(), plan.pkCorrelation(), arm, covariates.weightKg(),
                streams.stream(Purpose.PHARMACOKINETICS, index, replicate));
        this.exposure = px.profile();
        this.peakConcentration = px.exposed() ? exposure.peakNgPerMl() : 0;
        this.peakOccupancy = px.exposed() && arm.nmdaAntagonist() ? plan.occupancy().occupancy(peakConcentration) : 0;
        // nonspecific effects: dissociation (ketamine), sedation (midazolam), and the guess they prompt
        Scenario.Pharmacology ph = plan.scenario().pharmacology();
        this.peakDissociation = arm.drug() == Scenario.Drug.KETAMINE
                ? new Dissociation(ph.dissociation().lowNgPerMl(), ph.dissociation().highNgPerMl()).score(peakConcentration) : 0;
        this.peakSedation = arm.drug() == Scenario.Drug.MIDAZOLAM
                ? new Sedation(ph.sedation().ec50NgPerMl(), ph.sedation().hill()).effect(peakConcentration) : 0;
        Scenario.Nonspecific ns = plan.scenario().mechanisms().nonspecific();
        UniformRandomProvider clinical = streams.stream(Purpose.CLINICAL, index, replicate);
        this.believesActive = PatientGenerator.open(clinical) < Math.min(1, ns.unblindingBase()
                + ns.unblindingPerDissociation() * peakDissociation + ns.unblindingPerSedation() * peakSedation);
        this.pcl5Intercept = plan.scenario().measurement().pcl5().subjectSd() * PatientGenerator.standardNormal(clinical);
        for (int v = 0; v < VISITS; v++) {
            pcl5Noise[v] = PatientGenerator.standardNormal(clinical);
        }
        this.caps5Intercept = plan.scenario().measurement().caps5().subjectSd() * PatientGenerator.standardNormal(clinical);
        for (int v = 0; v < VISITS; v++) {
            caps5Noise[v] = PatientGenerator.standardNormal(clinical);
        }
        this.clinicalStream = clinical;
        this.sudsStream = streams.stream(Purpose.SESSIONS, index, replicate);
        this.timeSeriesStream = plan.recording().timeSeries() ? streams.stream(Purpose.TIMESERIES, index, replicate) : null;
        this.physioStream = plan.recording().physio() ? streams.stream(Purpose.PHYSIO, index, replicate) : null;

        UniformRandomProvider traits = streams.stream(Purpose.MEASUREMENT_TRAITS, index, replicate);
        for (int r = 0; r < roiIntercepts.length; r++) {
            roiIntercepts[r] = plan.rois()[r].subjectSd() * PatientGenerator.standardNormal(traits);
        }
        this.scrResponder = PatientGenerator.open(traits) >= plan.scr().nonresponderFraction();
        this.scrGain = plan.scr().gain(PatientGenerator.standardNormal(traits));
        UniformRandomProvider noiseStream = streams.stream(Purpose.MEASUREMENT_NOISE, index, replicate);
        for (double[] visit : noise) {
            for (int k = 0; k < visit.length; k++) {
                visit[k] = PatientGenerator.standardNormal(noiseStream);
            }
        }
        this.memoryStream = streams.stream(Purpose.MEMORY, index, replicate);
        this.dropoutStream = streams.stream(Purpose.DROPOUT, index, replicate);
        this.siteEffectsOf = siteEffects;
        for (double[] row : observed) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        java.util.Arrays.fill(traceStrength, Double.NaN);
        java.util.Arrays.fill(fearExpression, Double.NaN);
        java.util.Arrays.fill(extinctionRecall, Double.NaN);
        java.util.Arrays.fill(fearAtHome, Double.NaN);
    }

    private final double[] siteEffectsOf;

    /**
     * Every patient's protocol events in the order the schedule runs them (by time, then kind):
     * the same for all patients of a plan, so it is built once per trial.
     *
     * @param times    event times
     * @param kinds    event kinds
     * @param indices  visit, session or week index
     */
    record ProtocolPlan(double[] times, ProtocolEvent.Kind[] kinds, int[] indices) {

        static ProtocolPlan of(TrialPlan plan) {
            Timeline t = plan.timeline();
            List<double[]> planned = new ArrayList<>();
            for (int v = 0; v < VISITS; v++) {
                planned.add(new double[] {t.visits()[v], ProtocolEvent.Kind.SCAN.ordinal(), v});
            }
            planned.add(new double[] {t.infusionStart(), ProtocolEvent.Kind.INFUSION.ordinal(), 0});
            for (int k = 0; k < t.sessionStarts().length; k++) {
                planned.add(new double[] {t.sessionStarts()[k], ProtocolEvent.Kind.SESSION.ordinal(), k});
            }
            double every = plan.scenario().measurement().weeklyPcl5Days() * 24;
            if (every > 0 && plan.recording().sessionDetail()) {
                int k = 1;
                for (double w = t.retrievalStart() + every; w <= t.visitHours(Scenario.Visit.FU90) + 1e-9; w += every, k++) {
                    planned.add(new double[] {w, ProtocolEvent.Kind.RATING.ordinal(), k});
                }
            }
            planned.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
            ProtocolEvent.Kind[] all = ProtocolEvent.Kind.values();
            double[] times = new double[planned.size()];
            ProtocolEvent.Kind[] kinds = new ProtocolEvent.Kind[planned.size()];
            int[] indices = new int[planned.size()];
            for (int i = 0; i < times.length; i++) {
                times[i] = planned.get(i)[0];
                kinds[i] = all[(int) planned.get(i)[1]];
                indices[i] = (int) planned.get(i)[2];
            }
            return new ProtocolPlan(times, kinds, indices);
        }
    }

    /** Puts this patient's first protocol event on the schedule. */
    void schedule(TrialState state, ProtocolPlan protocol) {
        this.protocol = protocol;
        scheduleNext(state);
    }

    /**
     * The patient's protocol, in time order. Only the next planned event sits on the schedule
     * at any moment (each event schedules its successor), so the schedule's heap holds about one
     * entry per patient rather than every future event.
     */
    private ProtocolPlan protocol;
    private int nextPlanned;

    private void scheduleNext(TrialState state) {
        if (nextPlanned < protocol.times().length) {
            state.schedule(protocol.times()[nextPlanned],
                    new ProtocolEvent(this, protocol.kinds()[nextPlanned], protocol.indices()[nextPlanned]));
            nextPlanned++;
        }
    }

    private int events;

    void handle(ProtocolEvent event, TrialState state) {
        events++;
        double now = state.schedule.getTime();
        switch (event.kind()) {
            case SCAN -> scan(event.index(), now, state);
            case INFUSION -> { }
            case SESSION -> session(event.index(), now, state);
            case RESTABILIZATION -> restabilize(now);
            case RATING -> rating(event.index(), now);
            default -> throw new IllegalStateException(event.kind().toString());
        }
        if (event.kind() != ProtocolEvent.Kind.RESTABILIZATION) {
            scheduleNext(state);
        }
    }

    private boolean droppedOut() {
        return dropoutSession > 0;
    }

    private void scan(int visit, double now, TrialState state) {
        if (droppedOut()) {
            return;
        }
        double r = memory.expression(Context.SCANNER, now);
        traceStrength[visit] = memory.traceStrength();
        fearExpression[visit] = r;
        extinctionRecall[visit] = memory.extinctionRecall(Context.SCANNER, now);
        double[] latent = {r, memory.traceStrength(), extinctionRecall[visit]};
        for (int k = 0; k < TrialPlan.ROI_COUNT; k++) {
            RoiMeasure m = plan.rois()[k];
            observed[visit][k] = m.observe(latent[k], roiIntercepts[k], siteEffectsOf[site * TrialPlan.ROI_COUNT + k], noise[visit][k]);
        }
        int scr = Scenario.Endpoint.SCR.ordinal();
        observed[visit][scr] = plan.scr().score(plan.scr().amplitude(scrResponder, scrGain, r, noise[visit][scr]));
        // self-report: fear at home, and the expectancy of patients who believe they got the active drug
        Scenario.Pcl5 q = plan.scenario().measurement().pcl5();
        double expectancy = believesActive && visit > 0 ? plan.scenario().mechanisms().nonspecific().expectancyPcl5() : 0;
        double pcl5 = q.intercept() + q.slope() * memory.expression(Context.HOME, now) + pcl5Intercept
                + RoiMeasure.withinSd(q.subjectSd(), q.icc()) * pcl5Noise[visit] - expectancy;
        observed[visit][Scenario.Endpoint.PCL5.ordinal()] = Math.max(0, Math.min(80, pcl5));
        Scenario.Pcl5 caps = plan.scenario().measurement().caps5();
        double home = memory.expression(Context.HOME, now);
        fearAtHome[visit] = home;
        double caps5 = caps.intercept() + caps.slope() * home + caps5Intercept + RoiMeasure.withinSd(caps.subjectSd(), caps.icc())
                * caps5Noise[visit];
        observed[visit][Scenario.Endpoint.CAPS5.ordinal()] = Math.max(0, Math.min(80, caps5));
        if (visit > 0 && !arm.control()) {
            // direct-effect mode: a treatment effect written in outcome units (mechanisms off)
            for (Scenario.DirectEffect d : plan.scenario().directEffects()) {
                observed[visit][d.endpoint().ordinal()] += d.effect();
            }
        }
        if (plan.recording().timeSeries()) {
            record(visit, r, memory.traceStrength());
        }
        if (visit == 0) {
            distress = plan.scenario().therapy().dropout().mechanism() == Scenario.DropoutMechanism.MNAR
                    ? standardizedFear(home) : standardizedPcl5(observed[0][Scenario.Endpoint.PCL5.ordinal()]);
        }
        // the trauma script is itself a retrieval of the memory; a drug present now may
        // interfere with destabilization or strengthen the trace (M3)
        double occupancy = occupancyAt(now);
        double u = memoryStream.nextDouble();
        if (occupancy > 0) {
            memory.scaleTrace(plan.mechanisms().strengtheningFactor(occupancy));
        }
        boolean labile = memory.retrieve(Context.SCANNER, now, plan.scenario().protocol().retrievalMinutes(), u,
                plan.mechanisms().destabilizationScale(occupancy));
        memory.modulateStructure(plan.mechanisms().alphaFactor(occupancy), plan.mechanisms().sigmaFactor(occupancy));
        // the script is one non-reinforced exposure to the trauma cue
        memory.exposureTrial(Context.SCANNER, now, covariates.learningRate()
                * plan.mechanisms().learningGain(now - plan.timeline().infusionStart(), peakOccupancy, occupancy));
        if (labile) {
            if (visit == 0) {
                destabilized = true;
            }
            state.schedule(memory.labileUntil(), new ProtocolEvent(this, ProtocolEvent.Kind.RESTABILIZATION, visit));
        }
    }

    private void session(int k, double now, TrialState state) {
        if (droppedOut()) {
            return;
        }
        if (dropoutStream.nextDouble() < dropoutHazard()) {
            dropoutSession = k + 1;
            return;
        }
        Timeline t = plan.timeline();
        Scenario.PeSessions pe = plan.scenario().protocol().peSessions();
        if (memory.retrieve(Context.THERAPY, now, pe.trialsPerSession() * pe.trialMinutes(), memoryStream.nextDouble())) {
            state.schedule(memory.labileUntil(), new ProtocolEvent(this, ProtocolEvent.Kind.RESTABILIZATION, -1));
        }
        double trialHours = pe.trialMinutes() / 60.0;
        for (int i = 0; i < pe.trialsPerSession(); i++) {
            double ti = now + i * trialHours;
            double occupancyNow = occupancyAt(ti);
            double gain = covariates.learningRate()
                    * plan.mechanisms().learningGain(ti - t.infusionStart(), peakOccupancy, occupancyNow);
            memory.modulateStructure(plan.mechanisms().alphaFactor(occupancyNow), plan.mechanisms().sigmaFactor(occupancyNow));
            double r = memory.exposureTrial(Context.THERAPY, ti, gain);
            if (plan.recording().sessionDetail()) {
                double rating = Math.max(0, Math.min(100, 100 * r
                        + plan.scenario().measurement().sudsNoiseSd() * PatientGenerator.standardNormal(sudsStream)));
                suds.add(new PatientOutcome.Suds(k + 1, i + 1, ti - plan.timeline().retrievalStart(), rating));
            }
            sessionDistress += r;
        }
        if (plan.scenario().therapy().dropout().mechanism() == Scenario.DropoutMechanism.MNAR) {
            distress = standardizedFear(sessionDistress / pe.trialsPerSession());
        }
        sessionDistress = 0;
    }

    private double sessionDistress;

    /** Scan task of every recorded scan (Duek 2023: trauma, sad and relax scripts, TR 1 s). */
    private static final ScriptTask TASK = ScriptTask.duek2023();
    private static final GlmEstimate GLM = GlmEstimate.duek2023();

    /**
     * Records one scan: ROI time series whose trauma amplitudes are the scan's ROI betas, the
     * GLM estimates that then replace them as the reported betas, window connectivity whose
     * latent trauma coupling rises with fear expression (amygdala-hippocampus) and trace
     * strength (hippocampus-vmPFC) [assumption: Duek 2023 found both lower after ketamine,
     * amygdala-vmPFC unchanged], and optionally the EDA trace.
     */
    private void record(int visit, double fear, double trace) {
        double[] amplitudes = new double[TrialPlan.ROI_COUNT];
        for (int k = 0; k < amplitudes.length; k++) {
            amplitudes[k] = observed[visit][k];
        }
        double[] coupling = new double[Roi.Pair.values().length];
        coupling[Roi.Pair.AMYGDALA_HIPPOCAMPUS.ordinal()] = clampCoupling(0.2 + 0.5 * fear);
        coupling[Roi.Pair.AMYGDALA_VMPFC.ordinal()] = clampCoupling(0.3);
        coupling[Roi.Pair.HIPPOCAMPUS_VMPFC.ordinal()] = clampCoupling(0.2 + 0.5 * trace);
        double[][] series = RoiTimeSeries.DEFAULTS.synthesize(TASK, Hrf.SPM_CANONICAL, amplitudes, coupling, timeSeriesStream);
        double[][] glm = new double[series.length][];
        for (int k = 0; k < series.length; k++) {
            GlmEstimate.GlmFit fit = GLM.fit(series[k]);
            glm[k] = new double[] {fit.trauma(), fit.sad(), fit.relax()};
            observed[visit][k] = fit.traumaMinusRelax();
        }
        double[] connectivity = new double[coupling.length];
        for (Roi.Pair pair : Roi.Pair.values()) {
            connectivity[pair.ordinal()] = Connectivity.HRF_SHIFTED.traumaMinusRelax(series[pair.first().ordinal()],
                    series[pair.second().ordinal()], TASK);
        }
        double[] eda = null;
        if (plan.recording().physio()) {
            List<ScriptEvent> events = TASK.events();
            double[] amps = new double[events.size()];
            for (int i = 0; i < amps.length; i++) {
                // trauma scripts evoke the fear response, sad scripts a third of it, relax none [assumption]
                double latent = switch (events.get(i).script()) {
                    case TRAUMA -> fear;
                    case SAD -> fear / 3;
                    case RELAX -> 0;
                };
                amps[i] = plan.scr().amplitude(scrResponder, scrGain, latent, PatientGenerator.standardNormal(physioStream));
            }
            double tonic = 3.1 + 1.1 * PatientGenerator.open(physioStream); // tonic level 3.1-4.2 uS (MODEL.md 5)
            eda = EdaTrace.DUEK_2023.withTonicUs(tonic).synthesize(TASK, amps, physioStream);
        }
        scans.add(new PatientOutcome.ScanRecord(visit, series, glm, connectivity, coupling, eda));
    }

    private static double clampCoupling(double c) {
        return Math.max(-0.95, Math.min(0.95, c));
    }

    /** Per-session dropout hazard: constant (mcar) or scaled by exp(slope * distress) (mar, mnar). */
    private double dropoutHazard() {
        Scenario.Dropout d = plan.scenario().therapy().dropout();
        if (d.mechanism() == Scenario.DropoutMechanism.MCAR) {
            return plan.dropoutHazardPerSession();
        }
        return Math.min(1, plan.dropoutHazardPerSession() * Math.exp(d.distressSlope() * distress));
    }

    /** A PCL-5 score as SDs from the population's expected baseline. */
    private double standardizedPcl5(double score) {
        Scenario.Pcl5 q = plan.scenario().measurement().pcl5();
        Scenario.Normal e0 = plan.scenario().population().traceStrength();
        double mean = q.intercept() + q.slope() * e0.mean();
        double sd = Math.sqrt(q.subjectSd() * q.subjectSd() / q.icc() + q.slope() * q.slope() * e0.sd() * e0.sd());
        return (score - mean) / sd;
    }

    /** Fear expression as SDs from the population's baseline trace strength. */
    private double standardizedFear(double r) {
        Scenario.Normal e0 = plan.scenario().population().traceStrength();
        return (r - e0.mean()) / Math.max(1e-9, e0.sd());
    }

    /** A weekly PCL-5 rating at home; drawn for every patient (aligned streams), kept only while in the study. */
    private void rating(int week, double now) {
        double z = PatientGenerator.standardNormal(clinicalStream);
        if (droppedOut()) {
            return;
        }
        Scenario.Pcl5 q = plan.scenario().measurement().pcl5();
        double expectancy = believesActive && now > plan.timeline().infusionStart()
                ? plan.scenario().mechanisms().nonspecific().expectancyPcl5() : 0;
        double score = q.intercept() + q.slope() * memory.expression(Context.HOME, now) + pcl5Intercept
                + RoiMeasure.withinSd(q.subjectSd(), q.icc()) * z - expectancy;
        weekly.add(new PatientOutcome.Rating(week, (now - plan.timeline().retrievalStart()) / 24.0, Math.max(0, Math.min(80, score))));
    }

    private void restabilize(double now) {
        double occupancy = meanOccupancy(memory.labileSince(), memory.labileUntil());
        double efficiency = plan.mechanisms().restabilizationEfficiency(occupancy);
        if (!firstWindowClosed && destabilized) {
            firstWindowClosed = true;
            rho = efficiency;
            labileOccupancy = occupancy;
        }
        memory.restabilize(efficiency);
    }

    /** NMDA occupancy at a simulation hour. */
    private double occupancyAt(double t) {
        double t0 = plan.timeline().infusionStart();
        if (exposure == null || !arm.nmdaAntagonist() || t < t0 || !plan.occupancyActsOnTrials()) {
            return 0;
        }
        return plan.occupancy().occupancy(exposure.plasmaNgPerMl((t - t0) * 60));
    }

    /** Mean NMDA occupancy between two simulation hours. */
    private double meanOccupancy(double from, double to) {
        if (exposure == null || !arm.nmdaAntagonist()) {
            return 0;
        }
        double t0 = plan.timeline().infusionStart();
        double fromMinutes = (from - t0) * 60;
        // after the infusion the plasma concentration only falls (a sum of decaying exponentials
        // with positive weights), so the occupancy at the window's start bounds its mean: below
        // 1e-9 the integral is 0 to within its own error bound, and costs nothing
        if (fromMinutes > arm.infusionMinutes() && plan.occupancy().occupancy(exposure.plasmaNgPerMl(fromMinutes)) < 1e-9) {
            return 0;
        }
        return plan.occupancy().meanOccupancy(exposure, fromMinutes, (to - t0) * 60);
    }

    int subjectId() {
        return subjectId;
    }

    PatientOutcome outcome() {
        return new PatientOutcome(subjectId, arm.index(), site, covariates, destabilized, rho, peakConcentration, peakOccupancy,
                labileOccupancy, peakDissociation, peakSedation, believesActive, dropoutSession, traceStrength, fearExpression,
                extinctionRecall, fearAtHome, observed, List.copyOf(weekly), List.copyOf(suds), List.copyOf(scans),
                events);
    }


}
