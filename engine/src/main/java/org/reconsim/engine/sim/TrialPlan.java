package org.reconsim.engine.sim;

import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.scenario.Arm;
import org.reconsim.engine.scenario.Measurement;
import org.reconsim.engine.scenario.Normal;
import org.reconsim.engine.scenario.Population;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Timeline;
import org.reconsim.models.measurement.ClinicalMeasure;
import org.reconsim.models.measurement.RoiMeasure;
import org.reconsim.models.measurement.ScrMeasure;
import org.reconsim.models.mechanism.MechanismSet;
import org.reconsim.models.memory.TwoTraceParameters;
import org.reconsim.models.pharmacology.NmdaOccupancy;
import org.reconsim.models.population.PatientGenerator;
import org.reconsim.models.population.PopulationParameters;
import org.reconsim.models.population.TruncatedNormal;

/**
 * A scenario compiled into the model objects a virtual trial needs. Immutable; one plan is
 * shared by all replicates and threads, so the arms and ROI measures are copied in, and an ROI
 * measure is read with {@link #roi(int)}. The measures' noise is sized from the population
 * spread of the latents at the pre visit ({@link LatentSpread}), estimated once here.
 */
public record TrialPlan(
        Scenario scenario,
        Timeline timeline,
        List<ArmPlan> arms,
        PatientGenerator population,
        TwoTraceParameters memory,
        MechanismSet mechanisms,
        NmdaOccupancy occupancy,
        RoiMeasure[] rois,
        ScrMeasure scr,
        double siteSd,
        double dropoutHazardPerSession,
        Recording recording,
        org.reconsim.models.population.CorrelatedNormals pkCorrelation,
        ScanCalibration scan,
        ClinicalMeasure pcl5,
        ClinicalMeasure caps5) {

    /** The registered instruments every patient reads at each scan visit, in registry order. */
    public List<InstrumentType> instruments() {
        return Instruments.all();
    }

    /** Number of endpoints the instruments report (the width of a patient's observed row). */
    public int endpointCount() {
        return Instruments.endpoints().size();
    }

    /**
     * What each scan records beyond its summary values: ROI time series (the betas are then
     * estimated from them by a GLM and connectivity is computed) and continuous EDA.
     */
    public record Recording(boolean timeSeries, boolean physio, boolean sessionDetail) {
        public static final Recording NONE = new Recording(false, false, true);
    }

    public TrialPlan {
        arms = List.copyOf(arms);
        rois = rois.clone();
    }

    /** Population variances of the four latents at the pre visit (the calibration sample's). */
    public LatentSpread latentSpread() {
        return scan.latentSpread();
    }

    /** The measure of ROI endpoint {@code k} (amygdala, hippocampus, vmPFC). */
    public RoiMeasure roi(int k) {
        return rois[k];
    }

    /** A copy: the hot path reads {@link #roi(int)}. */
    @Override
    public RoiMeasure[] rois() {
        return rois.clone();
    }

    /** The same plan recording time series and/or physiology at every scan. */
    public TrialPlan withRecording(boolean timeSeries, boolean physio) {
        return new TrialPlan(scenario, timeline, arms, population, memory, mechanisms, occupancy, rois, scr, siteSd,
                dropoutHazardPerSession, new Recording(timeSeries || physio, physio, recording.sessionDetail()), pkCorrelation,
                scan, pcl5, caps5);
    }

    /**
     * The same plan without SUDS ratings and weekly PCL-5 (power runs do not analyse them). They
     * draw from their own streams, so every other outcome keeps its value.
     */
    public TrialPlan withoutSessionDetail() {
        return new TrialPlan(scenario, timeline, arms, population, memory, mechanisms, occupancy, rois, scr, siteSd,
                dropoutHazardPerSession, new Recording(recording.timeSeries(), recording.physio(), false), pkCorrelation,
                scan, pcl5, caps5);
    }

    /**
     * The same plan in which nobody drops out: the counterfactual patients of {@link TrueEffects}
     * are all measured at every visit (the effect had everyone stayed; dropout draws from its
     * own stream, so every other outcome keeps its value).
     */
    public TrialPlan withoutDropout() {
        return new TrialPlan(scenario, timeline, arms, population, memory, mechanisms, occupancy, rois, scr, siteSd,
                0, recording, pkCorrelation, scan, pcl5, caps5);
    }

    /**
     * Whether the occupancy at the moment of a retrieval or trial matters (M3, M4, blocked
     * learning); without those mechanisms the engine need not evaluate it at every trial.
     */
    public boolean occupancyActsOnTrials() {
        return mechanisms.readsCurrentOccupancy();
    }

    /** Number of ROI endpoints (amygdala, hippocampus, vmPFC); SCR comes after them. */
    public static final int ROI_COUNT = 3;

    public static TrialPlan compile(Scenario s) {
        return compile(s, null);
    }

    /**
     * Compiles {@code s}, reusing the calibration sample of {@code previous} when the two
     * scenarios share population, memory and protocol (the sample depends on nothing else; the
     * instruments are sized on it again, since their settings may differ): assurance compiles one
     * plan per replicate.
     */
    public static TrialPlan compile(Scenario s, TrialPlan previous) {
        List<ArmPlan> arms = new ArrayList<>();
        Timeline timeline = Timeline.of(s);
        for (int i = 0; i < s.design().arms().size(); i++) {
            Arm a = s.design().arms().get(i);
            arms.add(new ArmPlan(i, a.name(), a.drug(), s.pharmacology().pkModel(a.drug()), a.doseMgPerKg(),
                    a.infusionMinutes(), a.allocation(), a.name().equals(s.design().controlArm()),
                    timeline.infusionStart(a.infusionStartHours(s.protocol())), a.retrieval()));
        }
        Population p = s.population();
        PatientGenerator population = new PatientGenerator(new PopulationParameters(normal(p.weightKg()), normal(p.ageYears()),
                p.femaleFraction(), normal(p.memoryAgeYears()), normal(p.traceStrength()), normal(p.extinction()),
                p.learningRateCv()));
        MechanismSet mechanisms = s.mechanisms().toModel();
        NmdaOccupancy occupancy = s.pharmacology().occupancy();
        Measurement ms = s.measurement();
        boolean reuse = previous != null && previous.scenario().population().equals(s.population())
                && previous.scenario().memory().equals(s.memory()) && previous.scenario().protocol().equals(s.protocol());
        // the scan instruments are a pure function of the sample and the scan settings: when those are the previous
        // plan's too (a calibration varying a drug, mechanism or clinical-scale field), its sizing is reused as is
        ScanCalibration scan = reuse && ScanCalibration.sameInputs(previous.scenario().measurement(), ms) ? previous.scan()
                : new ScanCalibration(s, reuse ? previous.scan().sample() : LatentSample.draw(s, population));
        RoiMeasure[] rois = scan.rois();
        LatentSpread spread = scan.latentSpread();
        double traitSd = ms.symptoms().traitSd();
        ClinicalMeasure pcl5 = ms.pcl5().measure(spread.fearAtHome(), traitSd);
        ClinicalMeasure caps5 = ms.caps5().measure(spread.fearAtHome(), traitSd);
        ScrMeasure scr = ms.scr();
        int sessions = s.protocol().peSessions().count();
        double total = s.therapy().dropout().probability();
        // constant per-session hazard h with 1 - (1 - h)^sessions = total dropout
        double hazard = sessions == 0 ? 0 : 1 - Math.pow(1 - total, 1.0 / sessions);
        return new TrialPlan(s, timeline, List.copyOf(arms), population, s.memory().twoTrace(), mechanisms,
                occupancy, rois, scr, ms.siteSd(), hazard, Recording.NONE,
                new org.reconsim.models.population.CorrelatedNormals(s.pharmacology().variability().correlation()),
                scan, pcl5, caps5);
    }

    public ArmPlan controlArm() {
        return arms.stream().filter(ArmPlan::control).findFirst().orElseThrow();
    }

    /** The first arm that is not the control (the only one in a two-arm design). */
    public ArmPlan treatmentArm() {
        return arms.stream().filter(a -> !a.control()).findFirst().orElseThrow();
    }

    /** The arm named {@code name}; IllegalArgumentException when there is none (names are checked at load). */
    public ArmPlan arm(String name) {
        return arms.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no arm '" + name + "'"));
    }

    /** Sum of the allocation ratios. */
    public int allocationBlock() {
        return arms.stream().mapToInt(ArmPlan::allocation).sum();
    }

    /**
     * Global patient index of the {@code j}-th patient of {@code arm}: arms interleave in
     * blocks of their allocation ratios, so the index does not depend on the sample size and
     * patient i keeps the same random streams when the trial grows.
     */
    public long patientIndex(ArmPlan arm, int j) {
        int offset = 0;
        for (ArmPlan a : arms) {
            if (a.index() == arm.index()) {
                break;
            }
            offset += a.allocation();
        }
        return (long) (j / arm.allocation()) * allocationBlock() + offset + (j % arm.allocation());
    }

    private static TruncatedNormal normal(Normal n) {
        return new TruncatedNormal(n.mean(), n.sd(), n.min(), n.max());
    }
}
