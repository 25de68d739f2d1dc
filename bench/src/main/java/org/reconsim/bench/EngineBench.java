package org.reconsim.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import ec.util.MersenneTwisterFast;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.scenario.Timeline;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.models.memory.MemoryModelRegistry;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The engine, {@code VirtualTrial.run(plan, streams, replicate, nPerArm)} on the bundled
 * {@code scenarios/duek-2021.yaml}, against a bare MASON baseline measured in the same run:
 * a {@link SimState} with the same number of no-op {@link Steppable}s at the same times and
 * orderings. Target: engine cost per patient-event within 3x of bare MASON.
 *
 * <p>Both benchmarks count the events they execute with a JMH {@link AuxCounters} counter,
 * so besides the time per trial (primary score) JMH reports {@code ...:events}, the time per
 * executed event. For the engine that is everything a trial costs (patient generation, PK
 * profiles, memory, measurement, MASON) divided by {@link TrialOutcome#events()} (scans,
 * infusion, PE sessions, restabilizations). Replicates 0..7 are run in turn.
 *
 * <p>Baseline: per patient, the 10 fixed protocol events (4 scans, the infusion, 5 sessions)
 * at the Timeline's hours with the engine's orderings (the event kind), plus that replicate's
 * restabilization events (counted from an engine run in the setup) 6 h after the pre scan;
 * the engine schedules the latter from inside a step, the baseline up front. Same MASON
 * seeding (8-int {@code MersenneTwisterFast}), {@code start()}, step loop and {@code finish()}.
 *
 * <p>The scenario: {@code -Dreconsim.scenario=path} or else {@code scenarios/duek-2021.yaml}
 * in the working directory, else the copy bundled in the jar; always loaded with
 * {@link ScenarioLoader#load}.
 */
@State(Scope.Thread)
public class EngineBench extends Microbenchmark {

    private static final int REPLICATES = 8;
    private static final long SEED = 20210601;

    /** Patients per arm: 12 (Duek 2021, 24 patients) and 50 (100 patients, the stats benchmarks' size). */
    @Param({"12", "50"})
    public int nPerArm;

    /** Memory model of the virtual patients: the scenario's two-trace, or the latent-cause model. */
    @Param({"two-trace", "latent-cause"})
    public String memory;

    private TrialPlan plan;
    private RandomStreams streams;
    private final long[] eventsOf = new long[REPLICATES];
    private int replicate;

    // baseline: the same times and orderings on a bare schedule
    private double[] fixedTimes;
    private int[] fixedOrderings;
    private double restabilizationTime;

    @Setup(Level.Trial)
    public void compile() throws Exception {
        Scenario s = ScenarioLoader.load(scenarioFile()).scenario();
        s = s.withMemory(s.memory().withModel(MemoryModelRegistry.byLabel(memory)
                .orElseThrow(() -> new IllegalArgumentException("memory: a registered memory model, was " + memory))));
        plan = TrialPlan.compile(s);
        streams = new RandomStreams(SEED);
        for (int r = 0; r < REPLICATES; r++) {
            eventsOf[r] = VirtualTrial.run(plan, streams, r, nPerArm).events();
        }
        Timeline t = plan.timeline();
        int perPatient = t.visits().length + 1 + t.sessionStarts().length;
        fixedTimes = new double[perPatient];
        fixedOrderings = new int[perPatient];
        int i = 0;
        // orderings as ProtocolEvent.Kind: RESTABILIZATION 0, SCAN 1, INFUSION 2, SESSION 3
        for (double v : t.visits()) {
            fixedTimes[i] = v;
            fixedOrderings[i++] = 1;
        }
        fixedTimes[i] = t.infusionStart();
        fixedOrderings[i++] = 2;
        for (double st : t.sessionStarts()) {
            fixedTimes[i] = st;
            fixedOrderings[i++] = 3;
        }
        restabilizationTime = t.visits()[0] + s.memory().twoTrace().labileWindowHours();
        long patients = (long) nPerArm * plan.allocationBlock();
        for (int r = 0; r < REPLICATES; r++) {
            if (eventsOf[r] < patients * perPatient) {
                throw new IllegalStateException("replicate " + r + ": " + eventsOf[r] + " events, fewer than "
                        + patients * perPatient + " scheduled");
            }
        }
    }

    private static Path scenarioFile() throws IOException {
        String property = System.getProperty("reconsim.scenario");
        if (property != null) {
            return Path.of(property);
        }
        Path local = Path.of("scenarios", "duek-2021.yaml");
        if (Files.isRegularFile(local)) {
            return local;
        }
        Path copy = Files.createTempFile("duek-2021-", ".yaml");
        copy.toFile().deleteOnExit();
        try (InputStream in = EngineBench.class.getResourceAsStream("/scenarios/duek-2021.yaml")) {
            if (in == null) {
                throw new IOException("scenarios/duek-2021.yaml neither in the working directory nor in the jar");
            }
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /** Events executed; JMH reports time per event as the secondary result {@code :events}. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    /** One virtual trial of the Duek 2021 scenario; {@code :events} is the cost per patient-event. */
    @Benchmark
    public TrialOutcome virtualTrial(Events counter) {
        int r = replicate++ & (REPLICATES - 1);
        TrialOutcome outcome = VirtualTrial.run(plan, streams, r, nPerArm);
        counter.events += outcome.events();
        return outcome;
    }

    /** Bare MASON: the same number of no-op events at the same times; {@code :events} is MASON's cost per event. */
    @Benchmark
    public long bareMasonSchedule(Events counter) {
        int r = replicate++ & (REPLICATES - 1);
        int[] seed = new int[8];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (int) (SEED * 31 + r * 7 + i);
        }
        Bare state = new Bare(new MersenneTwisterFast(seed));
        state.start();
        long patients = (long) nPerArm * plan.allocationBlock();
        long fixed = 0;
        for (long p = 0; p < patients; p++) {
            for (int i = 0; i < fixedTimes.length; i++) {
                state.schedule.scheduleOnce(fixedTimes[i], fixedOrderings[i], NO_OP);
                fixed++;
            }
        }
        for (long e = fixed; e < eventsOf[r]; e++) {
            state.schedule.scheduleOnce(restabilizationTime, 0, NO_OP);
        }
        Schedule schedule = state.schedule;
        while (schedule.step(state)) {
            // each step runs the events due at the next time
        }
        state.finish();
        counter.events += state.steps;
        return state.steps;
    }

    private static final Steppable NO_OP = new Steppable() {
        private static final long serialVersionUID = 1L;

        @Override
        public void step(SimState state) {
            ((Bare) state).steps++;
        }
    };

    /** A SimState that only counts the steps it ran (the engine's TrialState counts events the same way). */
    static final class Bare extends SimState {
        private static final long serialVersionUID = 1L;
        long steps;

        Bare(MersenneTwisterFast random) {
            super(random);
        }
    }
}
