package org.reconsim.engine.sim;

import ec.util.MersenneTwisterFast;
import sim.engine.SimState;

/**
 * The MASON simulation state of one virtual trial. MASON's own generator is seeded with
 * an int array from the trial's stream (MASON seeds use only 32 bits of a long); the model
 * itself draws from the coordinate-addressed streams, never from MASON's generator.
 */
final class TrialState extends SimState {

    private static final long serialVersionUID = 1L;

    TrialState(int[] seed) {
        super(new MersenneTwisterFast(seed));
    }

    void schedule(double time, ProtocolEvent event) {
        if (!schedule.scheduleOnce(time, event.kind().ordinal(), event)) {
            throw new IllegalStateException("cannot schedule " + event.kind() + " at hour " + time);
        }
    }
}
