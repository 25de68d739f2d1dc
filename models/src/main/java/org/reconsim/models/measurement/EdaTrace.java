package org.reconsim.models.measurement;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.models.population.PatientGenerator;

/**
 * A continuous electrodermal activity trace for one {@link ScriptTask}, and its scoring
 * (docs/MODEL.md section 5; docs/TRIALS.md B):
 * <pre>
 *   x(t_i) = tonic + drift t_i / 60 + sum_e a_e f(t_i - onset_e) / f(t_peak) + noiseSd z_i,   t_i = i / fs
 * </pre>
 * with {@code f} the canonical SCR function ({@link ScrResponse}), scaled so a response of amplitude
 * {@code a_e} (uS, e.g. from {@link ScrMeasure#amplitude}) peaks {@code a_e} above its onset level.
 * Onsets are rounded to the nearest sample. One standard normal per sample, in time order.
 * Scoring of an epoch: {@code peak - baseline}, peak the maximum over {@code [onset, onset + epoch]},
 * baseline the level at onset; amplitudes under {@code floorUs} are scored 0 (square-root transform:
 * {@link ScrMeasure#score}).
 *
 * @param samplingHz       sampling rate (100 Hz, Duek 2023)
 * @param tonicUs          skin conductance level (3.65 uS: middle of 3.1-4.2 uS, docs/MODEL.md section 5)
 * @param driftUsPerMinute slow tonic drift ([assumption] -0.02 uS/min: the level settles during the scan)
 * @param noiseSdUs        white measurement noise ([assumption] 0.002 uS, small against the floor, so
 *                         noise alone is not scored as a response)
 * @param epochSeconds     scoring epoch after onset (10 s, Duek 2023)
 * @param floorUs          scoring floor (0.02 uS, docs/MODEL.md section 5)
 * @param response         response function (Bach 2010)
 */
public record EdaTrace(double samplingHz, double tonicUs, double driftUsPerMinute, double noiseSdUs, double epochSeconds,
        double floorUs, ScrResponse response) {

    /** The defaults listed above. */
    public static final EdaTrace DUEK_2023 = new EdaTrace(100, 3.65, -0.02, 0.002, 10, 0.02, ScrResponse.BACH_2010);

    public EdaTrace {
        if (!(samplingHz > 0 && noiseSdUs >= 0 && epochSeconds > 0 && floorUs >= 0)) {
            throw new IllegalArgumentException("need a positive sampling rate and epoch, SDs and floor >= 0");
        }
    }

    /** A copy with another tonic level (per subject). */
    public EdaTrace withTonicUs(double newTonicUs) {
        return new EdaTrace(samplingHz, newTonicUs, driftUsPerMinute, noiseSdUs, epochSeconds, floorUs, response);
    }

    /** A copy with another noise SD. */
    public EdaTrace withNoiseSdUs(double newNoiseSdUs) {
        return new EdaTrace(samplingHz, tonicUs, driftUsPerMinute, newNoiseSdUs, epochSeconds, floorUs, response);
    }

    /**
     * The trace of one scan.
     *
     * @param amplitudesUs response amplitude per event of {@link ScriptTask#events()}, in that order
     */
    public double[] synthesize(ScriptTask task, double[] amplitudesUs, UniformRandomProvider rng) {
        List<ScriptEvent> events = task.events();
        if (amplitudesUs.length != events.size()) {
            throw new IllegalArgumentException("need one amplitude per script event");
        }
        int n = (int) Math.round(task.durationSeconds() * samplingHz);
        double[] kernel = response.sampled(samplingHz, n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = tonicUs + driftUsPerMinute * i / samplingHz / 60 + noiseSdUs * PatientGenerator.standardNormal(rng);
        }
        for (int e = 0; e < amplitudesUs.length; e++) {
            int on = sample(events.get(e).onset());
            for (int i = on; i < n; i++) {
                x[i] += amplitudesUs[e] * kernel[i - on];
            }
        }
        return x;
    }

    /** Scored amplitude of the epoch starting at {@code onsetSeconds}, uS (0 under the floor). */
    public double scoreWindow(double[] trace, double onsetSeconds) {
        int on = sample(onsetSeconds);
        if (on < 0 || on >= trace.length) {
            throw new IllegalArgumentException("onset outside the trace");
        }
        int end = Math.min(trace.length - 1, on + (int) Math.round(epochSeconds * samplingHz));
        double peak = trace[on];
        for (int i = on + 1; i <= end; i++) {
            peak = Math.max(peak, trace[i]);
        }
        double amplitude = peak - trace[on];
        return amplitude < floorUs ? 0 : amplitude;
    }

    /** Scored amplitude of every event of {@code task}, in event order. */
    public double[] scores(double[] trace, ScriptTask task) {
        List<ScriptEvent> events = task.events();
        double[] s = new double[events.size()];
        for (int e = 0; e < s.length; e++) {
            s[e] = scoreWindow(trace, events.get(e).onset());
        }
        return s;
    }

    /** Mean trauma score minus mean relax score, uS (docs/TRIALS.md B). */
    public double traumaMinusRelax(double[] trace, ScriptTask task) {
        double[] s = scores(trace, task);
        List<ScriptEvent> events = task.events();
        double trauma = 0;
        double relax = 0;
        int nt = 0;
        int nr = 0;
        for (int e = 0; e < s.length; e++) {
            if (events.get(e).script() == Script.TRAUMA) {
                trauma += s[e];
                nt++;
            } else if (events.get(e).script() == Script.RELAX) {
                relax += s[e];
                nr++;
            }
        }
        if (nt == 0 || nr == 0) {
            throw new IllegalArgumentException("task needs trauma and relax scripts");
        }
        return trauma / nt - relax / nr;
    }

    private int sample(double seconds) {
        return (int) Math.round(seconds * samplingHz);
    }
}
