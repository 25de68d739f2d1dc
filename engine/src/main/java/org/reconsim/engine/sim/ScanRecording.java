package org.reconsim.engine.sim;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.models.measurement.Connectivity;
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
 * and {@code --physio}: ROI time series whose trauma amplitudes are the scan's ROI betas, the GLM
 * estimates that then replace them as the reported betas, window connectivity, and optionally
 * the continuous EDA trace.
 */
final class ScanRecording {

    /** Scan task of every recorded scan (Duek 2023: trauma, sad and relax scripts, TR 1 s). */
    private static final ScriptTask TASK = ScriptTask.duek2023();
    private static final GlmEstimate GLM = GlmEstimate.duek2023();

    private final boolean physio;
    private final ScanSignals signals;
    private final ScanInstruments instruments;
    private final UniformRandomProvider timeSeriesStream;
    private final UniformRandomProvider physioStream;

    ScanRecording(boolean physio, ScanSignals signals, ScanInstruments instruments, UniformRandomProvider timeSeriesStream,
                  UniformRandomProvider physioStream) {
        this.physio = physio;
        this.signals = signals;
        this.instruments = instruments;
        this.timeSeriesStream = timeSeriesStream;
        this.physioStream = physioStream;
    }

    /**
     * Records one scan and replaces the ROI betas in {@code observed} by the GLM estimates; the
     * latent couplings of the region pairs follow the memory state as the scenario's
     * {@code measurement.signals} say.
     */
    PatientOutcome.ScanRecord record(int visit, double fear, double trace, double[] observed) {
        double[] amplitudes = new double[TrialPlan.ROI_COUNT];
        System.arraycopy(observed, 0, amplitudes, 0, amplitudes.length);
        double[] coupling = new double[Roi.Pair.values().length];
        coupling[Roi.Pair.AMYGDALA_HIPPOCAMPUS.ordinal()] = signals.amygdalaHippocampus().at(fear, trace);
        coupling[Roi.Pair.AMYGDALA_VMPFC.ordinal()] = signals.amygdalaVmpfc().at(fear, trace);
        coupling[Roi.Pair.HIPPOCAMPUS_VMPFC.ordinal()] = signals.hippocampusVmpfc().at(fear, trace);
        double[][] series = RoiTimeSeries.DEFAULTS.synthesize(TASK, Hrf.SPM_CANONICAL, amplitudes, coupling, timeSeriesStream);
        double[][] glm = new double[series.length][];
        for (int k = 0; k < series.length; k++) {
            GlmEstimate.GlmFit fit = GLM.fit(series[k]);
            glm[k] = new double[] {fit.trauma(), fit.sad(), fit.relax()};
            observed[k] = fit.traumaMinusRelax();
        }
        double[] connectivity = new double[coupling.length];
        for (Roi.Pair pair : Roi.Pair.values()) {
            connectivity[pair.ordinal()] = Connectivity.HRF_SHIFTED.traumaMinusRelax(series[pair.first().ordinal()],
                    series[pair.second().ordinal()], TASK);
        }
        double[] eda = physio ? eda(fear) : null;
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
