package org.reconsim.engine.sim;

import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Timeline;
import org.reconsim.models.measurement.RoiMeasure;
import org.reconsim.models.measurement.ScrMeasure;
import org.reconsim.models.mechanism.MechanismSet;
import org.reconsim.models.memory.TwoTraceParameters;
import org.reconsim.models.pharmacology.NmdaOccupancy;
import org.reconsim.models.pharmacology.PkModel;
import org.reconsim.models.population.PatientGenerator;
import org.reconsim.models.population.PopulationParameters;
import org.reconsim.models.population.TruncatedNormal;

/**
 * A scenario compiled into the model objects a virtual trial needs. Immutable; one plan is
 * shared by all replicates and threads.
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
        double dropoutHazardPerSession) {

    /** Number of ROI endpoints (amygdala, hippocampus, vmPFC); SCR comes after them. */
    public static final int ROI_COUNT = 3;

    public static TrialPlan compile(Scenario s) {
        List<ArmPlan> arms = new ArrayList<>();
        for (int i = 0; i < s.design().arms().size(); i++) {
            Scenario.Arm a = s.design().arms().get(i);
            arms.add(new ArmPlan(i, a.name(), a.drug(), pkModel(a.drug(), s.pharmacology()), a.doseMgPerKg(),
                    a.infusionMinutes(), a.allocation(), a.name().equals(s.design().controlArm())));
        }
        Scenario.Population p = s.population();
        PatientGenerator population = new PatientGenerator(new PopulationParameters(normal(p.weightKg()), normal(p.ageYears()),
                p.femaleFraction(), normal(p.memoryAgeYears()), normal(p.traceStrength()), normal(p.extinction()),
                p.learningRateCv()));
        MechanismSet mechanisms = s.mechanisms().toModel();
        Scenario.Occupancy o = s.pharmacology().occupancy();
        NmdaOccupancy occupancy = new NmdaOccupancy(o.unboundFraction(), o.kiMicromolar(), o.hill(),
                NmdaOccupancy.ketamineDefault().molarMassGPerMol());
        Scenario.Measurement ms = s.measurement();
        RoiMeasure[] rois = {roi(ms.amygdala()), roi(ms.hippocampus()), roi(ms.vmpfc())};
        Scenario.Scr sc = ms.scr();
        ScrMeasure scr = new ScrMeasure(sc.nonresponderFraction(), sc.amplitudeUs(), sc.gainCv(), sc.noiseSdUs(), sc.floorUs());
        int sessions = s.protocol().peSessions().count();
        double total = s.therapy().dropout().probability();
        // constant per-session hazard h with 1 - (1 - h)^sessions = total dropout
        double hazard = sessions == 0 ? 0 : 1 - Math.pow(1 - total, 1.0 / sessions);
        return new TrialPlan(s, Timeline.of(s), List.copyOf(arms), population, s.memory().twoTrace().toModel(), mechanisms,
                occupancy, rois, scr, ms.siteSd(), hazard);
    }

    public ArmPlan controlArm() {
        return arms.stream().filter(ArmPlan::control).findFirst().orElseThrow();
    }

    public ArmPlan treatmentArm() {
        return arms.stream().filter(a -> !a.control()).findFirst().orElseThrow();
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

    private static PkModel pkModel(Scenario.Drug drug, Scenario.Pharmacology ph) {
        switch (drug) {
            case KETAMINE:
                return ph.ketamineModel() == Scenario.KetamineModel.DOMINO ? PkModel.ketamineDomino() : PkModel.ketamineClements();
            case MIDAZOLAM:
                return PkModel.midazolamAlbrecht();
            default:
                return null;
        }
    }

    private static TruncatedNormal normal(Scenario.Normal n) {
        return new TruncatedNormal(n.mean(), n.sd(), n.min(), n.max());
    }

    private static RoiMeasure roi(Scenario.Roi r) {
        return new RoiMeasure(r.mean(), r.loading(), r.subjectSd(), r.icc());
    }
}
