package org.reconsim.engine.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.rng.Purpose;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.models.measurement.Cholesky3;
import org.reconsim.models.measurement.ConnectivityMeasure;
import org.reconsim.models.measurement.Roi;
import org.reconsim.models.measurement.RoiMeasure;
import org.reconsim.models.population.PatientGenerator;

/**
 * A patient's scan instruments (docs/MODEL.md section 5): amygdala, hippocampus and vmPFC
 * trauma-minus-relax betas from fear expression, trace strength and extinction recall in the
 * scanner; the trauma-script skin conductance response; and the trauma-minus-relax window
 * connectivity of the three region pairs. All traits and noise are drawn when the patient is made.
 *
 * <p>Draw order. Traits stream: three ROI deviates (the subject intercepts are {@code L z},
 * {@code L} the Cholesky factor of {@code roi_subject_correlation}), the SCR responder uniform,
 * the SCR gain deviate. Noise stream: per visit three ROI deviates (correlated by
 * {@code roi_noise_correlation}), then the SCR deviate. Connectivity traits stream: three edge
 * deviates. Connectivity noise stream: per visit three session deviates, then three window-sampling
 * deviates (drawn also when the time series replace them, so streams stay aligned).
 */
final class ScanInstruments implements Instrument.Reading {

    /** Scan noise per visit: the three ROIs, then SCR. */
    private static final int CHANNELS = TrialPlan.ROI_COUNT + 1;
    private static final int EDGES = Roi.Pair.values().length;
    /** The edges in order, once ({@code values()} copies its array at every call). */
    private static final Roi.Pair[] PAIRS = Roi.Pair.values();

    private final TrialPlan plan;
    private final double[] roiIntercepts = new double[TrialPlan.ROI_COUNT];
    /** The patient's site intercept of each ROI. */
    private final double[] siteEffect;
    /** Each ROI's scan-to-scan noise SD, once per patient rather than per visit. */
    private final double[] withinSd = new double[TrialPlan.ROI_COUNT];
    private final boolean scrResponder;
    private final double scrGain;
    /** [visit][channel]: ROI noise already correlated, then the SCR deviate. */
    private final double[][] noise;
    private final double[] edgeSubject;
    private final double[][] edgeSession;
    private final double[][] edgeSampling;
    /** [visit][edge]: the window-sampling part the fast path wrote at the visit. */
    private final double[][] fastWindow;

    ScanInstruments(TrialPlan plan, UniformRandomProvider traits, UniformRandomProvider noiseStream,
                    UniformRandomProvider edgeTraits, UniformRandomProvider edgeNoise, int visits, double[] siteEffect) {
        this.plan = plan;
        this.siteEffect = siteEffect;
        double[] z = normals(traits, TrialPlan.ROI_COUNT);
        Cholesky3.multiply(plan.scan().roiSubjectFactor(), z, roiIntercepts);
        for (int r = 0; r < roiIntercepts.length; r++) {
            roiIntercepts[r] *= plan.roi(r).subjectSd();
            withinSd[r] = plan.roi(r).withinSd();
        }
        this.scrResponder = PatientGenerator.open(traits) >= plan.scr().nonresponderFraction();
        this.scrGain = plan.scr().gain(PatientGenerator.standardNormal(traits));
        this.noise = new double[visits][CHANNELS];
        for (double[] visit : noise) {
            Cholesky3.multiply(plan.scan().roiNoiseFactor(), normals(noiseStream, TrialPlan.ROI_COUNT), visit);
            visit[TrialPlan.ROI_COUNT] = PatientGenerator.standardNormal(noiseStream);
        }
        ConnectivityMeasure c = plan.scan().connectivity();
        this.edgeSubject = c.subjectEffects(normals(edgeTraits, EDGES));
        this.edgeSession = new double[visits][];
        this.edgeSampling = new double[visits][];
        this.fastWindow = new double[visits][];
        for (int v = 0; v < visits; v++) {
            edgeSession[v] = c.sessionNoise(normals(edgeNoise, EDGES));
            edgeSampling[v] = normals(edgeNoise, EDGES);
        }
    }

    private static double[] normals(UniformRandomProvider stream, int n) {
        double[] z = new double[n];
        for (int k = 0; k < n; k++) {
            z[k] = PatientGenerator.standardNormal(stream);
        }
        return z;
    }

    /** The built-in instrument "scan": a patient's reading, its traits and noise drawn now. */
    static Instrument.Reading open(Instrument.Patient p) {
        double[] siteEffect = new double[TrialPlan.ROI_COUNT];
        for (int k = 0; k < siteEffect.length; k++) {
            siteEffect[k] = p.siteEffect(p.site(), k);
        }
        return new ScanInstruments(p.plan(), p.stream(Purpose.MEASUREMENT_TRAITS), p.stream(Purpose.MEASUREMENT_NOISE),
                p.stream(Purpose.CONNECTIVITY_TRAITS), p.stream(Purpose.CONNECTIVITY_NOISE), Visit.values().length, siteEffect);
    }

    /**
     * Writes the visit's ROI betas, SCR and connectivity into {@code observed} (indexed by
     * endpoint): fear in the scanner, trace strength and extinction recall to amygdala,
     * hippocampus, vmPFC; the edges' window sampling drawn from its distribution (the fast path).
     */
    @Override
    public void observe(int visit, Instrument.Latents latents, double[] observed) {
        double[] latent = roiLatents(latents);
        for (int k = 0; k < TrialPlan.ROI_COUNT; k++) {
            RoiMeasure m = plan.roi(k);
            observed[k] = m.observe(latent[k], roiIntercepts[k], siteEffect[k], noise[visit][k], withinSd[k]);
        }
        int scr = Endpoint.SCR.ordinal();
        observed[scr] = plan.scr().score(scrAmplitude(latents.fearInScanner(), noise[visit][TrialPlan.ROI_COUNT]));
        double[] window = plan.scan().connectivity().windowSample(latents.fearInScanner(), latents.traceStrength(),
                latents.extinctionRecall(), edgeSampling[visit]);
        fastWindow[visit] = window;
        for (Roi.Pair p : PAIRS) {
            observed[endpoint(p).ordinal()] = window[p.ordinal()] + edgeSubject[p.ordinal()] + edgeSession[visit][p.ordinal()];
        }
    }

    private static double[] roiLatents(Instrument.Latents latents) {
        return new double[] {latents.fearInScanner(), latents.traceStrength(), latents.extinctionRecall()};
    }

    /**
     * The trauma amplitudes the synthesized series of this visit carry, from the visit's observed
     * betas {@code observed} (after {@link #observe}, with any direct effect): the scan noise
     * reduced by {@code glmVariance}, the sampling variance the GLM estimate of the series then adds,
     * so the estimated betas have the fast path's noise variance (and so its test-retest). If the
     * GLM alone exceeds the noise the ICC allows, the series carry no scan noise.
     */
    double[] seriesAmplitudes(int visit, double[] observed, double glmVariance) {
        double[] a = new double[TrialPlan.ROI_COUNT];
        for (int k = 0; k < a.length; k++) {
            double sd = withinSd[k];
            double reduced = Math.sqrt(Math.max(0, sd * sd - glmVariance));
            a[k] = observed[k] - (sd - reduced) * noise[visit][k];
        }
        return a;
    }

    /**
     * Replaces the fast path's window-sampling part of the edges in {@code observed} by
     * {@code window} (Roi.Pair order), the series' own; subject effects, session noise and any
     * direct effect stay.
     */
    void replaceWindowSample(int visit, double[] window, double[] observed) {
        for (Roi.Pair p : PAIRS) {
            observed[endpoint(p).ordinal()] += window[p.ordinal()] - fastWindow[visit][p.ordinal()];
        }
    }

    /** The connectivity endpoint of a region pair. */
    static Endpoint endpoint(Roi.Pair pair) {
        return switch (pair) {
            case AMYGDALA_HIPPOCAMPUS -> Endpoint.AMYGDALA_HIPPOCAMPUS;
            case HIPPOCAMPUS_VMPFC -> Endpoint.HIPPOCAMPUS_VMPFC;
            case AMYGDALA_VMPFC -> Endpoint.AMYGDALA_VMPFC;
        };
    }

    /** The SCR amplitude of one script event with latent {@code latent} and deviate {@code z} (continuous EDA). */
    double scrAmplitude(double latent, double z) {
        return plan.scr().amplitude(scrResponder, scrGain, latent, plan.scan().scrNoiseSd(), z);
    }
}
