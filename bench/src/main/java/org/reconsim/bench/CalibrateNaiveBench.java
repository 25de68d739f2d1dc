package org.reconsim.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.ScenarioEdit;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.engine.targets.TargetsLoader;
import org.reconsim.results.inference.FreeField;
import org.reconsim.results.inference.ScenarioSummarySimulator;
import org.reconsim.results.power.PriorDistribution;
import org.reconsim.results.power.TrialAnalysis;

/**
 * The naive loop calibrate is compared with (docs/PERFORMANCE.md, Calibration): one thread, each
 * simulated pilot edits the scenario, compiles it from scratch ({@code TrialPlan.compile} without
 * a base plan, so the noise calibration population is rebuilt every time) and runs the
 * scenario's full analysis; beside it, the same pilots through {@link ScenarioSummarySimulator}
 * on one thread (the plan compiled against the hypothesis's base plan, one analysis method).
 * The pilots' parameters cycle through fixed quantiles of the bench's priors, the hypotheses in
 * turn. Usage: {@code CalibrateNaiveBench [SIMS]}, working directory the repository root.
 */
public final class CalibrateNaiveBench {

    private CalibrateNaiveBench() {
    }

    public static void main(String[] args) throws Exception {
        int sims = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        LoadedScenario base = ScenarioLoader.load(Path.of("scenarios/duek-2021.yaml"));
        List<String> hypotheses = List.of("null", "restabilization-blockade", "plasticity-window");
        List<FreeField> free = List.of(
                new FreeField("pharmacology.occupancy.ki_micromolar", "loguniform(0.03,10)", new PriorDistribution.LogUniform(0.03, 10)),
                new FreeField("mechanisms.restabilization_blockade.k_block", "uniform(0,1)", new PriorDistribution.Uniform(0, 1)),
                new FreeField("measurement.pcl5.slope", "uniform(0,60)", new PriorDistribution.Uniform(0, 60)));
        ScenarioSummarySimulator fast = ScenarioSummarySimulator.of(base, TargetsLoader.load(Path.of("scenarios/targets/duek-2021.yaml")),
                hypotheses, free);
        RandomStreams streams = new RandomStreams(base.scenario().simulation().seed());
        int n = base.scenario().design().nPerArm();
        for (int round = 0; round < 2; round++) {
            // round 0 warms the JIT; round 1 is reported
            long t0 = System.nanoTime();
            double check = 0;
            for (int k = 0; k < sims; k++) {
                Map<String, Object> edits = new LinkedHashMap<>();
                String h = hypotheses.get(k % 3);
                edits.put("mechanisms.active", h.equals("null") ? List.of() : List.of(h));
                double[] theta = theta(free, k);
                for (int i = 0; i < theta.length; i++) {
                    edits.put(free.get(i).field(), theta[i]);
                }
                LoadedScenario s = ScenarioEdit.set(base, edits);
                TrialPlan plan = TrialPlan.compile(s.scenario());
                TrialOutcome trial = VirtualTrial.run(plan, streams, k, n);
                check += new TrialAnalysis(s.scenario().analysis(), plan).analyse(trial).hashCode() % 2;
            }
            long t1 = System.nanoTime();
            for (int k = 0; k < sims; k++) {
                check += fast.simulate(k % 3, theta(free, k), k)[0];
            }
            long t2 = System.nanoTime();
            if (round == 1) {
                double naive = sims / ((t1 - t0) / 1e9);
                double one = sims / ((t2 - t1) / 1e9);
                System.out.printf(Locale.ROOT, "naive loop (1 thread, compiled from scratch): %.1f pilots/s%n", naive);
                System.out.printf(Locale.ROOT, "ScenarioSummarySimulator on 1 thread:         %.1f pilots/s (%.2fx the naive loop)%n",
                        one, one / naive);
                System.out.printf(Locale.ROOT, "(checksum %.3f)%n", check);
            }
        }
    }

    private static double[] theta(List<FreeField> free, int k) {
        double[] theta = new double[free.size()];
        for (int i = 0; i < theta.length; i++) {
            double u = ((k * (i + 2) * 0.618033988749895) % 1 + 1) % 1;
            theta[i] = free.get(i).prior().quantile(Math.min(0.999, Math.max(0.001, u)));
        }
        return theta;
    }
}
