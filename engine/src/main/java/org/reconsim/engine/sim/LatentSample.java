package org.reconsim.engine.sim;

import org.reconsim.engine.rng.Purpose;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Timeline;
import org.reconsim.models.memory.Context;
import org.reconsim.models.memory.TraumaMemory;
import org.reconsim.models.population.PatientCovariates;
import org.reconsim.models.population.PatientGenerator;

/**
 * The latents of a fixed calibration population at the pre visit (docs/MODEL.md section 5):
 * {@value #PATIENTS} virtual patients from the scenario's population and memory model, drawn from
 * the calibration stream of seed 0 (independent of the run's seed), and fixed deviates for the
 * instrument traits that a nonlinear score's calibration needs (SCR responder, gain, two noise
 * deviates). Immutable; read through copies.
 */
public final class LatentSample {

    /** Virtual patients in the calibration sample. */
    static final int PATIENTS = 4000;

    private final double[][] latents;
    private final double[][] deviates;

    private LatentSample(double[][] latents, double[][] deviates) {
        this.latents = latents;
        this.deviates = deviates;
    }

    /** The calibration sample of scenario {@code s} with population {@code population}. */
    static LatentSample draw(Scenario s, PatientGenerator population) {
        return draw(s, population, 0, PATIENTS);
    }

    /** A sample of {@code patients} from the calibration streams of {@code seed} (tests draw samples other than the calibration's). */
    static LatentSample draw(Scenario s, PatientGenerator population, long seed, int patients) {
        RandomStreams calibration = new RandomStreams(seed);
        double t0 = Timeline.of(s).retrievalStart();
        double[][] v = new double[4][patients];
        double[][] u = new double[4][patients];
        for (int i = 0; i < patients; i++) {
            PatientCovariates c = population.draw(calibration.stream(Purpose.CALIBRATION, i, 0));
            TraumaMemory m = s.memory().patient(c.traceStrength(), c.extinction(), c.memoryAgeYears() * 365.25);
            v[0][i] = m.expression(Context.SCANNER, t0);
            v[1][i] = m.traceStrength();
            v[2][i] = m.extinctionRecall(Context.SCANNER, t0);
            v[3][i] = m.expression(Context.HOME, t0);
            // instrument deviates on their own calibration counter (replicate 1), so the latents stay as before
            org.apache.commons.rng.UniformRandomProvider d = calibration.stream(Purpose.CALIBRATION, i, 1);
            u[0][i] = PatientGenerator.open(d);
            for (int k = 1; k < 4; k++) {
                u[k][i] = PatientGenerator.standardNormal(d);
            }
        }
        return new LatentSample(v, u);
    }

    double[] fearInScanner() {
        return latents[0].clone();
    }

    double[] traceStrength() {
        return latents[1].clone();
    }

    double[] extinctionRecall() {
        return latents[2].clone();
    }

    double[] fearAtHome() {
        return latents[3].clone();
    }

    /** Per patient a uniform on (0, 1) (e.g. the SCR responder draw). */
    double[] uniform() {
        return deviates[0].clone();
    }

    /** Per patient standard normal {@code k} of three (0: a trait such as the SCR gain, 1 and 2: two readings' noise). */
    double[] normal(int k) {
        return deviates[1 + k].clone();
    }
}
