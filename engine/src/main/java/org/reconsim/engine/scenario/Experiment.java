package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;
import org.reconsim.models.spec.Named;

import java.util.List;

import org.reconsim.models.memory.MemoryModel;
import org.reconsim.models.memory.MemoryModelRegistry;
import org.reconsim.models.pharmacology.DrugType;

/**
 * A laboratory experiment of the canonical phenomena suite (docs/PHENOMENA.md): groups of virtual
 * subjects, each group a protocol of steps (acquisition, reminders, extinction, tests, agents,
 * unsignalled aversive events) in contexts A, B, C; and the expected findings as contrasts.
 * Immutable: every list is copied into a read-only one.
 */
public record Experiment(
        @Spec(doc = "Experiment name", required = true) String name,
        @Spec(doc = "Row of docs/PHENOMENA.md", required = true, min = 1, max = 99) int phenomenon,
        @Spec(doc = "Study it reproduces", required = true) String title,
        @Spec(doc = "What must come out, in words") String finding,
        @Spec(doc = "Whether the row's findings depend on the drug-mechanism hypothesis (reported as a matrix, not pass/fail)")
        boolean mechanismMatrix,
        @Spec(doc = "Memory models the phenomenon is expected of") List<MemoryModel<?>> models,
        @Spec(doc = "Virtual subjects per group", min = 10, max = 100000, source = "[assumption] enough that verdicts are far from noise")
        int subjectsPerGroup,
        @Spec(doc = "Individual variation and response noise") Subjects subjects,
        @Spec(doc = "Memory model parameters (defaults as in trial scenarios)") Memory memory,
        @Spec(doc = "Agents: how strongly each acts while present; the NMDA antagonist's drug and dose") Agents agents,
        @Spec(doc = "PK and NMDA occupancy of the NMDA antagonist's dose (defaults as in trial scenarios)") Pharmacology pharmacology,
        @Spec(doc = "Drug-mechanism hypotheses for NMDA antagonists (ketamine, MK-801)") Mechanisms mechanisms,
        @Spec(doc = "Groups and their protocols", required = true, minItems = 1) List<Group> groups,
        @Spec(doc = "Expected findings", required = true, minItems = 1) List<Expectation> expect,
        @Spec(doc = "Master seed", min = 0) long seed) {

    public Experiment {
        models = ReadOnly.list(models);
        groups = ReadOnly.list(groups);
        expect = ReadOnly.list(expect);
    }

    public static Experiment defaults() {
        return new Experiment(null, 0, null, "", false, List.of(MemoryModelRegistry.standard()), 400,
                Subjects.defaults(), Memory.defaults(), Agents.defaults(), Pharmacology.defaults(), Mechanisms.defaults(), null, null,
                20000101L);
    }

    public record Subjects(
            @Spec(doc = "CV of the individual learning-rate multiplier (log-normal)", min = 0, max = 3, source = "[assumption]")
            double learningRateCv,
            @Spec(doc = "SD of the response noise on each test", min = 0, max = 1, source = "[assumption] freezing scored 0..1")
            double responseNoiseSd,
            @Spec(doc = "Body weight of every subject, for the NMDA antagonist's PK (exposure varies through "
                    + "pharmacology.variability)", unit = "kg", min = 1, max = 300,
                    source = "[assumption] the PK models' reference adult") double weightKg) {

        public static Subjects defaults() {
            return new Subjects(0.3, 0.1, 70);
        }
    }

    public record Agents(
            @Spec(doc = "Protein-synthesis inhibitor: loss of restabilization when present through the labile window", min = 0, max = 1,
                    source = "[assumption] Nader 2000: freezing 0.30 vs 0.70") double proteinSynthesisInhibitor,
            @Spec(doc = "Propranolol: loss of restabilization when present through the labile window", min = 0, max = 1,
                    source = "[assumption] Kindt 2009; Sevenster 2013") double propranolol,
            @Spec(doc = "GluN2B antagonist: loss of destabilization when present at retrieval", min = 0, max = 1,
                    source = "[assumption] Ben Mamou 2006") double glun2bAntagonist,
            @Spec(doc = "The NMDA antagonist's drug: its occupancy comes from this drug's PK and the NMDA-occupancy model of "
                    + "pharmacology, as in a trial", source = "Duek 2021: ketamine") DrugType nmdaDrug,
            @Spec(doc = "The NMDA antagonist's dose per kg body weight", unit = "mg/kg", min = 0, max = 10, minExclusive = true,
                    source = "Duek 2021: 0.5 mg/kg, the trial's dose") double nmdaDoseMgPerKg,
            @Spec(doc = "Duration of the NMDA antagonist's zero-order infusion, from the agent step on", unit = "min", min = 0,
                    max = 1440, source = "Duek 2021: 40 min") double nmdaInfusionMinutes,
            @Spec(doc = "How long the protein-synthesis inhibitor, propranolol or GluN2B antagonist acts after it is given",
                    unit = "h", min = 0, max = 240, minExclusive = true,
                    source = "[assumption] acts through the 6-h labile window") double durationHours) {

        public static Agents defaults() {
            return new Agents(
                    0.65,  // PSI [assumption]: calibrated to Nader 2000's freezing 0.30 vs 0.70 with retrieval inside the window
                    0.6,   // propranolol [assumption]: Kindt 2009, Sevenster 2013 (fear response erased in most subjects)
                    1.0,   // GluN2B antagonist [assumption]: no destabilization (Ben Mamou 2006)
                    // the NMDA antagonist is the trial's infusion (Duek 2021), through the trial's PK and occupancy
                    // model, so the matrix's rows 7, 9, 10 read the occupancy a patient gets (docs/MODEL.md 3)
                    org.reconsim.models.pharmacology.DrugRegistry.byLabel("ketamine").orElseThrow(),
                    0.5,
                    40.0,
                    6.0);  // duration [assumption]: acts through a 6-h labile window when given right after retrieval
        }
    }

    public record Group(
            @Spec(doc = "Group name", required = true) String name,
            @Spec(doc = "Protocol steps, in time order", required = true, minItems = 1) List<Step> steps) {

        public Group {
            steps = ReadOnly.list(steps);
        }
    }

    public record Step(
            @Spec(doc = "When the step starts, hours after the start of the experiment", unit = "h", min = 0, required = true)
            double atHours,
            @Spec(doc = "What happens", required = true) Action action,
            @Spec(doc = "Where it happens") Place context,
            @Spec(doc = "CS presentations (acquisition, extinction, reminder, test)", min = 1, max = 10000) int trials,
            @Spec(doc = "Duration of one CS presentation (re-exposure)", unit = "min", min = 0, minExclusive = true, max = 600)
            double trialMinutes,
            @Spec(doc = "Interval from one CS onset to the next", unit = "min", min = 0, max = 10000) double intervalMinutes,
            @Spec(doc = "Outcome of the first trial (1: aversive outcome; default 1 for acquisition, 0 otherwise)", min = -1, max = 1)
            double outcome,
            @Spec(doc = "Outcome of the last trial; outcomes change linearly between (gradual extinction); -1: same as outcome",
                    min = -1, max = 1) double outcomeLast,
            @Spec(doc = "Agent given (action: agent)") AgentName agent,
            @Spec(doc = "Name under which a test is measured; on an extinction step, its first and last trials are measured as <label>-first and <label>-last") String label,
            @Spec(doc = "The step continues the previous step's session: no new retrieval") boolean continuation) {

        public static Step defaults() {
            return new Step(Double.NaN, null, Place.A, 1, 0.5, 2.0, -1, -1, null, "", false);
        }

        /** How long the CS exposure of the step lasts, from the first onset to the last offset. */
        public double reexposureMinutes() {
            return Math.max(trials * trialMinutes, (trials - 1) * intervalMinutes + trialMinutes);
        }

        /** The outcome of trial i of n. */
        public double outcomeOf(int i, int n) {
            double first = outcome >= 0 ? outcome : action == Action.ACQUISITION ? 1 : 0;
            double last = outcomeLast >= 0 ? outcomeLast : first;
            return n <= 1 ? first : first + (last - first) * i / (n - 1);
        }
    }

    public enum Action implements Named {
        ACQUISITION, REMINDER, EXTINCTION, TEST, AGENT, AVERSIVE_EVENT
    }

    public enum Place implements Named {
        A, B, C;

        /** Contexts keep the papers' capital letters. */
        @Override
        public String label() {
            return name();
        }
    }

    public enum AgentName implements Named {
        PROTEIN_SYNTHESIS_INHIBITOR, PROPRANOLOL, GLUN2B_ANTAGONIST, NMDA_ANTAGONIST, VEHICLE
    }

    public record Expectation(
            @Spec(doc = "The measure expected higher, as group/label", required = true) String higher,
            @Spec(doc = "The measure expected lower, as group/label", required = true) String lower,
            @Spec(doc = "Smallest difference that counts (on the 0..1 response scale)", min = 0, max = 1) double minDifference,
            @Spec(doc = "Range the standardized difference (Hedges g) must fall in; empty: any", maxItems = 2) List<Double> effectSize,
            @Spec(doc = "What the contrast shows, in words") String meaning,
            @Spec(doc = "If > 0, the expectation is equivalence: the contrast's 95% interval lies within +-margin", min = 0, max = 1)
            double equivalenceMargin,
            @Spec(doc = "Relative drop from 'higher' to 'lower' (same group) that makes a subject a responder", min = 0, max = 1)
            double responderDrop,
            @Spec(doc = "Range the share of responders must fall in ([low, high]); empty: not checked", maxItems = 2)
            List<Double> responderShare) {

        public Expectation {
            effectSize = ReadOnly.list(effectSize);
            responderShare = ReadOnly.list(responderShare);
        }

        public static Expectation defaults() {
            return new Expectation(null, null, 0, List.of(), "", 0, 0.3, List.of());
        }
    }
}
