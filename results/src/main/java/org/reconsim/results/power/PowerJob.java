package org.reconsim.results.power;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.sim.ArmPlan;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.TrueEffects;
import org.reconsim.engine.sim.VirtualTrial;

/**
 * One point of a power sweep, described by values alone (the scenario's canonical JSON, the
 * seed, the sample sizes, an optional assurance prior: {@link TrialPrior}) so that it can be shipped to a Spark
 * executor or written into a checkpoint and rebuilt there. Every executor, local or remote,
 * compiles the scenario from that same JSON, so they simulate the same trials.
 *
 * <p>{@link #simulate(int)} runs one replicate: the virtual trial at the largest size, analysed
 * at every size through its first allocation blocks ({@link TrialOutcome#firstPerArm}), which
 * are exactly the trials those sizes would simulate (common random numbers).
 *
 * <p>Each result carries the true effects its estimates are judged against ({@link Truths}):
 * the scenario's, from {@link TrueEffects#PAIRS} counterfactual patients and computed once per
 * JVM; under assurance each trial's own, from {@link #PAIRS_PER_DRAW} counterfactual patients
 * simulated under that trial's draw (fewer, because they are simulated for every trial; the
 * same patients for every draw, so a trial's truth is a smooth function of its draw).
 */
public final class PowerJob implements Serializable {

    private static final long serialVersionUID = 4L;

    /** Counterfactual patients per arm for each trial's own true effect under assurance. */
    public static final int PAIRS_PER_DRAW = 100;

    private final String source;
    private final String scenarioJson;
    private final String scenarioSha256;
    private final long seed;
    private final int[] sizes;
    private final int largest;
    private final TrialPrior prior;
    private final boolean keepArmMeans;
    private final int truthPairs;
    private transient volatile Compiled compiled;
    /**
     * Under a prior whose every field is discrete, or a posterior's finite set of particles, the
     * draws repeat: each draw's compiled plan and truth (functions of the drawn values alone: the
     * same scenario edit, and always the same counterfactual patients) by those values, so that a
     * repeated draw costs neither a scenario edit and compilation nor a truth.
     */
    private transient volatile java.util.concurrent.ConcurrentHashMap<List<Double>, Draw> drawsByValues;

    /** One drawn scenario: its compiled plan and its true effects. */
    private record Draw(TrialPlan plan, Truths truth) {
    }

    /**
     * @param loaded        the scenario of this sweep point
     * @param seed          master seed
     * @param sizes         patients per arm, in output order
     * @param prior         assurance prior (--assurance's fields or --posterior's particles), or null
     * @param keepArmMeans  whether results carry the arm means of the largest trial (for the report)
     */
    public PowerJob(LoadedScenario loaded, long seed, List<Integer> sizes, TrialPrior prior, boolean keepArmMeans) {
        this(loaded, seed, sizes, prior, keepArmMeans, TrueEffects.PAIRS);
    }

    /**
     * A job whose scenario's true effects come from {@code truthPairs} counterfactual patients per
     * arm, or none at all when it is 0 (type S, exaggeration and effect_d are then NA; power and the
     * z statistics do not need them): for callers that run many jobs and read only those, such as
     * a sensitivity analysis, where the truth would cost most of each job's time.
     */
    public PowerJob(LoadedScenario loaded, long seed, List<Integer> sizes, TrialPrior prior, boolean keepArmMeans, int truthPairs) {
        if (truthPairs < 0) {
            throw new IllegalArgumentException("truthPairs must be at least 0, got " + truthPairs);
        }
        this.truthPairs = truthPairs;
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("no sample sizes");
        }
        this.source = loaded.source();
        this.scenarioJson = loaded.canonical().json();
        this.scenarioSha256 = loaded.canonical().sha256();
        this.seed = seed;
        this.sizes = sizes.stream().mapToInt(Integer::intValue).toArray();
        if (Arrays.stream(this.sizes).distinct().count() != this.sizes.length) {
            throw new IllegalArgumentException("sample sizes must be distinct: " + sizes); // each names its results
        }
        this.largest = Arrays.stream(this.sizes).max().orElseThrow();
        this.prior = prior;
        this.keepArmMeans = keepArmMeans;
    }

    /** What a job compiles to, once per JVM. */
    private record Compiled(LoadedScenario loaded, TrialPlan plan, RandomStreams streams, TrialAnalysis analysis, ResultLayout layout,
                            Truths truth, SequentialPlan sequential, TrialPlan nullPlan) {
    }

    private Compiled compiled() {
        Compiled c = compiled;
        if (c == null) {
            synchronized (this) {
                c = compiled;
                if (c == null) {
                    LoadedScenario loaded;
                    try {
                        loaded = ScenarioLoader.parse(source + ".json", scenarioJson);
                    } catch (InvalidScenarioException e) {
                        throw new IllegalStateException("a checked scenario was refused when rebuilt: " + e.getMessage(), e);
                    }
                    if (!loaded.canonical().sha256().equals(scenarioSha256)) {
                        throw new IllegalStateException("the scenario did not survive its canonical form: " + source);
                    }
                    TrialPlan plan = TrialPlan.compile(loaded.scenario()).withoutSessionDetail();
                    TrialAnalysis analysis = new TrialAnalysis(loaded.scenario().analysis(), plan);
                    List<String> arms = keepArmMeans ? plan.arms().stream().map(ArmPlan::name).toList() : List.of();
                    RandomStreams streams = new RandomStreams(seed);
                    // under assurance each trial has its own truth: the scenario's is not needed
                    Truths truth = prior != null ? null : truthPairs == 0 ? Truths.none(analysis.layout())
                            : Truths.of(plan, streams, analysis.layout(), truthPairs);
                    // with interim analyses, every replicate is also simulated under the null (LookStatistics)
                    SequentialPlan sequential = SequentialPlan.of(loaded.scenario(), sizes(), analysis.layout().contrasts());
                    TrialPlan nullPlan = sequential == null ? null
                            : TrialPlan.compile(LookStatistics.nullScenario(loaded.scenario()), plan).withoutSessionDetail();
                    c = new Compiled(loaded, plan, streams, analysis, new ResultLayout(sizes(), analysis.layout(), arms), truth,
                            sequential, nullPlan);
                    compiled = c;
                }
            }
        }
        return c;
    }

    public Scenario scenario() {
        return compiled().loaded().scenario();
    }

    /** The compiled plan of the scenario as written (without a prior draw). */
    public TrialPlan plan() {
        return compiled().plan();
    }

    public long seed() {
        return seed;
    }

    public String scenarioSha256() {
        return scenarioSha256;
    }

    public List<Integer> sizes() {
        return Arrays.stream(sizes).boxed().toList();
    }

    /** The largest sample size: the one every replicate is simulated at. */
    public int largestSize() {
        return largest;
    }

    public TrialPrior prior() {
        return prior;
    }

    public boolean keepsArmMeans() {
        return keepArmMeans;
    }

    /** Analysis methods in output order. */
    public List<AnalysisMethod> methods() {
        return compiled().analysis().methods();
    }

    /** The group-sequential design of this job's sizes, or null for a fixed design. */
    public SequentialPlan sequential() {
        return compiled().sequential();
    }

    /** An empty accumulator for this job's results. */
    public PowerAccumulator accumulator() {
        return new PowerAccumulator(this);
    }

    /** Where each number of this job's results sits: its sizes, analyses and (when kept) arm means. */
    public ResultLayout layout() {
        return compiled().layout();
    }

    private java.util.concurrent.ConcurrentHashMap<List<Double>, Draw> draws() {
        if (drawsByValues == null) {
            synchronized (this) {
                if (drawsByValues == null) {
                    drawsByValues = new java.util.concurrent.ConcurrentHashMap<>();
                }
            }
        }
        return drawsByValues;
    }

    /** The scenario the prior's {@code drawn} values make, compiled, with its truth from {@link #PAIRS_PER_DRAW} patients. */
    private Draw draw(Compiled c, double[] drawn) {
        TrialPlan plan = prior.plan(prior.scenario(c.loaded(), drawn), c.plan());
        return new Draw(plan, Truths.of(plan, c.streams(), c.analysis().layout(), PAIRS_PER_DRAW));
    }

    /** Simulates and analyses replicate {@code r}. Thread-safe. */
    public ReplicateResult simulate(int r) {
        Compiled c = compiled();
        TrialPlan plan = c.plan();
        ReplicateResult.Builder result = new ReplicateResult.Builder(c.layout(), r);
        if (prior == null) {
            result.truth(c.truth());
        } else {
            double[] drawn = prior.draw(c.streams(), r);
            Draw d = prior.discrete() ? draws().computeIfAbsent(Arrays.stream(drawn).boxed().toList(), k -> draw(c, drawn))
                    : draw(c, drawn);
            plan = d.plan();
            result.drawn(drawn).truth(d.truth());
        }
        TrialOutcome trial = VirtualTrial.run(plan, c.streams(), r, largest);
        int block = plan.allocationBlock();
        TrialResults[] finals = new TrialResults[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            finals[s] = c.analysis().analyse(trial.firstPerArm(sizes[s], block));
            result.add(finals[s]);
        }
        if (c.sequential() != null) {
            // the written scenario's null, also under assurance: the draws move the scenario's truth, not the null's
            TrialOutcome nullTrial = VirtualTrial.run(c.nullPlan(), c.streams(), r, largest);
            result.lookZ(LookStatistics.observe(c.sequential(), c.analysis(), finals, trial, nullTrial, block));
        }
        if (keepArmMeans) {
            result.armMeans(trial);
        }
        return result.build();
    }
}
