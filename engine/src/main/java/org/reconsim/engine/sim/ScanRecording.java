package org.reconsim.engine.sim;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.models.measurement.Connectivity;
import org.reconsim.models.measurement.ConnectivityMeasure;
import org.reconsim.models.measurement.EdaTrace;
import org.reconsim.models.measurement.GlmEstimate;
import org.reconsim.models.measurement.Hrf;
import org.reconsim.models.measurement.Roi;
import org.reconsim.models.measurement.RoiTimeSeries;
import org.reconsim.models.measurement.ScriptEvent;
import org.reconsim.models.measurement.ScanSignals;
import org.reconsim.models.measurement.ScriptTask;
import org.reconsim.models.population.PatientGenerator;

/**
 * The recorded signals of one patient's scans (docs/MODEL.md section 5), for {@code --timeseries}
 * and {@code --physio}: ROI time series whose trauma amplitudes are the scan's ROI betas and whose
 * residual correlations are the latent couplings, the GLM estimates and window connectivity that
 * then replace the fast path's betas and connectivity (with the same noise variance, so the same
 * test-retest), and optionally the continuous EDA trace.
 */
final class ScanRecording {

    /** Scan task of every recorded scan (Duek 2023: trauma, sad and relax scripts, TR 1 s). */
    private static final ScriptTask TASK = ScriptTask.duek2023();
    private static final GlmEstimate GLM = GlmEstimate.duek2023();
    private static final RoiTimeSeries SERIES = RoiTimeSeries.DEFAULTS;

    private final TrialPlan plan;
    private final boolean physio;
    private final ScanSignals signals;
    private final ScanInstruments instruments;
    private final UniformRandomProvider timeSeriesStream;
    private final UniformRandomProvider physioStream;

    ScanRecording(TrialPlan plan, ScanInstruments instruments, UniformRandomProvider timeSeriesStream,
                  UniformRandomProvider physioStream) {
        this.plan = plan;
        this.physio = plan.recording().physio();
        ScanSignals signals = plan.scenario().measurement().signals();
        this.signals = signals;
        this.instruments = instruments;
        this.timeSeriesStream = timeSeriesStream;
        this.physioStream = physioStream;
    }

    /** Sampling variance of a GLM trauma-minus-relax estimate from the default series (docs/MODEL.md 5). */
    static final double GLM_VARIANCE = GLM.traumaMinusRelaxVariance(SERIES.noiseSd(), SERIES.arPhi());

    /**
     * Records one scan and replaces the ROI betas and connectivity in {@code observed}: the series
     * carry the ROI betas (with the noise the GLM will add taken out) as trauma amplitudes and the
     * latent couplings of the memory state as residual correlations; the reported betas are their
     * GLM estimates, the connectivity the window Fisher z of their GLM residuals plus the edges'
     * subject effects and session noise.
     */
    PatientOutcome.ScanRecord record(int visit, Instrument.Latents latents, double[] observed) {
        double[] amplitudes = instruments.seriesAmplitudes(visit, observed, GLM_VARIANCE);
        ConnectivityMeasure c = plan.scan().connectivity();
        double[] coupling = c.trauma(latents.fearInScanner(), latents.traceStrength(), latents.extinctionRecall());
        double[][] series = SERIES.synthesize(TASK, Hrf.SPM_CANONICAL, amplitudes, coupling, c.relax(), timeSeriesStream);
        double[][] glm = new double[series.length][];
        double[][] residuals = new double[series.length][];
        for (int k = 0; k < series.length; k++) {
            GlmEstimate.GlmFit fit = GLM.fit(series[k]);
            glm[k] = new double[] {fit.trauma(), fit.sad(), fit.relax()};
            observed[k] = fit.traumaMinusRelax();
            residuals[k] = GLM.residuals(series[k]);
        }
        double[] connectivity = new double[coupling.length];
        for (Roi.Pair pair : Roi.Pair.values()) {
            connectivity[pair.ordinal()] = Connectivity.HRF_SHIFTED.traumaMinusRelax(residuals[pair.first().ordinal()],
                    residuals[pair.second().ordinal()], TASK);
        }
        instruments.replaceWindowSample(visit, connectivity, observed);
        double[] eda = physio ? eda(latents.fearInScanner()) : null;
        return new PatientOutcome.ScanRecord(visit, series, glm, connectivity, coupling, eda);
    }

    private double[] eda(double fear) {
        List<ScriptEvent> events = TASK.events();
        double[] amps = new double[events.size()];
        for (int i = 0; i < amps.length; i++) {
            double latent = switch (events.get(i).script()) {
                case TRAUMA -> fear;
                case SAD -> fear / signals.sadScriptDivisor();
                case RELAX -> 0;
            };
            amps[i] = instruments.scrAmplitude(latent, PatientGenerator.standardNormal(physioStream));
        }
        double tonic = signals.tonicLowUs() + signals.tonicWidthUs() * PatientGenerator.open(physioStream);
        return EdaTrace.DUEK_2023.withTonicUs(tonic).synthesize(TASK, amps, physioStream);
    }
}
