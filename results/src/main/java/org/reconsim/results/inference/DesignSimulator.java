package org.reconsim.results.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.ScenarioEdit;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.power.AnalysisKey;
import org.reconsim.results.power.AnalysisLayout;
import org.reconsim.results.power.AssurancePrior;
import org.reconsim.results.power.Contrast;
import org.reconsim.results.power.TrialAnalysis;
import org.reconsim.results.power.TrialResults;
import org.reconsim.results.stats.TestResult;

/**
 * A trial design as a {@link SummarySimulator}: one call is one virtual trial of the design's
 * scenario with n patients per arm, under one mechanism hypothesis ({@code mechanisms.active} set
 * to its labels: {@code null} is none, '+' joins mechanisms, as in power's assurance prior), with
 * no free parameters. Its statistics are the z values (estimate / standard error, by the
 * scenario's first analysis method) of every contrast ({@link Contrast#of}: each arm against the
 * control, then the named contrasts) x endpoint x scanned post-baseline visit, named
 * {@code contrast/endpoint/visit}: everything a reader of the trial's analyses sees.
 * {@link ScenarioSummarySimulator} is the same trial model summarized by a target file's
 * findings at the published sizes; the two share the hypothesis syntax
 * ({@link AssurancePrior#mechanisms}) and the one-method analysis.
 *
 * <p>Draw d is replicate d of the scenario's random streams (the master seed given here), so
 * draw d at n per arm is the first n allocation blocks of draw d at any larger size, and the
 * same draw under two hypotheses has the same patients (common random numbers; the callers
 * decide whether to use them). The plans are compiled once; simulation is thread-safe.
 */
public final class DesignSimulator implements SummarySimulator {

    private static final long serialVersionUID = 1L;

    /** What it was built from, to travel as ({@link #writeReplace}). */
    private final LoadedScenario design;
    private final long seed;
    private final List<String> hypotheses;
    private final List<TrialPlan> plans;
    private final TrialAnalysis analysis;
    private final List<AnalysisKey> keys;
    private final List<String> statistics;
    private final RandomStreams streams;
    private final int nPerArm;

    /**
     * @param design     the design's scenario (its mechanisms are replaced by each hypothesis')
     * @param hypotheses hypothesis labels, e.g. {@code null}, {@code restabilization-blockade}, {@code a+b}
     * @param nPerArm    patients per arm (checked analysable by the caller)
     * @param seed       master seed
     * @throws InvalidScenarioException when the scenario refuses a hypothesis's labels (an unknown mechanism)
     */
    public DesignSimulator(LoadedScenario design, List<String> hypotheses, int nPerArm, long seed) throws InvalidScenarioException {
        this.design = design;
        this.seed = seed;
        this.hypotheses = List.copyOf(hypotheses);
        this.nPerArm = nPerArm;
        this.streams = new RandomStreams(seed);
        List<TrialPlan> compiled = new ArrayList<>();
        TrialPlan previous = null;
        for (String h : this.hypotheses) {
            LoadedScenario edited = withHypothesis(design, h);
            TrialPlan plan = (previous == null ? TrialPlan.compile(edited.scenario())
                    : TrialPlan.compile(edited.scenario(), previous)).withoutSessionDetail();
            compiled.add(plan);
            previous = plan;
        }
        this.plans = List.copyOf(compiled);
        this.analysis = ScenarioSummarySimulator.analysis(plans.get(0));
        AnalysisLayout layout = analysis.layout();
        AnalysisMethod method = layout.methods().get(0);
        List<String> names = new ArrayList<>();
        List<AnalysisKey> at = new ArrayList<>();
        for (Contrast c : layout.contrasts()) {
            for (Endpoint e : layout.endpoints()) {
                for (Visit v : layout.visits()) {
                    names.add(c.label() + "/" + e.label() + "/" + v.label());
                    at.add(new AnalysisKey(c, e, v, method));
                }
            }
        }
        this.statistics = List.copyOf(names);
        this.keys = List.copyOf(at);
    }

    /** The design's scenario with {@code mechanisms.active} set to the hypothesis's labels. */
    public static LoadedScenario withHypothesis(LoadedScenario design, String hypothesis) throws InvalidScenarioException {
        return ScenarioEdit.set(design, Map.of(AssurancePrior.MECHANISMS, AssurancePrior.mechanisms(hypothesis)));
    }

    @Override
    public List<String> statistics() {
        return statistics;
    }

    @Override
    public List<String> hypotheses() {
        return hypotheses;
    }

    @Override
    public List<String> parameters() {
        return List.of();
    }

    /** Patients per arm of every simulated trial. */
    public int nPerArm() {
        return nPerArm;
    }

    @Override
    public double[] simulate(int hypothesis, double[] theta, long draw) {
        if (theta.length != 0) {
            throw new IllegalArgumentException("a design has no free parameters, got " + theta.length);
        }
        if (draw < 0 || draw > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("draw must be within 0.." + Integer.MAX_VALUE + ", got " + draw);
        }
        TrialResults results = analysis.analyse(VirtualTrial.run(plans.get(hypothesis), streams, (int) draw, nPerArm));
        double[] z = new double[keys.size()];
        for (int i = 0; i < z.length; i++) {
            TestResult t = results.get(keys.get(i));
            z[i] = t.estimate() / t.stdError();
        }
        return z;
    }

    /** Serialized as the design's canonical JSON, hypotheses, size and seed; rebuilt by compiling them again. */
    private Object writeReplace() {
        return new Form(design.source(), design.canonical().json(), design.canonical().sha256(), hypotheses, nPerArm, seed);
    }

    private record Form(String source, String json, String sha256, List<String> hypotheses, int nPerArm, long seed)
            implements java.io.Serializable {
        private Object readResolve() {
            try {
                LoadedScenario loaded = org.reconsim.engine.scenario.ScenarioLoader.parse(source + ".json", json);
                if (!loaded.canonical().sha256().equals(sha256)) {
                    throw new IllegalStateException("the design did not survive its canonical form: " + source);
                }
                return new DesignSimulator(loaded, hypotheses, nPerArm, seed);
            } catch (InvalidScenarioException e) {
                throw new IllegalStateException("a checked design was refused when rebuilt: " + e.getMessage(), e);
            }
        }
    }
}
