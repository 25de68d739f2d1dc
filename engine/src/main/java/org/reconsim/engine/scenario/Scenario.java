package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;
import org.reconsim.models.spec.Named;

import java.util.List;

import org.reconsim.models.mechanism.Mechanism;
import org.reconsim.models.mechanism.MechanismRegistry;
import org.reconsim.models.mechanism.MechanismSet;
import org.reconsim.models.mechanism.MechanismType;
import org.reconsim.models.measurement.ClinicalScale;
import org.reconsim.models.measurement.RoiActivation;
import org.reconsim.models.measurement.ScanSignals;
import org.reconsim.models.measurement.ScrMeasure;
import org.reconsim.models.memory.TwoTraceParameters;
import org.reconsim.models.memory.latentcause.LatentCauseParameters;
import org.reconsim.models.pharmacology.Dissociation;
import org.reconsim.models.pharmacology.DrugRegistry;
import org.reconsim.models.pharmacology.DrugType;
import org.reconsim.models.pharmacology.NmdaOccupancy;
import org.reconsim.models.pharmacology.NonspecificEffect;
import org.reconsim.models.pharmacology.PkModel;
import org.reconsim.models.pharmacology.PkModelRegistry;
import org.reconsim.models.pharmacology.PkModelType;
import org.reconsim.models.pharmacology.Sedation;
import org.reconsim.models.spec.Sections;

/**
 * A scenario file: one virtual trial design with its science. Field names are written in
 * snake_case in files; every field's meaning, unit, range and default source is in its
 * {@link Spec}. Defaults live in the {@code defaults()} methods, each line citing its source.
 */
public record Scenario(
        @Spec(doc = "Scenario name, used in output folder names", required = true) String name,
        @Spec(doc = "Free text describing the scenario") String description,
        @Spec(doc = "Trial design: arms, sample size, sites", required = true) Design design,
        @Spec(doc = "Protocol timeline") Protocol protocol,
        @Spec(doc = "Virtual patient population") Population population,
        @Spec(doc = "Trauma-memory model") Memory memory,
        @Spec(doc = "Pharmacokinetics and receptor occupancy") Pharmacology pharmacology,
        @Spec(doc = "Which drug-mechanism hypotheses are true, and their strengths") Mechanisms mechanisms,
        @Spec(doc = "Therapy course: dropout") Therapy therapy,
        @Spec(doc = "Observation models from latent state to outcomes") Measurement measurement,
        @Spec(doc = "Analysis plan") Analysis analysis,
        @Spec(doc = "Simulation defaults") Simulation simulation,
        @Spec(doc = "Direct-effect mode: arm effects in outcome units added to the treatment arm's post-baseline values "
                + "(conventional power analysis; needs mechanisms.active: [])") List<DirectEffect> directEffects) {

    public Scenario {
        directEffects = ReadOnly.list(directEffects);
    }


    public Scenario withProtocol(Protocol p) {
        return new Scenario(name, description, design, p, population, memory, pharmacology, mechanisms, therapy, measurement, analysis,
                simulation, directEffects);
    }

    public Scenario withMemory(Memory m) {
        return new Scenario(name, description, design, protocol, population, m, pharmacology, mechanisms, therapy, measurement, analysis,
                simulation, directEffects);
    }

    public Scenario withMechanisms(Mechanisms m) {
        return new Scenario(name, description, design, protocol, population, memory, pharmacology, m, therapy, measurement, analysis,
                simulation, directEffects);
    }

    public Scenario withDirectEffects(List<DirectEffect> effects) {
        return new Scenario(name, description, design, protocol, population, memory, pharmacology, mechanisms, therapy, measurement,
                analysis, simulation, List.copyOf(effects));
    }

    public Scenario withTherapy(Therapy t) {
        return new Scenario(name, description, design, protocol, population, memory, pharmacology, mechanisms, t, measurement, analysis,
                simulation, directEffects);
    }

    public static Scenario defaults() {
        return new Scenario(null, "", null, Protocol.defaults(), Population.defaults(), Memory.defaults(),
                Pharmacology.defaults(), Mechanisms.defaults(), Therapy.defaults(), Measurement.defaults(),
                Analysis.defaults(), Simulation.defaults(), List.of());
    }

    // ---------------------------------------------------------------- design

    public record Design(
            @Spec(doc = "Treatment arms: exactly two, one of them the control", required = true, minItems = 2, maxItems = 2)
            List<Arm> arms,
            @Spec(doc = "Name of the control arm; effects are other arm minus control", required = true)
            String controlArm,
            @Spec(doc = "Patients per arm (times the arm's allocation ratio)", min = PatientsPerArm.MIN, max = PatientsPerArm.MAX, source = "Duek 2021: 12 per arm")
            int nPerArm,
            @Spec(doc = "Number of sites; patients are spread evenly at random", min = 1, max = 1000, source = "Duek 2021: one site")
            int sites) {

        public Design {
            arms = ReadOnly.list(arms);
        }


        public static Design defaults() {
            return new Design(null, null, 12, 1);
        }
    }

    public record Arm(
            @Spec(doc = "Arm name (letters, digits, '-' or '_')", required = true) String name,
            @Spec(doc = "Drug given after retrieval", required = true) DrugType drug,
            @Spec(doc = "Dose per kg body weight", unit = "mg/kg", min = 0, max = 10, required = true) double doseMgPerKg,
            @Spec(doc = "Duration of the zero-order infusion", unit = "min", min = 0, max = 1440, source = "Duek 2021: 40 min")
            double infusionMinutes,
            @Spec(doc = "Allocation ratio (patients per arm = n_per_arm x allocation)", min = 1, max = 10) int allocation) {

        public static Arm defaults() {
            return new Arm(null, null, Double.NaN, 40.0, 1);
        }
    }

    // ---------------------------------------------------------------- protocol

    public record Protocol(
            @Spec(doc = "Duration of the trauma-script retrieval in the scanner at the pre visit", unit = "min", min = 0, max = 600,
                    minExclusive = true, source = "[assumption] script-driven imagery of a few minutes (Duek 2023: 30-s script windows)")
            double retrievalMinutes,
            @Spec(doc = "Infusion start relative to the end of the retrieval (negative: before it)", unit = "h", min = -48, max = 240,
                    source = "Duek 2021: right after reactivation")
            double infusionStartHours,
            @Spec(doc = "Prolonged-exposure sessions") PeSessions peSessions,
            @Spec(doc = "Scan visits, in days after the pre-visit retrieval") Visits visits) {

        public static Protocol defaults() {
            return new Protocol(5.0, 0.0, PeSessions.defaults(), Visits.defaults());
        }

        public Protocol withInfusionStartHours(double hours) {
            return new Protocol(retrievalMinutes, hours, peSessions, visits);
        }
    }

    public record PeSessions(
            @Spec(doc = "Number of PE sessions", min = 0, max = 100, source = "Duek 2021: 5 sessions") int count,
            @Spec(doc = "First session, hours after the infusion start", unit = "h", min = 0, max = 8760, source = "Duek 2023: therapy starting 24 h later")
            double firstHoursAfterInfusion,
            @Spec(doc = "Time between sessions", unit = "h", min = 0, max = 8760, minExclusive = true, source = "Duek 2023: daily sessions")
            double spacingHours,
            @Spec(doc = "Imaginal-exposure trials per session", min = 1, max = 100, source = "MODEL.md 2a: 8 trials per session")
            int trialsPerSession,
            @Spec(doc = "Duration of one exposure trial", unit = "min", min = 0, max = 240, minExclusive = true,
                    source = "[assumption] 40-45 min of imaginal exposure per PE session (Foa 2007 manual)")
            double trialMinutes) {

        public static PeSessions defaults() {
            return new PeSessions(5, 24.0, 24.0, 8, 5.0);
        }
    }

    public record Visits(
            @Spec(doc = "Pre-treatment scan with the trauma-script retrieval: protocol time 0", unit = "day", min = 0, max = 0,
                    source = "Duek 2021: retrieval in the scanner before the infusion") double pre,
            @Spec(doc = "Post-treatment scan", unit = "day", min = 0, max = 3650, minExclusive = true,
                    source = "[assumption] a day after the last of 5 daily sessions")
            double post,
            @Spec(doc = "30-day follow-up scan", unit = "day", min = 0, max = 3650, minExclusive = true, source = "Duek 2021")
            double fu30,
            @Spec(doc = "90-day follow-up scan", unit = "day", min = 0, max = 3650, minExclusive = true, source = "Duek 2021")
            double fu90) {

        public static Visits defaults() {
            return new Visits(0, 7, 30, 90);
        }
    }

    // ---------------------------------------------------------------- population

    public record Population(
            @Spec(doc = "Body weight", unit = "kg", source = "MODEL.md 1: N(80, 15) truncated to 45..150") Normal weightKg,
            @Spec(doc = "Age", unit = "years", source = "[assumption] adult PTSD trial samples") Normal ageYears,
            @Spec(doc = "Share of women", min = 0, max = 1, source = "[assumption]") double femaleFraction,
            @Spec(doc = "Years since the trauma", unit = "years", source = "[assumption] chronic PTSD") Normal memoryAgeYears,
            @Spec(doc = "Initial trauma-trace strength E0 (0..1, maps to severity)", source = "[assumption]")
            Normal traceStrength,
            @Spec(doc = "Initial extinction X0 (near 0)", source = "MODEL.md 1: near 0") Normal extinction,
            @Spec(doc = "CV of the individual learning-rate multiplier (log-normal)", min = 0, max = 3,
                    source = "[assumption] calibrated: about half respond to PE (>= 30% CAPS-5 drop; Steenkamp 2015)")
            double learningRateCv) {

        public static Population defaults() {
            return new Population(
                    new Normal(80, 15, 45, 150),   // MODEL.md section 1
                    new Normal(38, 11, 18, 70),    // [assumption]
                    0.5,                           // [assumption]
                    new Normal(10, 8, 0.5, 50),    // [assumption]
                    new Normal(0.7, 0.12, 0.2, 1), // [assumption]
                    new Normal(0.05, 0.03, 0, 0.3),
                    1.2);                          // [assumption] about half respond to PE (Steenkamp 2015): 55% with placebo
        }
    }

    public record Normal(
            @Spec(doc = "Mean") double mean,
            @Spec(doc = "Standard deviation", min = 0) double sd,
            @Spec(doc = "Lower truncation bound") double min,
            @Spec(doc = "Upper truncation bound") double max) {
    }

    // ---------------------------------------------------------------- memory

    /**
     * The memory model and, inline, every registered model's parameters section (memory.model,
     * memory.two_trace, memory.latent_cause, ...): a model is chosen by label from
     * {@link org.reconsim.models.memory.MemoryModelRegistry}, and builds its memories from the
     * sections (the latent-cause model borrows two_trace.labile_window_hours).
     */
    public record Memory(
            @Spec(doc = "Memory model") org.reconsim.models.memory.MemoryModel<?> model,
            @Spec(doc = "Each registered memory model's parameters, one section per model named by it ('_' for '-')", inline = true)
            Sections<Record> parameters) {

        public static Memory defaults() {
            return new Memory(org.reconsim.models.memory.MemoryModelRegistry.standard(),
                    org.reconsim.models.memory.MemoryModelRegistry.defaultSections());
        }

        /** A naive memory (no trauma yet) of the chosen model: the laboratory experiments' subjects. */
        public org.reconsim.models.memory.TraumaMemory naive() {
            return model.naive(parameters);
        }

        /** A patient's trauma memory of strength e0 (extinction x0) formed ageDays before hour 0. */
        public org.reconsim.models.memory.TraumaMemory patient(double e0, double x0, double ageDays) {
            return model.patient(parameters, e0, x0, ageDays);
        }

        /** The two-trace section, which also holds the labile window every built-in model uses. */
        public TwoTraceParameters twoTrace() {
            return parameters.get(TwoTraceParameters.class);
        }

        /** The latent-cause section (MODEL.md 2b). */
        public LatentCauseParameters latentCause() {
            return parameters.get(LatentCauseParameters.class);
        }

        /** The same memory section with another model. */
        public Memory withModel(org.reconsim.models.memory.MemoryModel<?> m) {
            return new Memory(m, parameters);
        }

        /** The same memory section with one model's parameters replaced (found by the record's type). */
        public Memory withParameters(Record p) {
            return new Memory(model, parameters.with(p));
        }
    }

    // ---------------------------------------------------------------- pharmacology

    public record Pharmacology(
            @Spec(doc = "Ketamine PK model") KetamineModel ketamineModel,
            @Spec(doc = "Inter-individual variability (log-normal)") Variability variability,
            @Spec(doc = "NMDA receptor occupancy") NmdaOccupancy occupancy,
            @Spec(doc = "Scale clearances with (weight/70)^0.75 and volumes with weight/70 (Anderson & Holford 2008)")
            boolean allometricScaling,
            @Spec(doc = "Each registered drug's nonspecific effect (ketamine's dissociation, midazolam's sedation), one section "
                    + "per effect", inline = true)
            Sections<NonspecificEffect> effects) {

        public static Pharmacology defaults() {
            return new Pharmacology(KetamineModel.of("clements"), Variability.defaults(), NmdaOccupancy.defaults(), false,
                    DrugRegistry.effectDefaults());
        }

        public Dissociation dissociation() {
            return effects.get(Dissociation.class);
        }

        public Sedation sedation() {
            return effects.get(Sedation.class);
        }

        /**
         * The PK model of a drug's arms: for the drug {@code ketamine_model} chooses among, the
         * chosen one; for any other drug its registered default; null for a placebo.
         */
        public PkModel pkModel(DrugType drug) {
            PkModelType chosen = ketamineModel.type();
            if (chosen.drug().equals(drug.label())) {
                return chosen.model();
            }
            return drug.pk() == null ? null : drug.pk().model();
        }

        /** What the drug does to the patient besides the mechanisms, with this scenario's parameters. */
        public NonspecificEffect effectOf(DrugType drug) {
            return drug.effect() == null ? NonspecificEffect.none() : effects.get(drug.effect().section());
        }
    }

    /**
     * Which registered ketamine PK model ketamine arms use, written by its name among ketamine's
     * models (clements, domino): a {@link org.reconsim.models.pharmacology.PkModelProvider}
     * registering another ketamine model adds a choice here.
     */
    public record KetamineModel(PkModelType type) implements Named {

        /** The drug whose models this field chooses among. */
        static final String DRUG = "ketamine";

        public KetamineModel {
            if (!type.drug().equals(DRUG)) {
                throw new IllegalArgumentException(type + " is not a ketamine model");
            }
        }

        public static List<KetamineModel> values() {
            return PkModelRegistry.forDrug(DRUG).stream().map(KetamineModel::new).toList();
        }

        /** The registered ketamine model named {@code variant}. */
        public static KetamineModel of(String variant) {
            return new KetamineModel(PkModelRegistry.byLabel(DRUG + "-" + variant).orElseThrow(
                    () -> new IllegalArgumentException("no ketamine PK model " + variant)));
        }

        @Override
        public String name() {
            return type.variant();
        }
    }

    public record Variability(
            @Spec(doc = "CV of clearance", min = 0, max = 3, source = "MODEL.md 3: 30% [background]") double clearanceCv,
            @Spec(doc = "CV of the central volume V1", min = 0, max = 3, source = "MODEL.md 3: 30% [background]") double v1Cv,
            @Spec(doc = "CV of the peripheral volumes", min = 0, max = 3, source = "MODEL.md 3: 25% [background]")
            double peripheralCv,
            @Spec(doc = "Correlation of the log-parameters (CL, V1, V2, V3) as a 4x4 matrix; default: independent", maxItems = 4)
            List<List<Double>> correlation) {

        public Variability {
            correlation = ReadOnly.rows(correlation);
        }


        public static Variability defaults() {
            return new Variability(0.30, 0.30, 0.25, IDENTITY4);
        }

        private static final List<List<Double>> IDENTITY4 = List.of(List.of(1.0, 0.0, 0.0, 0.0), List.of(0.0, 1.0, 0.0, 0.0),
                List.of(0.0, 0.0, 1.0, 0.0), List.of(0.0, 0.0, 0.0, 1.0));
    }

    // ---------------------------------------------------------------- mechanisms

    public record Mechanisms(
            @Spec(doc = "Mechanisms true for the virtual patients; an empty list is the null hypothesis (no drug effect on memory)")
            List<MechanismType<?>> active,
            @Spec(doc = "Each registered mechanism's strengths, one section per mechanism named by it ('_' for '-')", inline = true)
            Sections<Mechanism> strengths,
            @Spec(doc = "Nonspecific drug effects, true under every hypothesis: functional unblinding and expectancy, which "
                    + "move self-reported scores only") Nonspecific nonspecific) {

        public Mechanisms {
            active = ReadOnly.list(active);
        }

        public static Mechanisms defaults() {
            return new Mechanisms(List.of(MechanismRegistry.byType(org.reconsim.models.mechanism.RestabilizationBlockade.class)
                    .orElseThrow()), defaultStrengths(), Nonspecific.defaults());
        }

        /** Every registered mechanism's section at its defaults. */
        public static Sections<Mechanism> defaultStrengths() {
            List<Sections.Entry<Mechanism>> entries = new java.util.ArrayList<>();
            for (MechanismType<?> t : MechanismRegistry.all()) {
                entries.add(new Sections.Entry<>(t.section(), t.doc(), t.parameters(), t.defaults()));
            }
            return Sections.of(entries);
        }

        public Mechanisms withActive(List<MechanismType<?>> types) {
            return new Mechanisms(types, strengths, nonspecific);
        }

        /** The same section with one mechanism's strengths replaced (found by the record's type). */
        public Mechanisms withStrengths(Mechanism m) {
            return new Mechanisms(active, strengths.with(m), nonspecific);
        }

        public Mechanisms withNonspecific(Nonspecific n) {
            return new Mechanisms(active, strengths, n);
        }

        /** The strengths of one mechanism. */
        public <M extends Mechanism> M strengthsOf(Class<M> type) {
            return strengths.get(type);
        }

        /** The active mechanisms with their strengths, composed in registry order. */
        public MechanismSet toModel() {
            List<Mechanism> modules = new java.util.ArrayList<>();
            for (MechanismType<?> t : MechanismRegistry.all()) {
                if (active.contains(t)) {
                    modules.add(strengths.get(t.section()));
                }
            }
            return MechanismSet.of(modules);
        }
    }

    public record Nonspecific(
            @Spec(doc = "Probability of believing one got the active drug without any drug effect", min = 0, max = 1,
                    source = "[assumption] guessing near chance is rare in ketamine trials") double unblindingBase,
            @Spec(doc = "Added probability per unit of peak dissociation", min = 0, max = 1,
                    source = "[assumption] functional unblinding by dissociation (Feder 2014; Abdallah 2022)") double unblindingPerDissociation,
            @Spec(doc = "Added probability per unit of peak sedation", min = 0, max = 1,
                    source = "[assumption] midazolam's sedation is why it is the active placebo (Feder 2014)") double unblindingPerSedation,
            @Spec(doc = "Improvement of self-reported scores (PCL-5 points) in patients who believe they got the active drug",
                    unit = "points", min = 0, max = 80, source = "[assumption] expectancy about 0.3 SD of PCL-5") double expectancyPcl5) {

        public static Nonspecific defaults() {
            return new Nonspecific(0.1, 0.7, 0.3, 3.0);
        }
    }

    // ---------------------------------------------------------------- therapy

    public record Therapy(@Spec(doc = "Dropout from therapy") Dropout dropout) {

        public static Therapy defaults() {
            return new Therapy(Dropout.defaults());
        }
    }

    public record Dropout(
            @Spec(doc = "Probability of dropping out over the PE course (spread evenly over sessions); dropouts miss later visits",
                    min = 0, max = 1, maxExclusive = true, source = "Imel 2013: 18%; Lewis 2020: 16%") double probability,
            @Spec(doc = "Missingness mechanism: mcar (constant hazard), mar (hazard rises with the observed baseline PCL-5), "
                    + "mnar (hazard rises with the distress of the last session, unobserved)") DropoutMechanism mechanism,
            @Spec(doc = "Log hazard ratio per SD of distress (mar, mnar)", min = -5, max = 5,
                    source = "[assumption] dropout concentrated in more distressed patients (Imel 2013)") double distressSlope) {

        public static Dropout defaults() {
            return new Dropout(0.18, DropoutMechanism.MCAR, 0.5);
        }
    }

    public enum DropoutMechanism implements Named {
        MCAR, MAR, MNAR
    }

    // ---------------------------------------------------------------- measurement

    public record Measurement(
            @Spec(doc = "Amygdala trauma-minus-relax beta; latent: fear expression in the scanner") RoiActivation amygdala,
            @Spec(doc = "Hippocampus beta; latent: trauma-trace strength (retrieval)") RoiActivation hippocampus,
            @Spec(doc = "vmPFC beta; latent: extinction recall in the scanner") RoiActivation vmpfc,
            @Spec(doc = "Trauma-script skin conductance response") ScrMeasure scr,
            @Spec(doc = "SD of site intercepts, added to every ROI beta", min = 0, source = "[assumption]") double siteSd,
            @Spec(doc = "PCL-5 self-report (0-80); latent: fear expression at home") ClinicalScale pcl5,
            @Spec(doc = "CAPS-5 clinician rating (0-80); latent: fear expression at home; no expectancy") ClinicalScale caps5,
            @Spec(doc = "Days between weekly PCL-5 ratings (0: none)", unit = "day", min = 0, max = 90,
                    source = "MODEL.md 5: weekly PCL-5") double weeklyPcl5Days,
            @Spec(doc = "SD of the noise on SUDS ratings (0-100) during exposure", unit = "points", min = 0, max = 50,
                    source = "[assumption]") double sudsNoiseSd,
            @Spec(doc = "Assumptions of the synthesized time series and EDA (--timeseries, --physio)") ScanSignals signals,
            @Spec(doc = "The settings of instruments added on the class path, one section each, named by the instrument",
                    inline = true) Sections<Record> instruments) {

        public static Measurement defaults() {
            return new Measurement(
                    new RoiActivation(0.2, 1.0, 0.25, 0.4),  // ICC 0.4: task fMRI mean 0.397 (Elliott 2020)
                    new RoiActivation(0.1, 0.8, 0.25, 0.4),  // Elliott 2020
                    new RoiActivation(0.0, 0.8, 0.25, 0.4),  // Elliott 2020
                    ScrMeasure.defaults(),
                    0.05,
                    ClinicalScale.pcl5(),
                    ClinicalScale.caps5(),
                    7.0,
                    8.0,
                    ScanSignals.defaults(),
                    instrumentDefaults());
        }

        /** Every registered instrument with parameters of its own, at its defaults (none built in). */
        public static Sections<Record> instrumentDefaults() {
            List<Sections.Entry<Record>> entries = new java.util.ArrayList<>();
            for (org.reconsim.engine.sim.InstrumentType t : org.reconsim.engine.sim.Instruments.all()) {
                if (t.parameters() != null) {
                    entries.add(new Sections.Entry<>(t.section(), t.doc(), t.parameters(), t.defaults()));
                }
            }
            return Sections.of(entries);
        }
    }

    public record DirectEffect(
            @Spec(doc = "Endpoint the effect is added to", required = true) Endpoint endpoint,
            @Spec(doc = "Treatment minus control effect at every post-baseline visit, in the endpoint's units", required = true)
            double effect) {
    }

    // ---------------------------------------------------------------- analysis, simulation

    public record Analysis(
            @Spec(doc = "Primary endpoint") Endpoint primaryEndpoint,
            @Spec(doc = "Primary visit") Visit primaryVisit,
            @Spec(doc = "Two-sided significance level", min = 0, max = 0.5, minExclusive = true, source = "convention")
            double alpha,
            @Spec(doc = "Analyses run on every virtual trial: ancova (value ~ baseline + arm), lmm (value ~ arm * visit + "
                    + "(1 | subject), REML, Satterthwaite), welch (change from baseline), bayes (normal posterior from the ANCOVA "
                    + "estimate; 'significant' when the 95% credible interval excludes 0)", minItems = 1)
            List<AnalysisMethod> methods,
            @Spec(doc = "Prior of the bayes analysis: mean", source = "[assumption] sceptical prior centred on no effect")
            double priorMean,
            @Spec(doc = "Prior of the bayes analysis: SD (0: flat prior)", min = 0, source = "[assumption] flat") double priorSd,
            @Spec(doc = "Endpoint-visit pairs tested together (primary and secondary); empty: no family")
            List<FamilyMember> family,
            @Spec(doc = "Multiplicity adjustment over the family (first analysis method)") Adjustment adjustment) {

        public Analysis {
            methods = ReadOnly.list(methods);
            family = ReadOnly.list(family);
        }


        public static Analysis defaults() {
            return new Analysis(Endpoint.AMYGDALA, Visit.POST, 0.05, List.of(AnalysisMethod.ANCOVA), 0, 0, List.of(), Adjustment.NONE);
        }

        public Analysis(Endpoint primaryEndpoint, Visit primaryVisit, double alpha, List<AnalysisMethod> methods, double priorMean,
                        double priorSd) {
            this(primaryEndpoint, primaryVisit, alpha, methods, priorMean, priorSd, List.of(), Adjustment.NONE);
        }
    }

    public record FamilyMember(
            @Spec(doc = "Endpoint", required = true) Endpoint endpoint,
            @Spec(doc = "Visit (post, fu30 or fu90)", required = true) Visit visit) {
    }

    public enum Adjustment implements Named {
        NONE, BONFERRONI, HOLM
    }

    /**
     * An outcome a registered instrument reports (engine.sim.Instruments): the built-in ones
     * amygdala, hippocampus, vmpfc (ROI activation), scr, pcl5 and caps5 (clinical scales), then
     * those of instruments added on the class path. {@link #values()} and {@link #ordinal()}
     * work as an enum's do (the registry's order), so tables and layouts index endpoints alike
     * whichever instrument reports them. Instances are made by the registry only.
     */
    public static final class Endpoint implements Named {

        // the built-in instruments' endpoints, in registry order; made here (not looked up) so
        // that initializing this class never waits on the registry, which uses them
        public static final Endpoint AMYGDALA = new Endpoint("amygdala", "Amygdala trauma-minus-relax beta", 0);
        public static final Endpoint HIPPOCAMPUS = new Endpoint("hippocampus", "Hippocampus trauma-minus-relax beta", 1);
        public static final Endpoint VMPFC = new Endpoint("vmpfc", "vmPFC trauma-minus-relax beta", 2);
        public static final Endpoint SCR = new Endpoint("scr", "Trauma-script skin conductance response", 3);
        public static final Endpoint PCL5 = new Endpoint("pcl5", "PCL-5 self-report, 0-80", 4);
        public static final Endpoint CAPS5 = new Endpoint("caps5", "CAPS-5 clinician rating, 0-80", 5);
        private static final List<Endpoint> BUILT_IN = List.of(AMYGDALA, HIPPOCAMPUS, VMPFC, SCR, PCL5, CAPS5);

        private final String label;
        private final String doc;
        private final int ordinal;

        /** For the instrument registry, which numbers the endpoints in its order. */
        public Endpoint(String label, String doc, int ordinal) {
            if (!label.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("endpoint label must be lower-case letters, digits and '_': " + label);
            }
            this.label = label;
            this.doc = doc;
            this.ordinal = ordinal;
        }

        /** Every registered endpoint, in registry order (a fresh array, as an enum's values()). */
        public static Endpoint[] values() {
            return org.reconsim.engine.sim.Instruments.endpoints().toArray(Endpoint[]::new);
        }

        /** The built-in endpoint numbered {@code ordinal} if it has this label, else null: the registry reuses the constants. */
        public static Endpoint builtIn(String label, int ordinal) {
            return ordinal < BUILT_IN.size() && BUILT_IN.get(ordinal).label.equals(label) ? BUILT_IN.get(ordinal) : null;
        }

        /** The registered endpoint of this label; IllegalArgumentException if none. */
        public static Endpoint named(String label) {
            for (Endpoint e : org.reconsim.engine.sim.Instruments.endpoints()) {
                if (e.label.equals(label)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("no endpoint " + label);
        }

        @Override
        public String name() {
            return label.toUpperCase(java.util.Locale.ROOT);
        }

        @Override
        public String label() {
            return label;
        }

        /** What the endpoint measures. */
        public String doc() {
            return doc;
        }

        /** Position in the registry, as an enum constant's ordinal. */
        public int ordinal() {
            return ordinal;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public enum Visit implements Named {
        PRE, POST, FU30, FU90
    }

    public record Simulation(
            @Spec(doc = "Replicates (virtual trials) per sample size for power", min = 1, max = 100000000) int replicates,
            @Spec(doc = "Master seed of all random streams", min = 0) long seed) {

        public static Simulation defaults() {
            return new Simulation(1000, 20210601L);
        }
    }
}
