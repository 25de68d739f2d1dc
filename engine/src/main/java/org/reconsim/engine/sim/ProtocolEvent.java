package org.reconsim.engine.sim;

import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One protocol event of one patient on the MASON schedule.
 *
 * @param patient  the agent it happens to
 * @param kind     what happens
 * @param index    visit or session index
 */
record ProtocolEvent(PatientAgent patient, Kind kind, int index) implements Steppable {

    private static final long serialVersionUID = 1L;

    /** Event kinds; the ordinal orders events due at the same hour. */
    enum Kind { RESTABILIZATION, SCAN, INFUSION, SESSION, RATING }

    @Override
    public void step(SimState state) {
        patient.handle(this, (TrialState) state);
    }
}
