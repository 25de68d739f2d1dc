package org.reconsim.engine.sim;

/**
 * Population variances of the four latents the instruments read, at the pre visit (docs/MODEL.md
 * section 5): what an instrument's true score varies with across patients, so that its noise can
 * be sized to a test-retest target. Estimated once per plan ({@link TrialPlan#compile}) from a
 * fixed calibration sample ({@link LatentSample}: seed 0, 4000 patients) through the scenario's
 * population and memory model, so it belongs to the scenario, not the run. Monte Carlo error:
 * the relative SE of a sample variance of n draws is about sqrt(2 / (n - 1)) = 2.2% at n = 4000
 * (more for skewed latents); a noise SD sized from it is off by about half that, which moves a
 * realized reliability by well under 0.005 for every default.
 *
 * @param fearInScanner    variance of fear expression in the scanner
 * @param traceStrength    variance of trace strength
 * @param extinctionRecall variance of extinction recall in the scanner
 * @param fearAtHome       variance of fear expression at home
 */
public record LatentSpread(double fearInScanner, double traceStrength, double extinctionRecall, double fearAtHome) {

    /** The sample variances (n - 1) of {@code sample}. */
    static LatentSpread of(LatentSample sample) {
        return new LatentSpread(variance(sample.fearInScanner()), variance(sample.traceStrength()),
                variance(sample.extinctionRecall()), variance(sample.fearAtHome()));
    }

    private static double variance(double[] x) {
        return new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(x);
    }
}
