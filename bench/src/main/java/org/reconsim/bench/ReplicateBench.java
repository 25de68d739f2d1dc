package org.reconsim.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.CanonicalForm;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.power.PowerJob;
import org.reconsim.results.power.ReplicateResult;
import org.reconsim.results.power.SampleSizes;
import org.reconsim.results.power.TrialAnalysis;
import org.reconsim.results.power.TrialResults;

/**
 * What one replicate of a power run costs on the bundled {@code duek-2021.yaml}:
 * <ul>
 * <li>{@code analyse}: {@link TrialAnalysis#analyse} on one simulated trial (6 endpoints x 3 visits)
 * with the scenario's ANCOVA, or with all four methods (ANCOVA, REML mixed model, Welch,
 * Bayesian normal);</li>
 * <li>{@code replicate}: {@link PowerJob#simulate}, i.e. simulating the trial and analysing it, at
 * the scenario's 12 per arm, and for the sweep 10:100:5 (one trial of 100 per arm analysed at
 * 19 sizes through its first blocks).</li>
 * </ul>
 * Replicates 0..7 in turn. Run with the working directory at the repository root.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReplicateBench extends Microbenchmark {

    @Param({"12", "50"})
    public int nPerArm;

    private final TrialOutcome[] trials = new TrialOutcome[8];
    private TrialAnalysis ancova;
    private TrialAnalysis allMethods;
    private PowerJob single;
    private PowerJob sweep;
    private int next;

    @Setup
    public void prepare() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(Path.of("scenarios", "duek-2021.yaml"));
        Scenario s = loaded.scenario();
        TrialPlan plan = TrialPlan.compile(s).withoutSessionDetail();
        RandomStreams streams = new RandomStreams(20210601);
        for (int r = 0; r < trials.length; r++) {
            trials[r] = VirtualTrial.run(plan, streams, r, nPerArm);
        }
        Analysis a = s.analysis();
        ancova = new TrialAnalysis(a, plan);
        allMethods = new TrialAnalysis(new Analysis(a.primaryEndpoint(), a.primaryVisit(), a.alpha(),
                AnalysisMethod.values(), a.priorMean(), a.priorSd(), a.family(), a.adjustment()), plan);
        single = new PowerJob(new LoadedScenario(s.name(), s, CanonicalForm.of(s)), 20210601, List.of(nPerArm), null, false);
        sweep = new PowerJob(loaded, 20210601, SampleSizes.parse("10:100:5"), null, false);
        single.simulate(0);
        sweep.simulate(0);
    }

    @Benchmark
    public TrialResults analyseAncova() {
        return ancova.analyse(trials[next++ & 7]);
    }

    @Benchmark
    public TrialResults analyseAllFourMethods() {
        return allMethods.analyse(trials[next++ & 7]);
    }

    /** Simulate and analyse one replicate at {@code nPerArm}. */
    @Benchmark
    public ReplicateResult replicate() {
        return single.simulate(next++ & 7);
    }

    /** One replicate of the default sweep 10:100:5 (independent of {@code nPerArm}). */
    @Benchmark
    public ReplicateResult replicateOfSweep10To100() {
        return sweep.simulate(next++ & 7);
    }
}
