package org.reconsim.results.inference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Problem;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.ScenarioEdit;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.sim.ArmPlan;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.engine.targets.Claim;
import org.reconsim.engine.targets.Finding;
import org.reconsim.engine.targets.LoadedTargets;
import org.reconsim.models.mechanism.MechanismType;
import org.reconsim.results.power.AnalysisKey;
import org.reconsim.results.power.AssurancePrior;
import org.reconsim.results.power.Contrast;
import org.reconsim.results.power.PriorDistribution;
import org.reconsim.results.power.TrialAnalysis;
import org.reconsim.results.power.TrialResults;
import org.reconsim.results.stats.TestResult;

/**
 * The trial model as a {@link SummarySimulator}: one simulated trial of the scenario at the
 * published sizes, under one mechanism hypothesis and one set of free-field values, summarised by
 * the z (estimate / standard error of the scenario's first analysis method, ancova by default) of
 * each target finding's endpoint, visit and contrast, in the target file's order.
 *
 * <p>Everything is validated at construction ({@link #of}): hypotheses, free fields and their
 * priors, and that the targets fit the scenario (arms, contrasts, visits, sizes). Problems are
 * one line each in an IllegalArgumentException's message (lines joined by '\n').
 *
 * <p>Draw {@code d} is replicate {@code d} of the scenario's random streams at its seed, so a
 * draw is the same trial under every hypothesis and parameter value (common random numbers:
 * differences between hypotheses are not blurred by different noise).
 */
public final class ScenarioSummarySimulator implements SummarySimulator {

    private static final long serialVersionUID = 1L;

    /** One simulated trial: each finding's z and whether its claim holds ({@link ClaimReading}). */
    public record Trial(double[] z, boolean[] claimHolds) {
    }

    private final LoadedScenario base;
    /** The base scenario's canonical tree, edited (a copy) for each simulated parameter value. */
    private final tools.jackson.databind.JsonNode baseTree;
    private final List<Finding> findings;
    private final List<String> hypotheses;
    private final List<List<String>> mechanisms;
    private final List<FreeField> free;
    private final long seed;
    private final int nPerArm;
    private final AnalysisMethod method;
    private final double critical;
    /** Each hypothesis's plan with the free fields at the base scenario's values; the calibration other plans reuse. */
    private final TrialPlan[] plans;
    private final TrialAnalysis[] analyses;
    /** Per finding: its analysis and its arms' indices. */
    private final AnalysisKey[] keys;
    private final int[] treatmentArm;
    private final int[] controlArm;

    private ScenarioSummarySimulator(LoadedScenario base, List<Finding> findings, List<String> hypotheses, List<FreeField> free,
                                     long seed) {
        this.base = base;
        this.baseTree = org.reconsim.engine.scenario.CanonicalForm.toTree(base.scenario());
        this.findings = List.copyOf(findings);
        this.hypotheses = List.copyOf(hypotheses);
        this.mechanisms = hypotheses.stream().map(AssurancePrior::mechanisms).toList();
        this.free = List.copyOf(free);
        this.seed = seed;
        Scenario s = base.scenario();
        this.nPerArm = s.design().nPerArm();
        this.method = s.analysis().methods().get(0);
        this.critical = ClaimReading.critical(s.analysis().alpha());
        this.plans = new TrialPlan[hypotheses.size()];
        this.analyses = new TrialAnalysis[hypotheses.size()];
        TrialPlan previous = null;
        for (int h = 0; h < plans.length; h++) {
            Scenario edited = edit(h, new double[0]).scenario();
            plans[h] = TrialPlan.compile(edited, previous).withoutSessionDetail();
            analyses[h] = analysis(plans[h]);
            previous = plans[h];
        }
        List<Contrast> contrasts = Contrast.of(plans[0]);
        this.keys = new AnalysisKey[findings.size()];
        this.treatmentArm = new int[findings.size()];
        this.controlArm = new int[findings.size()];
        for (int i = 0; i < keys.length; i++) {
            Finding f = findings.get(i);
            Contrast c = contrasts.stream().filter(x -> x.treatment().equals(f.contrast().treatment())
                    && x.control().equals(f.contrast().control())).findFirst().orElseThrow();
            keys[i] = new AnalysisKey(c, f.endpoint(), f.visit(), method);
            treatmentArm[i] = plans[0].arm(c.treatment()).index();
            controlArm[i] = plans[0].arm(c.control()).index();
        }
    }

    /** {@link #of(LoadedScenario, LoadedTargets, List, List, long)} at the scenario's own seed. */
    public static ScenarioSummarySimulator of(LoadedScenario scenario, LoadedTargets targets, List<String> hypotheses,
                                              List<FreeField> free) {
        return of(scenario, targets, hypotheses, free, scenario.scenario().simulation().seed());
    }

    /**
     * The simulator of {@code scenario}'s trial summarised by {@code targets}' findings.
     *
     * @param hypotheses labels: {@code null} (no mechanism) or mechanism labels joined by '+';
     *                   null or empty: the scenario's own mechanisms
     * @param free       the free fields, in the order of theta (may be empty)
     * @param seed       master seed of the random streams
     * @throws IllegalArgumentException one line per problem
     */
    public static ScenarioSummarySimulator of(LoadedScenario scenario, LoadedTargets targets, List<String> hypotheses,
                                              List<FreeField> free, long seed) {
        List<String> problems = new ArrayList<>();
        List<String> labels = hypotheses == null || hypotheses.isEmpty() ? List.of(label(scenario.scenario())) : hypotheses;
        checkHypotheses(scenario, labels, problems);
        checkFree(scenario, free, problems);
        checkTargets(scenario, targets, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new ScenarioSummarySimulator(scenario, targets.targets().findings(), labels, free, seed);
    }

    /** The label of a scenario's own hypothesis: its active mechanisms joined by '+', {@code null} when none. */
    public static String label(Scenario s) {
        List<String> active = s.mechanisms().active().stream().map(MechanismType::label).toList();
        return active.isEmpty() ? "null" : String.join("+", active);
    }

    private static void checkHypotheses(LoadedScenario scenario, List<String> labels, List<String> problems) {
        for (int i = 0; i < labels.size(); i++) {
            String h = labels.get(i);
            if (labels.subList(0, i).contains(h)) {
                problems.add("hypothesis '" + h + "' is listed twice");
                continue;
            }
            problems.addAll(hypothesisProblems(scenario, h));
        }
    }

    /**
     * Why {@code scenario} cannot run under hypothesis {@code h} (null, or mechanism labels joined
     * by '+'), one line each as {@code hypothesis 'h': problem}; empty when it can. Shared with
     * power's {@code --posterior}, whose particles carry their hypotheses.
     */
    public static List<String> hypothesisProblems(LoadedScenario scenario, String h) {
        List<String> names = AssurancePrior.mechanisms(h);
        if (h.isEmpty() || names.contains("") || names.contains("null")) {
            return List.of("hypothesis '" + h + "': expected null or mechanism labels joined by '+', e.g. "
                    + "restabilization-blockade+plasticity-window");
        }
        try {
            ScenarioEdit.set(scenario, Map.of(AssurancePrior.MECHANISMS, names));
            return List.of();
        } catch (InvalidScenarioException e) {
            return e.problems().stream().map(p -> "hypothesis '" + h + "': " + p.message()).toList();
        }
    }

    private static void checkFree(LoadedScenario scenario, List<FreeField> free, List<String> problems) {
        List<String> seen = new ArrayList<>();
        for (FreeField f : free) {
            String what = "free field " + f.field() + ": ";
            if (seen.contains(f.field())) {
                problems.add(what + "given twice");
                continue;
            }
            seen.add(f.field());
            String fixed = FreeField.cannotVary(f.field());
            if (fixed != null) {
                problems.add(what + "cannot vary: " + fixed);
            } else if (f.prior() instanceof PriorDistribution.Discrete) {
                problems.add(what + "takes a continuous prior (uniform, loguniform, normal, lognormal or beta), not discrete");
            } else {
                for (double v : f.prior().probes()) {
                    try {
                        ScenarioEdit.set(scenario, f.field(), v);
                    } catch (InvalidScenarioException e) {
                        String at = "free field " + f.field() + "=" + v + ": ";
                        e.problems().stream().map(p -> at + p.message()).filter(m -> !problems.contains(m)).forEach(problems::add);
                        break;
                    }
                }
            }
        }
    }

    /** Each finding's arms, contrast, visit and sizes against the scenario: the trial is simulated as published. */
    private static void checkTargets(LoadedScenario scenario, LoadedTargets targets, List<String> problems) {
        Scenario s = scenario.scenario();
        TrialPlan sketch;
        try {
            sketch = TrialPlan.compile(s);
        } catch (RuntimeException e) {
            problems.add(scenario.source() + ": cannot compile: " + e.getMessage());
            return;
        }
        List<Contrast> contrasts = Contrast.of(sketch);
        List<Visit> followUps = s.protocol().visits().followUps();
        for (Finding f : targets.targets().findings()) {
            String what = targets.source() + ": finding " + f.id() + ": ";
            String t = f.contrast().treatment();
            String c = f.contrast().control();
            List<String> arms = sketch.arms().stream().map(ArmPlan::name).toList();
            if (!arms.contains(t) || !arms.contains(c)) {
                problems.add(what + "the scenario " + s.name() + " has no arm '" + (arms.contains(t) ? c : t) + "' (arms: "
                        + String.join(", ", arms) + ")");
                continue;
            }
            if (contrasts.stream().noneMatch(x -> x.treatment().equals(t) && x.control().equals(c))) {
                problems.add(what + "the scenario " + s.name() + " does not analyse " + t + " minus " + c + " (contrasts: "
                        + String.join(", ", contrasts.stream().map(Contrast::label).toList()) + "; add it to design.contrasts)");
            }
            if (!followUps.contains(f.visit())) {
                problems.add(what + "the scenario " + s.name() + " does not scan at " + f.visit().label() + " after pre (scans: "
                        + String.join(", ", followUps.stream().map(Visit::label).toList()) + ")");
            }
            int nt = s.design().nPerArm() * sketch.arm(t).allocation();
            int nc = s.design().nPerArm() * sketch.arm(c).allocation();
            if (nt != f.n().treatment() || nc != f.n().control()) {
                problems.add(what + "published with " + f.n().treatment() + " " + t + " and " + f.n().control() + " " + c
                        + " patients, but the scenario " + s.name() + " has " + nt + " and " + nc
                        + " (design.n_per_arm x allocation); the trial is simulated at its published sizes");
            }
        }
    }

    /** The scenario under hypothesis {@code h} with the free fields at {@code theta} (none: the base values). */
    private LoadedScenario edit(int h, double[] theta) {
        try {
            return ScenarioEdit.set(base, edits(h, theta));
        } catch (InvalidScenarioException e) {
            throw new IllegalArgumentException(String.join("\n", e.problems().stream().map(Problem::message).toList()), e);
        }
    }

    /** The same scenario as {@link #edit}'s, without its canonical form (one per simulated pilot: the fast path). */
    private Scenario edited(int h, double[] theta) {
        try {
            return ScenarioEdit.scenario(base, baseTree, edits(h, theta));
        } catch (InvalidScenarioException e) {
            throw new IllegalArgumentException(String.join("\n", e.problems().stream().map(Problem::message).toList()), e);
        }
    }

    private Map<String, Object> edits(int h, double[] theta) {
        Map<String, Object> edits = new LinkedHashMap<>();
        edits.put(AssurancePrior.MECHANISMS, mechanisms.get(h));
        for (int j = 0; j < theta.length; j++) {
            edits.put(free.get(j).field(), theta[j]);
        }
        return edits;
    }

    /**
     * The analysis by the one method the statistics use, the scenario's first (the others would
     * only cost time); shared with {@link DesignSimulator}.
     */
    static TrialAnalysis analysis(TrialPlan plan) {
        Analysis a = plan.scenario().analysis();
        Analysis one = new Analysis(a.primaryEndpoint(), a.primaryVisit(), a.alpha(), List.of(a.methods().get(0)), a.priorMean(),
                a.priorSd(), a.bayesT(), a.imputation(), a.family(), a.adjustment(), a.hypothesizedDirection(), a.hypotheses());
        return new TrialAnalysis(one, plan);
    }

    @Override
    public List<String> statistics() {
        return findings.stream().map(Finding::id).toList();
    }

    @Override
    public List<String> hypotheses() {
        return hypotheses;
    }

    @Override
    public List<String> parameters() {
        return free.stream().map(FreeField::field).toList();
    }

    /** The free fields, in the order of theta. */
    public List<FreeField> free() {
        return free;
    }

    /** The findings the statistics summarise, in order. */
    public List<Finding> findings() {
        return findings;
    }

    /** The claim of each finding, in {@link #statistics()} order. */
    public List<Claim> claims() {
        return findings.stream().map(Finding::claim).toList();
    }

    /** The critical |z| of the significance claims (the scenario's alpha, two-sided). */
    public double critical() {
        return critical;
    }

    /** The scenario under hypothesis {@code h} with the free fields at {@code theta}, for reports and calibrated scenarios. */
    public LoadedScenario scenario(int h, double[] theta) {
        checkArguments(h, theta, 0);
        return edit(h, theta);
    }

    @Override
    public double[] simulate(int hypothesis, double[] theta, long draw) {
        return trial(hypothesis, theta, draw).z();
    }

    /** One simulated trial's z values and, for each finding, whether its published claim holds on it. */
    public Trial trial(int hypothesis, double[] theta, long draw) {
        checkArguments(hypothesis, theta, draw);
        TrialPlan plan = plans[hypothesis];
        TrialAnalysis analysis = analyses[hypothesis];
        if (theta.length > 0) {
            plan = TrialPlan.compile(edited(hypothesis, theta), plans[hypothesis]).withoutSessionDetail();
            analysis = analysis(plan);
        }
        TrialOutcome outcome = VirtualTrial.run(plan, new RandomStreams(seed), (int) draw, nPerArm);
        TrialResults results = analysis.analyse(outcome);
        double[] z = new double[keys.length];
        boolean[] holds = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            TestResult r = results.get(keys[i]);
            z[i] = r.estimate() / r.stdError();
            Finding f = findings.get(i);
            double changeT = Double.NaN;
            double changeC = Double.NaN;
            if (f.claim().aboutChangeFromPre()) {
                changeT = meanChange(outcome, treatmentArm[i], f);
                changeC = meanChange(outcome, controlArm[i], f);
            }
            holds[i] = ClaimReading.holds(f.claim(), z[i], changeT, changeC, critical);
        }
        return new Trial(z, holds);
    }

    /**
     * Serialized as the description it was built from: the scenario's canonical JSON (checked by
     * its sha256 when rebuilt), the findings' fields the simulation reads, the hypotheses, free
     * fields and seed. The rebuilt simulator compiles its plans again and simulates the same
     * trials; its findings carry no published intervals (nothing it simulates reads them).
     */
    private Object writeReplace() {
        return new Form(base.source(), base.canonical().json(), base.canonical().sha256(),
                findings.stream().map(FindingForm::of).toList(), hypotheses, free, seed);
    }

    private record FindingForm(String id, String endpoint, Visit visit, String treatment, String control, Double estimate, Double sd,
                               int nTreatment, int nControl, Claim claim, String units, String source, String note)
            implements java.io.Serializable {
        static FindingForm of(Finding f) {
            return new FindingForm(f.id(), f.endpoint().label(), f.visit(), f.contrast().treatment(), f.contrast().control(),
                    f.estimate(), f.sd(), f.n().treatment(), f.n().control(), f.claim(), f.units(), f.source(), f.note());
        }

        Finding finding() {
            return new Finding(id, org.reconsim.engine.scenario.Endpoint.named(endpoint), visit,
                    new org.reconsim.engine.targets.Contrast(treatment, control), estimate, sd, null,
                    new org.reconsim.engine.targets.ArmSizes(nTreatment, nControl), claim, units, source, note);
        }
    }

    private record Form(String source, String json, String sha256, List<FindingForm> findings, List<String> hypotheses,
                        List<FreeField> free, long seed) implements java.io.Serializable {
        private Object readResolve() {
            LoadedScenario loaded;
            try {
                loaded = org.reconsim.engine.scenario.ScenarioLoader.parse(source + ".json", json);
            } catch (InvalidScenarioException e) {
                throw new IllegalStateException("a checked scenario was refused when rebuilt: " + e.getMessage(), e);
            }
            if (!loaded.canonical().sha256().equals(sha256)) {
                throw new IllegalStateException("the scenario did not survive its canonical form: " + source);
            }
            return new ScenarioSummarySimulator(loaded, findings.stream().map(FindingForm::finding).toList(), hypotheses, free, seed);
        }
    }

    private void checkArguments(int hypothesis, double[] theta, long draw) {
        if (hypothesis < 0 || hypothesis >= hypotheses.size()) {
            throw new IllegalArgumentException("hypothesis " + hypothesis + " of " + hypotheses.size());
        }
        if (theta.length != 0 && theta.length != free.size()) {
            throw new IllegalArgumentException(theta.length + " parameter values for " + free.size() + " free fields");
        }
        if (draw < 0 || draw > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("draw " + draw + " is outside 0.." + Integer.MAX_VALUE);
        }
    }

    /** The arm's mean change from pre at the finding's visit, over the patients observed at both (NaN when none is). */
    private static double meanChange(TrialOutcome outcome, int arm, Finding f) {
        double sum = 0;
        int n = 0;
        for (PatientOutcome p : outcome.patients()) {
            if (p.arm() == arm) {
                double change = p.observed(f.visit(), f.endpoint()) - p.observed(Visit.PRE, f.endpoint());
                if (!Double.isNaN(change)) {
                    sum += change;
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
