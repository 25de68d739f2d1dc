package org.reconsim.results.power;

import java.util.Arrays;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.sim.ArmPlan;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.TrueEffects;

/**
 * The true effect of every effect of an {@link AnalysisLayout} (contrast, endpoint, visit), in
 * its effect order: the potential-outcomes ATE ({@link TrueEffects}) and d, each contrast's arms
 * found by name in the plan. What type S, exaggeration and effect_d are judged against.
 */
final class Truths {

    private final double[] ate;
    private final double[] d;

    private Truths(double[] ate, double[] d) {
        this.ate = ate;
        this.d = d;
    }

    static Truths of(TrialPlan plan, RandomStreams streams, AnalysisLayout layout, int pairs) {
        TrueEffects truth = TrueEffects.of(plan, streams, pairs);
        double[] ate = new double[layout.effectCount()];
        double[] d = new double[ate.length];
        int k = 0;
        for (Contrast c : layout.contrasts()) {
            ArmPlan treatment = arm(plan, c.treatment());
            ArmPlan control = arm(plan, c.control());
            for (Endpoint e : layout.endpoints()) {
                for (Visit v : layout.visits()) {
                    TrueEffects.Effect effect = truth.effect(treatment, control, e, v);
                    ate[k] = effect.ate();
                    d[k] = effect.d();
                    k++;
                }
            }
        }
        return new Truths(ate, d);
    }

    /** No true effects: every one NaN (what a job that does not judge its estimates carries). */
    static Truths none(AnalysisLayout layout) {
        double[] nan = new double[layout.effectCount()];
        Arrays.fill(nan, Double.NaN);
        return new Truths(nan, nan.clone());
    }

    private static ArmPlan arm(TrialPlan plan, String name) {
        return plan.arms().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no arm " + name + " in the plan"));
    }

    /** The ATE of each effect (a copy, for the replicate that carries it). */
    double[] ate() {
        return ate.clone();
    }

    /** The standardized effect of each effect (a copy). */
    double[] d() {
        return d.clone();
    }

    @Override
    public String toString() {
        return "Truths" + Arrays.toString(ate);
    }
}
