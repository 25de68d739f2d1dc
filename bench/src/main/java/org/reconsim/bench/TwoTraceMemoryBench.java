package org.reconsim.bench;


import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reconsim.models.memory.Context;
import org.reconsim.models.memory.TwoTraceMemory;
import org.reconsim.models.memory.TwoTraceParameters;

/**
 * One non-reinforced exposure (PE) trial of the two-trace model, {@code exposureTrial(THERAPY, t, gain)}
 * (target: under 50 ns). The patient has home extinction (x0 > 0) and accumulates therapy extinction,
 * so every trial evaluates two decayed extinction traces plus the consolidation of the trained one:
 * three {@code exp} calls. Trials are 5 minutes apart, as in a PE session; the memory is replaced
 * by a fresh patient every 12,000 trials (1000 h) so times stay in the range a trial covers.
 */
@State(Scope.Thread)
public class TwoTraceMemoryBench extends Microbenchmark {

    private static final double TRIAL_HOURS = 5 / 60.0;
    private static final double HORIZON_HOURS = 1000;

    private final TwoTraceParameters parameters = TwoTraceParameters.defaults();
    private TwoTraceMemory memory;
    private double t;
    /** Learning gain as the engine passes it: the patient's learning rate times the drug's effect. */
    private final double gain = 0.93;

    @Setup(Level.Iteration)
    public void newPatient() {
        // trace 0.8, home extinction 0.2, a 10-year-old memory (population defaults' typical patient)
        memory = new TwoTraceMemory(parameters, 0.8, 0.2, 3652.5);
        t = 72;
    }

    @Benchmark
    public double exposureTrial() {
        t += TRIAL_HOURS;
        if (t > HORIZON_HOURS) {
            newPatient();
        }
        return memory.exposureTrial(Context.THERAPY, t, gain);
    }

    /** The same trial inside a labile window (the reconsolidation-update branch also lowers E). */
    @Benchmark
    public double exposureTrialWhileLabile() {
        t += TRIAL_HOURS;
        if (t > HORIZON_HOURS) {
            newPatient();
        }
        if (!memory.isLabile(t)) {
            // reopen the window (6 h = 72 trials): amortized, ~1 retrieval per 72 trials
            memory.restabilize(1);
            memory.retrieve(Context.THERAPY, t, 5, 1, 0, 1);
        }
        return memory.exposureTrial(Context.THERAPY, t, gain);
    }
}
