package org.reconsim.bench;

import java.lang.reflect.Field;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.reconsim.models.memory.Context;
import org.reconsim.models.memory.latentcause.LatentCauseMemory;
import org.reconsim.models.memory.latentcause.LatentCauseParameters;
import org.reconsim.models.memory.latentcause.LatentCauseTrace;

/**
 * The latent-cause model through the adapter the engine uses ({@link LatentCauseTrace}), on a
 * patient whose memory holds all 15 causes. Includes the adapter's own work: hours-to-units
 * mapping, the stimulus vector, and a new parameter record per trial when the learning gain is
 * not exactly 1 (as in the engine: gain = learning rate x drug effect).
 *
 * <p>Before every invocation (not timed) a fresh patient (engine defaults: 18 units/h, gaps
 * saturating at 200 units, 6 h labile window, 5 trauma trials) goes through 3 rounds of 18
 * distinct events a day apart (6 contexts x CS reinforced, CS not reinforced, unsignalled US);
 * the setup checks 15 causes in use (reflection on the adapter's private model: the adapter does
 * not expose it). An invocation is one PE session: 8 events 5 minutes apart.
 */
@State(Scope.Thread)
public class LatentCauseTraceBench extends Microbenchmark {

    static final int SESSION = 8;
    static final int ROUNDS = 3;

    private LatentCauseTrace trace;
    private double hours;

    @Setup(Level.Invocation)
    public void patientWith15Causes() throws ReflectiveOperationException {
        trace = LatentCauseTrace.withTrauma(LatentCauseParameters.defaults(), 18, 200, 6, 0.8, 5, 3652.5);
        hours = 0;
        for (int r = 0; r < ROUNDS; r++) {
            for (Context c : Context.values()) {
                hours += 24;
                trace.trial(c, hours, 1, 1);
                hours += 24;
                trace.trial(c, hours, 0, 1);
                hours += 24;
                trace.aversiveEvent(c, hours);
            }
        }
        hours += 24;
        int causes = causesInUse(trace);
        if (causes != LatentCauseMemoryBench.CAUSES) {
            throw new IllegalStateException("adapter warm-up reached " + causes + " causes, not 15");
        }
    }

    static int causesInUse(LatentCauseTrace trace) throws ReflectiveOperationException {
        Field f = LatentCauseTrace.class.getDeclaredField("memory");
        f.setAccessible(true);
        return ((LatentCauseMemory) f.get(trace)).causesInUse();
    }

    /** One PE exposure trial, {@code exposureTrial(THERAPY, t, 0.93)}, per op. */
    @Benchmark
    @OperationsPerInvocation(SESSION)
    public void exposureTrialWith15Causes(Blackhole bh) {
        double h = hours;
        for (int i = 0; i < SESSION; i++) {
            h += 5 / 60.0;
            bh.consume(trace.exposureTrial(Context.THERAPY, h, 0.93));
        }
        hours = h;
    }

    /**
     * A scan's fear read-out, {@code expression(SCANNER, t)}: a prediction without learning
     * ({@code LatentCauseMemory.peek}); the engine calls it twice per scan (fear, extinction recall).
     */
    @Benchmark
    @OperationsPerInvocation(SESSION)
    public void expressionWith15Causes(Blackhole bh) {
        double h = hours;
        for (int i = 0; i < SESSION; i++) {
            h += 5 / 60.0;
            bh.consume(trace.expression(Context.SCANNER, h));
        }
        hours = h;
    }
}
