package org.reconsim.engine.sim;

import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.reconsim.engine.rng.Purpose;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Timeline;
import org.reconsim.models.memory.Context;
import org.reconsim.models.memory.TraumaMemory;
import org.reconsim.models.population.PatientCovariates;
import org.reconsim.models.population.PatientGenerator;

/**
 * Between-patient variances of the four latents the instruments read, at the pre visit
 * (before its retrieval): fear expression in the scanner, trace strength, extinction recall in
 * the scanner and fear expression at home. Instruments size their noise from them, so that a
 * reading's realized test-retest reliability counts the latent's spread as true-score variance
 * (docs/MODEL.md section 5).
 *
 * <p>Estimated once per plan on a fixed calibration population of {@link #PATIENTS} patients
 * (seed 0, {@link Purpose#CALIBRATION}), drawn through the scenario's population and memory
 * model, so the noise scale belongs to the scenario, not to the run's seed. Monte Carlo error:
 * the relative SE of a sample variance of n draws is about sqrt(2 / (n - 1)) = 2.2% at n = 4000
 * (more for skewed latents); a noise SD sized from it is off by about half that (1.1%), which
 * moves a realized reliability r by about r (1 - r) times the variance's relative error times
 * the latent's share of the true-score variance, under 0.005 for every default.
 *
 * @param fearInScanner    variance of fear expression in the scanner
 * @param traceStrength    variance of the trauma-trace strength
 * @param extinctionRecall variance of extinction recall in the scanner
 * @param fearAtHome       variance of fear expression at home
 */
public record LatentSpread(double fearInScanner, double traceStrength, double extinctionRecall, double fearAtHome) {

    /** Size of the calibration population. */
    public static final int PATIENTS = 4000;

    /** The variances in the calibration population of {@code s} (deterministic: seed 0). */
    public static LatentSpread of(Scenario s, PatientGenerator population) {
        RandomStreams calibration = new RandomStreams(0);
        double t0 = Timeline.of(s).retrievalStart();
        double[][] v = new double[4][PATIENTS];
        for (int i = 0; i < PATIENTS; i++) {
            PatientCovariates c = population.draw(calibration.stream(Purpose.CALIBRATION, i, 0));
            TraumaMemory m = s.memory().patient(c.traceStrength(), c.extinction(), c.memoryAgeYears() * 365.25);
            v[0][i] = m.expression(Context.SCANNER, t0);
            v[1][i] = m.traceStrength();
            v[2][i] = m.extinctionRecall(Context.SCANNER, t0);
            v[3][i] = m.expression(Context.HOME, t0);
        }
        return new LatentSpread(variance(v[0]), variance(v[1]), variance(v[2]), variance(v[3]));
    }

    /** Bias-corrected sample variance (n - 1). */
    private static double variance(double[] x) {
        return new Variance().evaluate(x);
    }

    /** Between-patient SD of the latent the ROI endpoint {@code k} reads (amygdala, hippocampus, vmPFC). */
    public double roiSd(int k) {
        return Math.sqrt(switch (k) {
            case 0 -> fearInScanner;
            case 1 -> traceStrength;
            case 2 -> extinctionRecall;
            default -> throw new IllegalArgumentException("no ROI " + k);
        });
    }
}
