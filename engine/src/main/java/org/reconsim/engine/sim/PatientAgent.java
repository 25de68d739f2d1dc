package org.reconsim.engine.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.rng.Purpose;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.DirectEffect;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.models.memory.Context;
import org.reconsim.models.memory.TraumaMemory;
import org.reconsim.models.population.PatientCovariates;
import org.reconsim.models.population.PatientGenerator;

/**
 * One virtual patient, orchestrating its components on the protocol events the schedule hands
 * it: the memory and the reconsolidation choreography, the drug course, the scan instruments
 * and recording, the clinical scales, dropout. Every random draw comes from the patient's own
 * streams (one per purpose), so a patient's course does not depend on the other patients.
 */
final class PatientAgent {

    private static final int VISITS = Visit.values().length;

    private final TrialPlan plan;
    private final ArmPlan arm;
    private final int subjectId;
    private final int site;
    private final PatientCovariates covariates;
    private final TraumaMemory memory;
    private final DrugCourse drug;
    private final Reconsolidation reconsolidation;
    /** One reading per registered instrument, in registry order. */
    private final Instrument.Reading[] readings;
    private final ClinicalScales scales;
    private final ScanRecording recording;
    private final DropoutCourse dropout;
    private final UniformRandomProvider memoryStream;
    private final ExposureCourse exposure;

    private final double[] traceStrength = nans(VISITS);
    private final double[] fearExpression = nans(VISITS);
    private final double[] extinctionRecall = nans(VISITS);
    private final double[] fearAtHome = nans(VISITS);
    private final double[][] observed = new double[VISITS][];
    private final List<PatientOutcome.Rating> weekly = new ArrayList<>();
    private final List<PatientOutcome.ScanRecord> scans = new ArrayList<>();
    private boolean destabilized;
    private double rho = 1;
    private double labileOccupancy;
    private boolean firstWindowClosed;
    private int events;

    PatientAgent(TrialPlan plan, RandomStreams streams, ArmPlan arm, long index, int replicate, double[] siteEffects) {
        this.plan = plan;
        this.arm = arm;
        this.subjectId = Math.toIntExact(index + 1);
        int sites = plan.scenario().design().sites();
        this.site = (int) Math.min(sites - 1, (long) (PatientGenerator.open(streams.stream(Purpose.ALLOCATION, index, replicate)) * sites));
        this.covariates = plan.population().draw(streams.stream(Purpose.POPULATION, index, replicate));
        this.memory = plan.scenario().memory().patient(covariates.traceStrength(), covariates.extinction(),
                covariates.memoryAgeYears() * 365.25);
        this.drug = new DrugCourse(plan, arm, covariates.weightKg(), streams.stream(Purpose.PHARMACOKINETICS, index, replicate));
        this.reconsolidation = new Reconsolidation(memory, plan.mechanisms(), drug, covariates.learningRate());
        List<InstrumentType> types = plan.instruments();
        this.readings = new Instrument.Reading[types.size()];
        for (int i = 0; i < readings.length; i++) {
            readings[i] = types.get(i).instrument().open(new InstrumentView(types.get(i), plan, drug, site, streams, index, replicate,
                    siteEffects));
        }
        this.scales = reading(ClinicalScales.class);
        ScanInstruments instruments = reading(ScanInstruments.class);
        this.exposure = new ExposureCourse(plan, reconsolidation, streams.stream(Purpose.SESSIONS, index, replicate));
        this.recording = plan.recording().timeSeries() ? new ScanRecording(plan, instruments,
                streams.stream(Purpose.TIMESERIES, index, replicate),
                plan.recording().physio() ? streams.stream(Purpose.PHYSIO, index, replicate) : null) : null;
        this.memoryStream = streams.stream(Purpose.MEMORY, index, replicate);
        this.dropout = new DropoutCourse(plan, streams.stream(Purpose.DROPOUT, index, replicate));
        for (int v = 0; v < VISITS; v++) {
            observed[v] = nans(plan.endpointCount());
        }
    }

    /** The reading of a built-in instrument, which the protocol's own events also use. */
    private <R extends Instrument.Reading> R reading(Class<R> type) {
        for (Instrument.Reading r : readings) {
            if (type.isInstance(r)) {
                return type.cast(r);
            }
        }
        throw new IllegalStateException("no " + type.getSimpleName() + " among the instruments");
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** Protocol entry {@code kind} {@code index} at {@code now} ({@link ProtocolEvent.Planned} steps every patient through it). */
    void planned(ProtocolEvent.Kind kind, int index, double now, TrialState state) {
        events++;
        switch (kind) {
            case SCAN -> scan(index, now, state);
            case INFUSION -> { }
            case SESSION -> session(index, now, state);
            case RATING -> rating(index, now);
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /** The close of a labile window this patient's retrieval opened. */
    void restabilization() {
        events++;
        restabilize();
    }

    /** A scan visit: the instruments read the latent state, then the trauma script itself retrieves the memory. */
    private void scan(int visit, double now, TrialState state) {
        if (dropout.droppedOut()) {
            return;
        }
        double fear = memory.expression(Context.SCANNER, now);
        double home = memory.expression(Context.HOME, now);
        traceStrength[visit] = memory.traceStrength();
        fearExpression[visit] = fear;
        extinctionRecall[visit] = memory.extinctionRecall(Context.SCANNER, now);
        fearAtHome[visit] = home;
        double[] row = observed[visit];
        Instrument.Latents latents = new Instrument.Latents(fear, traceStrength[visit], extinctionRecall[visit], home);
        for (Instrument.Reading r : readings) {
            r.observe(visit, latents, row);
        }
        if (visit > 0 && !arm.control()) {
            // direct-effect mode: a treatment effect written in outcome units (mechanisms off)
            for (DirectEffect d : plan.scenario().directEffects()) {
                row[d.endpoint().ordinal()] += d.effect();
            }
        }
        if (recording != null) {
            scans.add(recording.record(visit, latents, row));
        }
        if (visit == 0) {
            dropout.baseline(home, row[Endpoint.PCL5.ordinal()]);
        }
        // the trauma script is a retrieval of the memory and one non-reinforced exposure to the cue;
        // a no-reactivation arm's baseline is read without one (its deviate is still drawn: aligned streams)
        double u = memoryStream.nextDouble();
        if (visit == 0 && !arm.retrieval()) {
            return;
        }
        boolean labile = reconsolidation.retrieve(Context.SCANNER, now, plan.scenario().protocol().retrievalMinutes(), u);
        reconsolidation.trial(Context.SCANNER, now, 0);
        if (labile) {
            destabilized |= visit == 0;
            state.schedule(memory.labileUntil(), ProtocolEvent.Kind.RESTABILIZATION, new ProtocolEvent.Restabilization(this));
        }
    }

    /** A PE session, unless the patient has left or leaves now. */
    private void session(int k, double now, TrialState state) {
        if (dropout.droppedOut() || dropout.leavesAt(k)) {
            return;
        }
        double labileUntil = exposure.session(k, now, memoryStream.nextDouble());
        scales.sessionAttended();
        if (!Double.isNaN(labileUntil)) {
            state.schedule(labileUntil, ProtocolEvent.Kind.RESTABILIZATION, new ProtocolEvent.Restabilization(this));
        }
        dropout.sessionDistress(exposure.meanDistress());
    }

    /** A weekly PCL-5 at home; its deviate is drawn for every patient (aligned streams), the rating kept only while in the study. */
    private void rating(int week, double now) {
        double z = scales.nextWeeklyDeviate();
        if (dropout.droppedOut()) {
            return;
        }
        double score = scales.weeklyPcl5(now, memory.expression(Context.HOME, now), z, now > arm.infusionStart());
        weekly.add(new PatientOutcome.Rating(week, (now - plan.timeline().retrievalStart()) / 24.0, score));
    }

    private void restabilize() {
        Reconsolidation.Restabilization r = reconsolidation.restabilize();
        if (!firstWindowClosed && destabilized) {
            // the ground truth reports the window the pre-visit retrieval opened
            firstWindowClosed = true;
            rho = r.efficiency();
            labileOccupancy = r.meanOccupancy();
        }
    }

    int subjectId() {
        return subjectId;
    }

    PatientOutcome outcome() {
        return new PatientOutcome(subjectId, arm.index(), site, covariates, destabilized, rho, drug.peakConcentration(),
                drug.peakOccupancy(), labileOccupancy, drug.peakDissociation(), drug.peakSedation(), scales.believesActive(),
                dropout.session(), traceStrength, fearExpression, extinctionRecall, fearAtHome, observed, List.copyOf(weekly),
                exposure.suds(), List.copyOf(scans), events);
    }
}
