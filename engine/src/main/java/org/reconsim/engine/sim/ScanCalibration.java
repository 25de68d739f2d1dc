package org.reconsim.engine.sim;

import org.reconsim.engine.scenario.Measurement;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.models.measurement.ConnectivityMeasure;
import org.reconsim.models.measurement.ConnectivitySampling;
import org.reconsim.models.measurement.RoiActivation;
import org.reconsim.models.measurement.RoiMeasure;
import org.reconsim.models.measurement.ScrMeasure;

/**
 * The scan instruments sized on the calibration population (docs/MODEL.md section 5): every
 * instrument's noise is set so that two readings of the same true state at the pre visit, with
 * independent noise, correlate across patients at the scenario's test-retest value, counting all
 * true-score variance (the latent's population spread, subject and site intercepts). ROI betas are
 * linear, so their noise SD is closed-form ({@link RoiMeasure}); the SCR score (floor, square root,
 * non-responders) and the connectivity edges (Fisher z of a latent that several latents move) are
 * sized on the sample itself. Also the Cholesky factors of the regions' correlations.
 */
public final class ScanCalibration {

    private final LatentSample sample;
    private final LatentSpread spread;
    private final RoiMeasure[] rois;
    private final double scrNoiseSd;
    private final ConnectivityMeasure connectivity;
    private final double[][] roiSubjectFactor;
    private final double[][] roiNoiseFactor;

    ScanCalibration(Scenario s, LatentSample sample) {
        this.sample = sample;
        this.spread = LatentSpread.of(sample);
        Measurement m = s.measurement();
        double[] latentVar = {spread.fearInScanner(), spread.traceStrength(), spread.extinctionRecall()};
        RoiActivation[] regions = {m.amygdala(), m.hippocampus(), m.vmpfc()};
        this.rois = new RoiMeasure[regions.length];
        for (int k = 0; k < regions.length; k++) {
            rois[k] = regions[k].measure().calibrated(Math.sqrt(latentVar[k]), m.siteSd());
        }
        ScrMeasure scr = m.scr();
        double[] fear = sample.fearInScanner();
        double[] u = sample.uniform();
        double[] gainZ = sample.normal(0);
        boolean[] responder = new boolean[fear.length];
        double[] gain = new double[fear.length];
        for (int i = 0; i < fear.length; i++) {
            responder[i] = u[i] >= scr.nonresponderFraction();
            gain[i] = scr.gain(gainZ[i]);
        }
        this.scrNoiseSd = scr.noiseSdFor(fear, responder, gain, sample.normal(1), sample.normal(2));
        this.connectivity = new ConnectivityMeasure(m.connectivity(), ConnectivitySampling.duek2023(), fear,
                sample.traceStrength(), sample.extinctionRecall());
        this.roiSubjectFactor = m.roiSubjectCorrelation().factor();
        this.roiNoiseFactor = m.roiNoiseCorrelation().factor();
        if (roiSubjectFactor == null || roiNoiseFactor == null) {
            throw new IllegalArgumentException("ROI correlations are not positive definite (the scenario check reports it)");
        }
    }

    /**
     * Whether two measurement sections size the scan instruments alike: every setting the
     * constructor reads besides the sample (ROI activations, site SD, SCR, connectivity, ROI
     * correlations). Then a calibration on the same sample is the same, and can be reused.
     */
    static boolean sameInputs(Measurement a, Measurement b) {
        return a.amygdala().equals(b.amygdala()) && a.hippocampus().equals(b.hippocampus()) && a.vmpfc().equals(b.vmpfc())
                && a.siteSd() == b.siteSd() && a.scr().equals(b.scr()) && a.connectivity().equals(b.connectivity())
                && a.roiSubjectCorrelation().equals(b.roiSubjectCorrelation())
                && a.roiNoiseCorrelation().equals(b.roiNoiseCorrelation());
    }

    /** The calibration sample (reused when only the measurement changes). */
    LatentSample sample() {
        return sample;
    }

    /** Population variances of the latents at the pre visit. */
    public LatentSpread latentSpread() {
        return spread;
    }

    /** The calibrated measure of ROI {@code k} (amygdala, hippocampus, vmPFC). */
    RoiMeasure roi(int k) {
        return rois[k];
    }

    RoiMeasure[] rois() {
        return rois.clone();
    }

    /** The SCR's scan-to-scan noise SD, uS. */
    public double scrNoiseSd() {
        return scrNoiseSd;
    }

    /** The calibrated connectivity edges. */
    public ConnectivityMeasure connectivity() {
        return connectivity;
    }

    double[][] roiSubjectFactor() {
        return roiSubjectFactor;
    }

    double[][] roiNoiseFactor() {
        return roiNoiseFactor;
    }
}
