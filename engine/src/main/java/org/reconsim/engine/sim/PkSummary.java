package org.reconsim.engine.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reconsim.engine.rng.Purpose;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.run.ReplicateRunner;
import org.reconsim.engine.scenario.Timeline;
import org.reconsim.models.population.PatientCovariates;

/**
 * Drug exposure across a virtual population, per arm: concentration and NMDA occupancy over
 * time (median and 5-95% band), peak, time of peak, terminal half-life and mean occupancy
 * during the labile window opened by the pre-visit retrieval. Patient i here is patient i of
 * replicate 0 of the trial (same streams), so the numbers describe the trial's patients.
 */
public final class PkSummary {

    private PkSummary() {
    }

    /** Median and 5-95% band. */
    public record Band(double p05, double median, double p95) {
        static Band of(double[] values) {
            double[] v = values.clone();
            Arrays.sort(v);
            return new Band(quantile(v, 0.05), quantile(v, 0.5), quantile(v, 0.95));
        }
    }

    /**
     * One arm.
     *
     * @param arm                 arm name
     * @param drug                drug label
     * @param subjects            virtual patients
     * @param hours               time grid, hours after the infusion start
     * @param concentration       band of plasma concentration (ng/mL) at each grid time
     * @param occupancy           band of NMDA occupancy at each grid time
     * @param peak                band of the peak concentration, ng/mL
     * @param timeOfPeakMinutes   band of the time of the peak
     * @param halfLifeHours       band of the terminal half-life
     * @param labileOccupancy     band of mean occupancy over the labile window
     */
    public record ArmExposure(String arm, String drug, int subjects, List<Double> hours, List<Band> concentration,
                              List<Band> occupancy, Band peak, Band timeOfPeakMinutes, Band halfLifeHours, Band labileOccupancy) {

        /** Lists, not arrays, so the record is immutable: copied in, read-only out. */
        public ArmExposure {
            hours = List.copyOf(hours);
            concentration = List.copyOf(concentration);
            occupancy = List.copyOf(occupancy);
        }
    }

    public static List<ArmExposure> simulate(TrialPlan plan, RandomStreams streams, int subjects, double horizonHours,
                                             double stepMinutes) {
        try (ReplicateRunner oneThread = new ReplicateRunner(1)) {
            return simulate(plan, streams, subjects, horizonHours, stepMinutes, oneThread);
        }
    }

    /**
     * The same exposure, the subjects simulated on {@code runner}'s threads: subject i draws
     * only from its own streams, and its values go to place i of each band's sample, so the
     * bands are the same on any number of threads.
     */
    public static List<ArmExposure> simulate(TrialPlan plan, RandomStreams streams, int subjects, double horizonHours,
                                             double stepMinutes, ReplicateRunner runner) {
        int points = (int) Math.floor(horizonHours * 60 / stepMinutes) + 1;
        double[] hours = new double[points];
        for (int k = 0; k < points; k++) {
            hours[k] = k * stepMinutes / 60.0;
        }
        Timeline t = plan.timeline();
        double window = plan.memory().labileWindowHours();
        List<ArmExposure> out = new ArrayList<>();
        for (ArmPlan arm : plan.arms()) {
            // the labile window in minutes after this arm's own infusion start
            double from = (t.retrievalStart() - arm.infusionStart()) * 60;
            double to = from + window * 60;
            double[][] conc = new double[points][subjects];
            double[][] occ = new double[points][subjects];
            double[] peak = new double[subjects];
            double[] tmax = new double[subjects];
            double[] half = new double[subjects];
            double[] labile = new double[subjects];
            // blocks of subjects, a few per thread; each subject writes only its own places
            int blocks = Math.max(1, Math.min(subjects, runner.threads() * 4));
            runner.run(0, blocks, b -> {
                for (int i = b * subjects / blocks; i < (b + 1) * subjects / blocks; i++) {
                    PatientCovariates c = plan.population().draw(streams.stream(Purpose.POPULATION, i, 0));
                    PatientExposure px = PatientExposure.of(plan.scenario().pharmacology(), plan.pkCorrelation(), arm, c.weightKg(),
                            streams.stream(Purpose.PHARMACOKINETICS, i, 0));
                    for (int k = 0; k < points; k++) {
                        double cp = px.concentration(hours[k] * 60);
                        conc[k][i] = cp;
                        occ[k][i] = arm.nmdaAntagonist() ? plan.occupancy().occupancy(cp) : 0;
                    }
                    if (px.exposed()) {
                        peak[i] = px.profile().peakNgPerMl();
                        tmax[i] = px.profile().timeOfPeakMinutes();
                        half[i] = px.parameters().terminalHalfLifeMinutes() / 60;
                        labile[i] = arm.nmdaAntagonist() ? plan.occupancy().meanOccupancy(px.profile(), from, to) : 0;
                    } else {
                        tmax[i] = Double.NaN;
                        half[i] = Double.NaN;
                    }
                }
                return b;
            }, b -> {
                // the runner's futures publish each block's writes to this thread before it reads the arrays
            });
            Band[] cb = new Band[points];
            Band[] ob = new Band[points];
            for (int k = 0; k < points; k++) {
                cb[k] = Band.of(conc[k]);
                ob[k] = Band.of(occ[k]);
            }
            out.add(new ArmExposure(arm.name(), arm.drug().label(), subjects, Arrays.stream(hours).boxed().toList(), List.of(cb),
                    List.of(ob), Band.of(peak), Band.of(tmax), Band.of(half), Band.of(labile)));
        }
        return out;
    }

    /** Type-7 quantile (R's default) of sorted values; NaN when any value is NaN. */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0 || Double.isNaN(sorted[sorted.length - 1])) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
