package org.reconsim.engine.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.rng.Purpose;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Experiment;
import org.reconsim.models.mechanism.MechanismSet;
import org.reconsim.models.memory.Context;
import org.reconsim.models.memory.TraumaMemory;
import org.reconsim.models.pharmacology.ConcentrationProfile;
import org.reconsim.models.pharmacology.NmdaOccupancy;
import org.reconsim.models.population.CorrelatedNormals;
import org.reconsim.models.population.LogNormal;
import org.reconsim.models.population.PatientGenerator;

import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Runs one laboratory experiment of the phenomena suite: for each group a MASON schedule
 * holding every subject's protocol steps (1 unit = 1 hour). Subject s of every group draws
 * from the same streams (common random numbers), so group contrasts reflect the protocols.
 */
public final class LabExperiment {

    private LabExperiment() {
    }

    /** What one group produced: per test label, one value per subject; and each subject's peak NMDA occupancy (0 without the antagonist). */
    public record GroupOutcome(String group, Map<String, double[]> tests, double[] exposure) {

        public GroupOutcome {
            tests = copy(tests);
            exposure = exposure.clone();
        }

        /** A copy, in the experiment's order of tests. */
        @Override
        public Map<String, double[]> tests() {
            return copy(tests);
        }

        @Override
        public double[] exposure() {
            return exposure.clone();
        }

        private static Map<String, double[]> copy(Map<String, double[]> tests) {
            Map<String, double[]> out = new LinkedHashMap<>();
            tests.forEach((k, v) -> out.put(k, v.clone()));
            return java.util.Collections.unmodifiableMap(out);
        }
    }

    /**
     * @param e           the experiment
     * @param memory      makes a fresh, naive memory for a subject
     * @param mechanisms  NMDA-antagonist mechanism hypotheses
     * @param streams     random streams
     */
    public static List<GroupOutcome> run(Experiment e, Supplier<TraumaMemory> memory, MechanismSet mechanisms, RandomStreams streams) {
        List<GroupOutcome> out = new ArrayList<>();
        LabDrug drug = LabDrug.of(e);
        for (Experiment.Group g : e.groups()) {
            out.add(runGroup(e, g, drug, memory, mechanisms, streams));
        }
        return out;
    }

    private static GroupOutcome runGroup(Experiment e, Experiment.Group g, LabDrug drug, Supplier<TraumaMemory> memory,
                                         MechanismSet mechanisms, RandomStreams streams) {
        int n = e.subjectsPerGroup();
        UniformRandomProvider seedStream = streams.stream(Purpose.SCHEDULE, -1, 0);
        int[] masonSeed = new int[8];
        for (int i = 0; i < masonSeed.length; i++) {
            masonSeed[i] = seedStream.nextInt();
        }
        TrialState state = new TrialState(masonSeed);
        state.start();
        Map<String, double[]> tests = new LinkedHashMap<>();
        for (Experiment.Step step : g.steps()) {
            if (step.action() == Experiment.Action.TEST) {
                tests.put(step.label(), new double[n]);
            } else if (step.action() == Experiment.Action.EXTINCTION && !step.label().isEmpty()) {
                tests.put(step.label() + "-first", new double[n]);
                tests.put(step.label() + "-last", new double[n]);
            }
        }
        double[] exposure = new double[n];
        for (int s = 0; s < n; s++) {
            Subject subject = new Subject(e, g, drug, memory.get(), mechanisms, streams, s, tests, exposure);
            for (Experiment.Step step : g.steps()) {
                if (!state.schedule.scheduleOnce(step.atHours(), 1, new StepEvent(subject, step))) {
                    throw new IllegalStateException("cannot schedule step at " + step.atHours());
                }
            }
        }
        while (state.schedule.step(state)) {
            // run every subject's steps in time order
        }
        state.finish();
        return new GroupOutcome(g.name(), tests, exposure);
    }

    private record StepEvent(Subject subject, Experiment.Step step) implements Steppable {
        private static final long serialVersionUID = 1L;

        @Override
        public void step(SimState state) {
            subject.perform(step, state.schedule.getTime(), (TrialState) state);
        }
    }

    private record Restabilization(Subject subject) implements Steppable {
        private static final long serialVersionUID = 1L;

        @Override
        public void step(SimState state) {
            subject.restabilize();
        }
    }

    /**
     * One virtual subject: its memory, the agents it received, its noise. The NMDA antagonist
     * is the experiment's drug and dose through the trial's PK and NMDA-occupancy model
     * (docs/MODEL.md 3; the subject's PK parameters vary as a patient's do) and acts through
     * the same reconsolidation choreography as a trial patient's drug; the other agents
     * (protein-synthesis inhibitor, propranolol, GluN2B antagonist) act at full strength for
     * {@code agents.duration_hours} after they are given and scale its steps. Every agent's
     * time is fixed by the group's protocol, so a labile window's restabilization is known when
     * the window opens, as in a trial.
     */
    private static final class Subject implements Reconsolidation.DrugExposure, Reconsolidation.OtherAgents {
        private final Experiment e;
        private final TraumaMemory memory;
        private final Reconsolidation reconsolidation;
        private final int index;
        private final Map<String, double[]> tests;
        private final double learningRate;
        private final UniformRandomProvider memoryStream;
        private final UniformRandomProvider noiseStream;
        /** Agent presence intervals, [start, end) per agent ordinal, from the protocol; null when never given. */
        private final double[][] present = new double[Experiment.AgentName.values().length][];
        /** The NMDA antagonist's concentration profile (minute 0 = its agent step), null when not given. */
        private final ConcentrationProfile nmda;
        private final double nmdaGivenAt;
        private final NmdaOccupancy occupancy;
        private final double peakOccupancy;

        Subject(Experiment e, Experiment.Group g, LabDrug drug, TraumaMemory memory, MechanismSet mechanisms, RandomStreams streams,
                int index, Map<String, double[]> tests, double[] exposure) {
            this.e = e;
            this.memory = memory;
            this.index = index;
            this.tests = tests;
            UniformRandomProvider traits = streams.stream(Purpose.POPULATION, index, 0);
            this.learningRate = LogNormal.multiplier(e.subjects().learningRateCv(), PatientGenerator.standardNormal(traits));
            double nmdaAt = Double.NaN;
            for (Experiment.Step step : g.steps()) {
                if (step.action() == Experiment.Action.AGENT && step.agent() != Experiment.AgentName.VEHICLE) {
                    present[step.agent().ordinal()] = new double[] {step.atHours(), step.atHours() + e.agents().durationHours()};
                    if (step.agent() == Experiment.AgentName.NMDA_ANTAGONIST) {
                        nmdaAt = step.atHours();
                    }
                }
            }
            // the PK deviates are drawn for every subject, given the drug or not (common random numbers)
            PatientExposure px = PatientExposure.of(e.pharmacology(), drug.correlation(), drug.arm(), e.subjects().weightKg(),
                    streams.stream(Purpose.PHARMACOKINETICS, index, 0));
            this.occupancy = e.pharmacology().occupancy();
            this.nmda = Double.isNaN(nmdaAt) ? null : px.profile();
            this.nmdaGivenAt = nmdaAt;
            this.peakOccupancy = nmda == null ? 0 : occupancy.occupancy(nmda.peakNgPerMl());
            exposure[index] = peakOccupancy;
            this.memoryStream = streams.stream(Purpose.MEMORY, index, 0);
            this.noiseStream = streams.stream(Purpose.MEASUREMENT_NOISE, index, 0);
            this.reconsolidation = new Reconsolidation(memory, mechanisms, this, this, learningRate);
        }

        private static Context context(Experiment.Place place) {
            return switch (place) {
                case A -> Context.LAB_A;
                case B -> Context.LAB_B;
                case C -> Context.LAB_C;
            };
        }

        private boolean isPresent(Experiment.AgentName agent, double t) {
            double[] w = present[agent.ordinal()];
            return w != null && t >= w[0] && t < w[1];
        }

        /** Share of [from, to) during which the agent acts. */
        private double cover(Experiment.AgentName agent, double from, double to) {
            double[] w = present[agent.ordinal()];
            if (w == null || !(to > from)) {
                return 0;
            }
            return Math.max(0, Math.min(to, w[1]) - Math.max(from, w[0])) / (to - from);
        }

        @Override
        public double occupancyAt(double t) {
            return nmda == null || t < nmdaGivenAt ? 0 : occupancy.occupancy(nmda.plasmaNgPerMl((t - nmdaGivenAt) * 60));
        }

        @Override
        public double meanOccupancy(double from, double to) {
            return nmda == null || to <= nmdaGivenAt ? 0
                    : occupancy.meanOccupancy(nmda, (from - nmdaGivenAt) * 60, (to - nmdaGivenAt) * 60);
        }

        @Override
        public double peakOccupancy() {
            return peakOccupancy;
        }

        @Override
        public double hoursSinceDose(double t) {
            return nmda == null ? Double.NaN : t - nmdaGivenAt;
        }

        /** The protein-synthesis inhibitor and propranolol act for the share of the window they cover. */
        @Override
        public double restabilizationEfficiency(double from, double to) {
            return (1 - e.agents().proteinSynthesisInhibitor() * cover(Experiment.AgentName.PROTEIN_SYNTHESIS_INHIBITOR, from, to))
                    * (1 - e.agents().propranolol() * cover(Experiment.AgentName.PROPRANOLOL, from, to));
        }

        void perform(Experiment.Step step, double t, TrialState state) {
            Context c = context(step.context());
            switch (step.action()) {
                case AGENT -> {
                    // given as the protocol says: the presence intervals were read from it up front
                }
                case AVERSIVE_EVENT -> reconsolidation.aversiveEvent(c, t);
                case ACQUISITION -> trials(step, c, t, false);
                case REMINDER, EXTINCTION, TEST -> {
                    double occupancy = reconsolidation.reminded(t);
                    double glun2b = isPresent(Experiment.AgentName.GLUN2B_ANTAGONIST, t) ? 1 - e.agents().glun2bAntagonist() : 1.0;
                    if (!step.continuation() && reconsolidation.destabilize(c, t, step.reexposureMinutes(), step.outcomeOf(0, step.trials()),
                            memoryStream.nextDouble(), occupancy, glun2b)) {
                        state.schedule.scheduleOnce(memory.labileUntil(), 0, new Restabilization(this));
                    }
                    trials(step, c, t, step.action() == Experiment.Action.TEST || !step.label().isEmpty());
                }
                default -> throw new IllegalStateException(step.action().toString());
            }
        }

        private void trials(Experiment.Step step, Context c, double t, boolean measured) {
            double sum = 0;
            double first = 0;
            double last = 0;
            for (int i = 0; i < step.trials(); i++) {
                double ti = t + i * step.intervalMinutes() / 60.0;
                double r = reconsolidation.trial(c, ti, step.outcomeOf(i, step.trials()));
                sum += r;
                if (i == 0) {
                    first = r;
                }
                last = r;
            }
            if (measured && step.action() == Experiment.Action.TEST) {
                double noise = e.subjects().responseNoiseSd() * PatientGenerator.standardNormal(noiseStream);
                tests.get(step.label())[index] = sum / step.trials() + noise;
            } else if (measured) {
                // an extinction session's distress ratings (SUDS) on its first and last trial
                tests.get(step.label() + "-first")[index] = first + e.subjects().responseNoiseSd() * PatientGenerator.standardNormal(noiseStream);
                tests.get(step.label() + "-last")[index] = last + e.subjects().responseNoiseSd() * PatientGenerator.standardNormal(noiseStream);
            }
        }

        /** The window closes: the other agents and the mechanisms act as announced at its retrieval. */
        void restabilize() {
            reconsolidation.restabilize();
        }
    }

    /** The experiment's NMDA antagonist as a one-arm plan for the trial's PK, and the PK correlation, compiled once. */
    private record LabDrug(ArmPlan arm, CorrelatedNormals correlation) {

        static LabDrug of(Experiment e) {
            Experiment.Agents a = e.agents();
            ArmPlan arm = new ArmPlan(0, "nmda-antagonist", a.nmdaDrug(), e.pharmacology().pkModel(a.nmdaDrug()), a.nmdaDoseMgPerKg(),
                    a.nmdaInfusionMinutes(), 1, false, 0, true); // the lab protocol times each dose itself
            return new LabDrug(arm, new CorrelatedNormals(e.pharmacology().variability().correlation()));
        }
    }
}
