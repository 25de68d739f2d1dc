package org.reconsim.results.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.run.ReplicateRunner;
import org.reconsim.engine.sim.ArmPlan;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;

/**
 * The patients of one virtual trial as a dataset format reads them: one at a time, in subject
 * order. A simulated source ({@link #simulated}) simulates each patient when it is handed out and
 * keeps nothing, so a format that writes each patient's files before taking the next holds one
 * patient's time series and EDA traces in memory, not the trial's (1000 per arm with physiology is
 * about a gigabyte of traces). {@link #of} wraps a trial already in memory.
 */
public interface TrialPatients {

    /** The trial's replicate index (the first column of the run tables). */
    int replicate();

    /** Patients per arm, before allocation ratios. */
    int nPerArm();

    /** How many patients {@link #forEach} hands out. */
    int size();

    /**
     * Hands every patient to {@code sink} in subject order. A simulated source simulates them
     * again on every call: a format should read them once.
     */
    void forEach(Consumer<PatientOutcome> sink);

    /** All patients at once, for a format that needs the whole trial in memory. */
    default TrialOutcome collect() {
        List<PatientOutcome> all = new ArrayList<>(size());
        forEach(all::add);
        return new TrialOutcome(replicate(), nPerArm(), all);
    }

    /** The patients of a trial already simulated. */
    static TrialPatients of(TrialOutcome trial) {
        return new InMemory(trial);
    }

    /**
     * The patients {@code VirtualTrial.run(plan, streams, replicate, nPerArm)} would simulate,
     * simulated one at a time as they are handed out ({@link VirtualTrial#forEachPatient}).
     */
    static TrialPatients simulated(TrialPlan plan, RandomStreams streams, int replicate, int nPerArm) {
        return new Simulated(plan, streams, replicate, nPerArm, null);
    }

    /**
     * The same patients, simulated on {@code runner}'s threads a few at a time and handed out in
     * subject order (the runner stays the caller's to close).
     */
    static TrialPatients simulated(TrialPlan plan, RandomStreams streams, int replicate, int nPerArm, ReplicateRunner runner) {
        return new Simulated(plan, streams, replicate, nPerArm, runner);
    }

    /** A trial in memory. */
    record InMemory(TrialOutcome trial) implements TrialPatients {

        @Override
        public int replicate() {
            return trial.replicate();
        }

        @Override
        public int nPerArm() {
            return trial.nPerArm();
        }

        @Override
        public int size() {
            return trial.patients().size();
        }

        @Override
        public void forEach(Consumer<PatientOutcome> sink) {
            trial.patients().forEach(sink);
        }

        @Override
        public TrialOutcome collect() {
            return trial;
        }
    }

    /** A trial simulated patient by patient, on the calling thread when {@code runner} is null. */
    record Simulated(TrialPlan plan, RandomStreams streams, int replicate, int nPerArm, ReplicateRunner runner) implements TrialPatients {

        public Simulated {
            if (nPerArm < 1) {
                throw new IllegalArgumentException("patients per arm must be at least 1, got " + nPerArm);
            }
        }

        @Override
        public int size() {
            int allocation = 0;
            for (ArmPlan arm : plan.arms()) {
                allocation += arm.allocation();
            }
            return Math.multiplyExact(nPerArm, allocation);
        }

        @Override
        public void forEach(Consumer<PatientOutcome> sink) {
            if (runner == null) {
                VirtualTrial.forEachPatient(plan, streams, replicate, nPerArm, sink);
            } else {
                VirtualTrial.forEachPatient(plan, streams, replicate, nPerArm, runner, sink);
            }
        }
    }
}
