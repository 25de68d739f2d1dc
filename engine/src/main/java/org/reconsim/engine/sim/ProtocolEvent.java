package org.reconsim.engine.sim;

import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The events of a virtual trial on the MASON schedule. The protocol is the trial's, the same for
 * every patient, so each of its entries is one event that steps every enrolled patient, in
 * subject order ({@link Planned}); a labile window's close is one patient's own
 * ({@link Restabilization}).
 *
 * <p>Per patient this runs the same events in the same order as one event per patient and entry
 * did: MASON steps by time, then ordering (the {@link Kind} ordinal), and a patient's events
 * never tie on both (only the next planned entry is on the schedule, and a patient's windows
 * close one at a time). Only the order across patients at one moment changes, from MASON's
 * shuffle to subject order, and patients share no state. It saves most of the schedule's cost:
 * one heap entry per protocol entry rather than per patient and entry (MASON's heap, key
 * comparisons and shuffles were about a tenth of a power replicate in a JFR profile; issue 15
 * item 8).
 */
final class ProtocolEvent {

    private ProtocolEvent() {
    }

    /** Event kinds; the ordinal orders events due at the same hour. */
    enum Kind { RESTABILIZATION, SCAN, INFUSION, SESSION, RATING }

    /**
     * Protocol entry {@code entry} for {@code patients}; when they have all had it, the next
     * entry is scheduled, as each patient's event scheduled its successor.
     */
    record Planned(ProtocolPlan protocol, int entry, PatientAgent[] patients) implements Steppable {

        private static final long serialVersionUID = 1L;

        /** Puts the protocol's first entry on the schedule (nothing for an empty protocol or no patients). */
        static void first(ProtocolPlan protocol, PatientAgent[] patients, TrialState state) {
            if (protocol.size() > 0 && patients.length > 0) {
                state.schedule(protocol.time(0), protocol.kind(0), new Planned(protocol, 0, patients));
            }
        }

        @Override
        public void step(SimState state) {
            TrialState trial = (TrialState) state;
            // the schedule's time, not protocol.time(entry): MASON moves an event scheduled for
            // the current time to the next double, and the patients read the time it ran at
            double now = trial.schedule.getTime();
            Kind kind = protocol.kind(entry);
            int index = protocol.index(entry);
            for (PatientAgent p : patients) {
                p.planned(kind, index, now, trial);
            }
            int next = entry + 1;
            if (next < protocol.size()) {
                trial.schedule(protocol.time(next), protocol.kind(next), new Planned(protocol, next, patients));
            }
        }
    }

    /** The close of a labile window {@code patient}'s retrieval opened. */
    record Restabilization(PatientAgent patient) implements Steppable {

        private static final long serialVersionUID = 1L;

        @Override
        public void step(SimState state) {
            patient.restabilization();
        }
    }
}
