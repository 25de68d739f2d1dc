package org.reconsim.bench;

import java.util.SplittableRandom;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reconsim.models.pharmacology.ConcentrationProfile;
import org.reconsim.models.pharmacology.DosingRegimen;
import org.reconsim.models.pharmacology.NmdaOccupancy;
import org.reconsim.models.pharmacology.PkModel;
import org.reconsim.models.pharmacology.PkModelRegistry;

/**
 * Closed-form PK of the Duek 2021 regimen: ketamine 0.5 mg/kg over 40 min for a 70 kg patient,
 * Clements 1981 (2 compartments) or Domino 1984 (3 compartments). Target: plasma concentration
 * at an arbitrary time under 100 ns.
 *
 * <p>"Arbitrary time": 4096 times drawn uniformly in [0, 720] min (during the infusion and the
 * 11 h after it), visited in a fixed pseudo-random order, so neither branch prediction nor a
 * constant argument flatters the result.
 */
@State(Scope.Thread)
public class PharmacokineticsBench extends Microbenchmark {

    private static final int TIMES = 4096;
    private static final double WEIGHT_KG = 70;
    private static final DosingRegimen DUEK = DosingRegimen.infusion(0, 40, 0.5 * WEIGHT_KG);

    @Param({"clements", "domino"})
    public String model;

    private PkModel pk;
    private ConcentrationProfile profile;
    private final NmdaOccupancy occupancy = NmdaOccupancy.ketamineDefault();
    private final double[] minutes = new double[TIMES];
    private int next;

    @Setup
    public void profile() {
        pk = PkModelRegistry.byLabel("ketamine-" + model).orElseThrow().model();
        profile = pk.profile(WEIGHT_KG, DUEK);
        SplittableRandom random = new SplittableRandom(20210601);
        for (int i = 0; i < TIMES; i++) {
            minutes[i] = 720 * random.nextDouble();
        }
    }

    /** {@code ConcentrationProfile.plasmaNgPerMl(t)} at an arbitrary time. */
    @Benchmark
    public double plasmaConcentrationAtArbitraryTime() {
        return profile.plasmaNgPerMl(minutes[next++ & (TIMES - 1)]);
    }

    /** NMDA occupancy at an arbitrary time: what the engine evaluates per exposure trial ({@code occupancyAt}). */
    @Benchmark
    public double occupancyAtArbitraryTime() {
        return occupancy.occupancy(profile.plasmaNgPerMl(minutes[next++ & (TIMES - 1)]));
    }

    /**
     * {@code NmdaOccupancy.meanOccupancy} over the first labile window of the Duek protocol: the
     * 6 h after the pre-scan retrieval, which starts 5 min before the infusion ([-5, 355] min).
     * Evaluated once per restabilization event.
     */
    @Benchmark
    public double meanOccupancyOverLabileWindow() {
        return occupancy.meanOccupancy(profile, -5, 355);
    }

    /**
     * Building a patient's profile ({@code PkModel.profile}): disposition (eigenvalues), per-dose
     * coefficients and the exact peak search. Once per treated patient in the engine.
     */
    @Benchmark
    public ConcentrationProfile buildProfileWithPeak() {
        return pk.profile(WEIGHT_KG, DUEK);
    }
}
