package org.reconsim.engine.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.EngineVersion;
import org.reconsim.engine.rng.Purpose;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.run.ReplicateRunner;
import org.reconsim.models.population.PatientGenerator;

/**
 * Runs one virtual trial: a MASON {@code SimState} whose schedule (1 unit = 1 hour) holds
 * every patient's protocol events. MASON stays inside this package.
 */
public final class VirtualTrial {

    private VirtualTrial() {
    }

    public static TrialOutcome run(TrialPlan plan, RandomStreams streams, int replicate, int nPerArm) {
        return new TrialOutcome(replicate, nPerArm, simulate(plan, streams, replicate, enrolment(plan, nPerArm)));
    }

    /**
     * The patients {@link #run} would return, handed to {@code sink} in subject order, each
     * dropped once the sink has it: a dataset writer keeps a few patients' recorded scans (time
     * series, EDA traces) in memory instead of the whole trial's. The patients are simulated on
     * {@code runner}'s threads, a few per thread in flight ({@link ReplicateRunner#run}). Patients
     * do not interact and draw only from streams addressed by (seed, purpose, patient, replicate),
     * never from MASON's generator (TrialState), so each patient, simulated in a schedule of its
     * own, is bit for bit the one {@link #run} simulates, on any number of threads (a test asserts it).
     */
    public static void forEachPatient(TrialPlan plan, RandomStreams streams, int replicate, int nPerArm, ReplicateRunner runner,
                                      Consumer<PatientOutcome> sink) {
        List<Enrolment> enrolled = new ArrayList<>(enrolment(plan, nPerArm));
        enrolled.sort(Comparator.comparingLong(Enrolment::index));
        runner.run(0, enrolled.size(), i -> simulate(plan, streams, replicate, List.of(enrolled.get(i))).get(0), sink);
    }

    /** {@link #forEachPatient(TrialPlan, RandomStreams, int, int, ReplicateRunner, Consumer)} on the calling thread. */
    public static void forEachPatient(TrialPlan plan, RandomStreams streams, int replicate, int nPerArm, Consumer<PatientOutcome> sink) {
        try (ReplicateRunner one = new ReplicateRunner(1)) {
            forEachPatient(plan, streams, replicate, nPerArm, one, sink);
        }
    }

    /** Every arm's patients of a trial with {@code nPerArm} per arm (times the arm's allocation), arm by arm. */
    private static List<Enrolment> enrolment(TrialPlan plan, int nPerArm) {
        List<Enrolment> enrolled = new ArrayList<>();
        for (ArmPlan arm : plan.arms()) {
            int count = nPerArm * arm.allocation();
            for (int j = 0; j < count; j++) {
                enrolled.add(new Enrolment(arm, plan.patientIndex(arm, j)));
            }
        }
        return enrolled;
    }

    /** A patient of a simulation: the arm it is given and its global patient index (which addresses its random streams). */
    record Enrolment(ArmPlan arm, long index) {
    }

    /**
     * Simulates {@code enrolled} in one MASON schedule at replicate coordinate {@code replicate}
     * and returns their outcomes in subject order. Patients do not interact, so the same
     * patient (index) gives the same course whoever else is enrolled; {@link TrueEffects} relies
     * on this to give one patient both arms.
     */
    static List<PatientOutcome> simulate(TrialPlan plan, RandomStreams streams, int replicate, List<Enrolment> enrolled) {
        TrialState state = TrialState.ofVirtualTrial();
        state.start();

        int sites = plan.scenario().design().sites();
        double[] siteEffects = new double[sites * TrialPlan.ROI_COUNT];
        for (int s = 0; s < sites; s++) {
            UniformRandomProvider siteStream = streams.stream(Purpose.SITE, s, replicate);
            for (int k = 0; k < TrialPlan.ROI_COUNT; k++) {
                siteEffects[s * TrialPlan.ROI_COUNT + k] = plan.siteSd() * PatientGenerator.standardNormal(siteStream);
            }
        }

        List<PatientAgent> agents = new ArrayList<>(enrolled.size());
        for (Enrolment e : enrolled) {
            agents.add(new PatientAgent(plan, streams, e.arm(), e.index(), replicate, siteEffects));
        }
        agents.sort((a, b) -> Integer.compare(a.subjectId(), b.subjectId()));
        ProtocolEvent.Planned.first(ProtocolPlan.of(plan), agents.toArray(new PatientAgent[0]), state);
        while (state.schedule.step(state)) {
            // each step runs the events due at the next time
        }
        state.finish();
        List<PatientOutcome> patients = new ArrayList<>(agents.size());
        for (PatientAgent a : agents) {
            patients.add(a.outcome());
        }
        return List.copyOf(patients);
    }
}
