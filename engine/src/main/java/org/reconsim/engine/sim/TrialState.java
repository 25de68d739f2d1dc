package org.reconsim.engine.sim;

import ec.util.MersenneTwisterFast;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The MASON simulation state of one virtual trial. MASON's own generator is seeded with
 * an int array from the trial's stream (MASON seeds use only 32 bits of a long); the model
 * itself draws from the coordinate-addressed streams, never from MASON's generator.
 *
 * <p>MASON's generator serves only its schedule, which shuffles the events due at the same time
 * and ordering; patients (and a laboratory's subjects) share no state, so that order changes no
 * output. {@link #start} therefore leaves out MASON's priming of the generator (1249 discarded
 * draws per trial, about 2% of a two-trace trial in a JFR profile of a power run): the shuffles
 * differ, the outputs are byte-identical.
 */
final class TrialState extends SimState {

    private static final long serialVersionUID = 1L;

    TrialState(int[] seed) {
        super(new MersenneTwisterFast(seed));
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
