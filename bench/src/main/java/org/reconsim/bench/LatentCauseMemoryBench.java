package org.reconsim.bench;


import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.reconsim.models.memory.Context;
import org.reconsim.models.memory.latentcause.LatentCauseMemory;
import org.reconsim.models.memory.latentcause.LatentCauseParameters;

/**
 * Latent-cause memory (Gershman 2017 local MAP) with all K = 15 causes in use (target: a trial under 5 us).
 *
 * <p>A trial's cost grows with the number of earlier trials (the ddCRP prior sums the kernel over
 * the whole history), so the state must not drift: before every invocation (excluded from the
 * time) a fresh subject is driven to 15 causes with {@code history} warm-up trials, then the
 * invocation times a batch of trials. {@code @Setup(Level.Invocation)} adds a timestamp pair per
 * batch, tens of ns against a batch of tens of microseconds.
 *
 * <p>Warm-up: 15 distinct stimuli (+-2 on one of the 7 features, or on two), 20 model units apart,
 * outcomes alternating; each takes a new cause. The setup checks {@code causesInUse() == 15}.
 */
@State(Scope.Thread)
public class LatentCauseMemoryBench extends Microbenchmark {

    /** Stimulus features as in {@code LatentCauseTrace}: the CS, then one per context. */
    static final int FEATURES = 1 + Context.values().length;
    static final int CAUSES = 15;
    static final int BATCH = 15;

    /**
     * Warm-up trials before the timed batch (a multiple of 15). 45: about a patient's history in a
     * trial (5 trauma trials, 4 scans, 40 PE trials); 450: a long lab protocol.
     */
    @Param({"45", "450"})
    public int history;

    /**
     * Model units between the timed trials: 3 gives the full maxIter = 3 EM iterations per
     * trial (the paper's spacing), 1 gives one.
     */
    @Param({"3"})
    public double gapUnits;

    private final LatentCauseParameters parameters = LatentCauseParameters.defaults();
    private final double[][] stimuli = new double[CAUSES][];
    private LatentCauseMemory memory;
    private double t;

    @Setup(Level.Trial)
    public void stimuli() {
        for (int k = 0; k < CAUSES; k++) {
            double[] x = new double[FEATURES];
            if (k < 14) {
                x[k % 7] = k < 7 ? 2 : -2;
            } else {
                x[0] = 2;
                x[1] = 2;
            }
            stimuli[k] = x;
        }
        if (parameters.maxCauses() != CAUSES) {
            throw new IllegalStateException("expected K = 15, parameters have " + parameters.maxCauses());
        }
    }

    @Setup(Level.Invocation)
    public void subjectWith15Causes() {
        memory = new LatentCauseMemory(parameters, FEATURES);
        t = 0;
        for (int i = 0; i < history; i++) {
            t += 20;
            memory.trial(t, stimuli[i % CAUSES], i % 2);
        }
        if (memory.causesInUse() != CAUSES) {
            throw new IllegalStateException("warm-up reached " + memory.causesInUse() + " causes, not " + CAUSES);
        }
    }

    /** One trial (inference, response, EM learning, assignment) with 15 causes in use. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void trialWith15Causes(Blackhole bh) {
        double time = t;
        for (int i = 0; i < BATCH; i++) {
            time += gapUnits;
            bh.consume(memory.trial(time, stimuli[i], i & 1));
        }
        t = time;
    }
}
