package org.reconsim.models.measurement;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The scanner task of Duek 2023 (docs/TRIALS.md B): script-driven imagery of trauma, sad and relax
 * scripts in 30-s windows, TR 1 s. After a lead-in, each script in {@code order} plays for
 * {@code scriptSeconds} and is followed by {@code restSeconds}; the scan ends after the last rest:
 * <pre>
 *   onset_i = leadIn + i (script + rest),   volumes = ceil((leadIn + |order| (script + rest)) / tr)
 * </pre>
 * Volume {@code j} is acquired at {@code t_j = j tr} (the start of the scan: SPM's reference bin 1).
 *
 * @param trSeconds     repetition time (1 s, Duek 2023)
 * @param scriptSeconds script window (30 s, Duek 2023)
 * @param restSeconds   rest after each script ([assumption] 30 s, so the HRF returns to baseline)
 * @param leadInSeconds lead-in before the first script ([assumption] 10 s)
 * @param order         script sequence
 */
public record ScriptTask(double trSeconds, double scriptSeconds, double restSeconds, double leadInSeconds, List<Script> order) {

    /** Three cycles in a Latin square (every script once in every position): [assumption] counterbalanced order. */
    public static final List<Script> LATIN_SQUARE = List.of(
            Script.TRAUMA, Script.SAD, Script.RELAX,
            Script.SAD, Script.RELAX, Script.TRAUMA,
            Script.RELAX, Script.TRAUMA, Script.SAD);

    public ScriptTask {
        if (!(trSeconds > 0 && scriptSeconds > 0 && restSeconds >= 0 && leadInSeconds >= 0)) {
            throw new IllegalArgumentException("task timings must be positive");
        }
        order = List.copyOf(order);
        if (order.isEmpty()) {
            throw new IllegalArgumentException("a task needs at least one script");
        }
    }

    /** Duek 2023 timings (TR 1 s, 30-s scripts) in the Latin-square order: 550 volumes. */
    public static ScriptTask duek2023() {
        return new ScriptTask(1.0, 30, 30, 10, LATIN_SQUARE);
    }

    /** The same timings with another order. */
    public ScriptTask withOrder(List<Script> newOrder) {
        return new ScriptTask(trSeconds, scriptSeconds, restSeconds, leadInSeconds, newOrder);
    }

    /**
     * The same timings, {@code repeats} cycles of the three scripts, each cycle an independent
     * uniform permutation (Fisher-Yates, {@code rng.nextInt} twice per cycle).
     */
    public ScriptTask withSeededOrder(int repeats, UniformRandomProvider rng) {
        List<Script> seq = new ArrayList<>(3 * repeats);
        Script[] cycle = Script.values();
        for (int r = 0; r < repeats; r++) {
            for (int i = cycle.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                Script s = cycle[i];
                cycle[i] = cycle[j];
                cycle[j] = s;
            }
            seq.addAll(List.of(cycle));
        }
        return withOrder(seq);
    }

    /** Total duration of the scan, s. */
    public double durationSeconds() {
        return leadInSeconds + order.size() * (scriptSeconds + restSeconds);
    }

    /** Number of volumes. */
    public int volumes() {
        return (int) Math.ceil(durationSeconds() / trSeconds - 1e-9);
    }

    /** The script presentations in time order (BIDS events.tsv rows). */
    public List<ScriptEvent> events() {
        List<ScriptEvent> ev = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            ev.add(new ScriptEvent(onset(i), scriptSeconds, order.get(i)));
        }
        return List.copyOf(ev);
    }

    /** Onset of the i-th script, s. */
    public double onset(int i) {
        return leadInSeconds + i * (scriptSeconds + restSeconds);
    }

    /**
     * Volumes inside the windows of {@code script}, each window shifted by {@code shiftSeconds}:
     * {@code onset + shift <= t_j < onset + script + shift}.
     */
    public boolean[] window(Script script, double shiftSeconds) {
        boolean[] in = new boolean[volumes()];
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) != script) {
                continue;
            }
            double from = onset(i) + shiftSeconds;
            double to = from + scriptSeconds;
            for (int j = 0; j < in.length; j++) {
                double t = j * trSeconds;
                if (t >= from - 1e-9 && t < to - 1e-9) {
                    in[j] = true;
                }
            }
        }
        return in;
    }

    /** The unconvolved boxcar of {@code script} at the volume times (1 inside its windows). */
    public double[] boxcar(Script script) {
        boolean[] in = window(script, 0);
        double[] x = new double[in.length];
        for (int j = 0; j < in.length; j++) {
            x[j] = in[j] ? 1 : 0;
        }
        return x;
    }

    /**
     * The boxcar of {@code script} convolved with the HRF at SPM's microtime
     * {@code dt = tr / 16}, sampled at the volume times:
     * <pre>
     *   x(t_j) = sum_k h_k box(16 j - k) = sum_events C(16 j - on) - C(16 j - off),
     *   C(m) = sum_{k=0}^{min(m, K)} h_k  (0 for m < 0)
     * </pre>
     * with {@code on, off} the event's first and one-past-last microtime bins; a long block settles at 1.
     */
    public double[] regressor(Script script, Hrf hrf) {
        double dt = trSeconds / Hrf.MICROTIME_BINS;
        double[] h = hrf.kernel(dt);
        double[] cumulative = new double[h.length];
        double sum = 0;
        for (int k = 0; k < h.length; k++) {
            sum += h[k];
            cumulative[k] = sum;
        }
        double[] x = new double[volumes()];
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) != script) {
                continue;
            }
            long on = Math.round(onset(i) / dt);
            long off = Math.round((onset(i) + scriptSeconds) / dt);
            for (int j = 0; j < x.length; j++) {
                long m = (long) j * Hrf.MICROTIME_BINS;
                x[j] += cumulativeAt(cumulative, m - on) - cumulativeAt(cumulative, m - off);
            }
        }
        return x;
    }

    private static double cumulativeAt(double[] c, long m) {
        if (m < 0) {
            return 0;
        }
        return m >= c.length ? c[c.length - 1] : c[(int) m];
    }
}
