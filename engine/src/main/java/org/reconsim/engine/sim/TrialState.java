package org.reconsim.engine.sim;

import ec.util.MersenneTwisterFast;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The MASON simulation state of one virtual trial or laboratory group. The model draws from the
 * coordinate-addressed streams, never from MASON's generator: a laboratory group's generator is
 * seeded with an int array from its stream (MASON seeds use only 32 bits of a long), a virtual
 * trial uses its thread's ({@link #ofVirtualTrial}).
 *
 * <p>MASON's generator serves only its schedule, which shuffles the events due at the same time
 * and ordering; patients (and a laboratory's subjects) share no state, so that order changes no
 * output. {@link #start} therefore leaves out MASON's priming of the generator (1249 discarded
 * draws per trial, about 2% of a two-trace trial in a JFR profile of a power run): the shuffles
 * differ, the outputs are byte-identical.
 */
final class TrialState extends SimState {

    private static final long serialVersionUID = 1L;

    /**
     * The generator of a thread's virtual trials ({@link #ofVirtualTrial}), seeded once per
     * thread: a trial's schedule holds one protocol entry at a time ({@link ProtocolEvent.Planned}),
     * so MASON shuffles only different patients' restabilizations due at one moment, whose order
     * changes no output. Seeding a generator per trial cost about 2% of a power replicate (three
     * passes over MASON's 624-word state; JFR, issue 15 item 8).
     */
    private static final ThreadLocal<MersenneTwisterFast> TRIAL_SHUFFLES = ThreadLocal.withInitial(() -> new MersenneTwisterFast(1));

    TrialState(int[] seed) {
        super(new MersenneTwisterFast(seed));
    }

    private TrialState(MersenneTwisterFast random) {
        super(random);
    }

    /** The state of one virtual trial on the calling thread, with the thread's generator (unseeded per trial). */
    static TrialState ofVirtualTrial() {
        return new TrialState(TRIAL_SHUFFLES.get());
    }

    /** {@link SimState#start} without {@code primeGenerator}: a fresh state has no asynchronous steppables to clean up. */
    @Override
    public void start() {
        schedule.reset();
    }

    void schedule(double time, ProtocolEvent.Kind kind, Steppable event) {
        if (!schedule.scheduleOnce(time, kind.ordinal(), event)) {
            throw new IllegalStateException("cannot schedule " + kind + " at hour " + time);
        }
    }
}
