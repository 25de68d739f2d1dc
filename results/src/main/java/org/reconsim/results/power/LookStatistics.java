package org.reconsim.results.power;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.numbers.gamma.InverseErfc;
import org.reconsim.engine.scenario.Arm;
import org.reconsim.engine.scenario.Design;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.results.stats.TestResult;

/**
 * The z statistics of a replicate's group-sequential looks ({@link SequentialPlan}), under the
 * scenario and under its null.
 *
 * <p><b>The z of a look</b> is the normal score of the primary analysis's test,
 * <pre>  z = sign(estimate) z_{1 - p/2},   p the two-sided p-value,</pre>
 * so that {@code |z| >= c} exactly when {@code p <= 2 (1 - Phi(c))}: the bounds are compared
 * on the significance-level scale, as Jennison &amp; Turnbull (2000) recommend for t statistics,
 * and a look of an ANCOVA with few patients keeps its nominal level where {@code estimate / SE}
 * (t-distributed) would exceed it. For large samples the two agree; for {@code bayes} (a normal
 * posterior) they are the same. An undefined test gives NaN: the trial continues past that
 * interim look, and at the last one it does not reject, as an undefined test is no rejection
 * in the fixed design.
 *
 * <p><b>The null</b> ({@link #nullScenario}) is the scenario with every arm given the control
 * arm's treatment (drug, dose, infusion, timing, retrieval) and no direct effects: the sharp
 * null of no treatment effect on any outcome. Setting {@code mechanisms.active: []} would leave
 * the nonspecific effects (functional unblinding, expectancy), which move self-reported scores,
 * so a PCL-5 or CAPS-5 primary endpoint would not be null. The null trial is simulated with the
 * same streams as the scenario's (common random numbers): the same virtual patients, arms and
 * dropout draws.
 */
public final class LookStatistics {

    private LookStatistics() {
    }

    /** The scenario with every arm given the control arm's treatment and no direct effects. */
    public static Scenario nullScenario(Scenario s) {
        Design d = s.design();
        Arm control = d.arms().stream().filter(a -> a.name().equals(d.controlArm())).findFirst().orElseThrow();
        List<Arm> arms = new ArrayList<>();
        for (Arm a : d.arms()) {
            arms.add(new Arm(a.name(), control.drug(), control.doseMgPerKg(), control.infusionMinutes(), a.allocation(),
                    control.infusionStartHours(), control.retrieval()));
        }
        Design same = new Design(arms, d.controlArm(), d.nPerArm(), d.sites(), d.contrasts(), d.interims());
        return s.withDesign(same).withDirectEffects(List.of());
    }

    /**
     * {@code sign(estimate) z_{1-p/2}} of a two-sided test ({@code sqrt(2) erfc^-1(p)}), finite
     * even when {@code p} underflows to 0; NaN for an undefined test.
     */
    public static double normalScore(TestResult t) {
        if (!t.isDefined()) {
            return Double.NaN;
        }
        double z = Math.sqrt(2) * InverseErfc.value(Math.max(t.pValue(), Double.MIN_VALUE));
        return t.estimate() < 0 ? -z : z;
    }

    /**
     * Every look's z in the hypothesized direction, in {@link SequentialPlan#offset} order.
     *
     * @param finals     the full analyses of the scenario's trial at each size, in size order: its last look
     * @param trial      the scenario's trial at the largest size
     * @param nullTrial  the null's trial at the largest size
     * @param block      patients per allocation block
     */
    static double[] observe(SequentialPlan plan, TrialAnalysis analysis, TrialResults[] finals, TrialOutcome trial,
                            TrialOutcome nullTrial, int block) {
        double[] z = new double[plan.size()];
        int looks = plan.looks();
        List<Contrast> contrasts = plan.contrasts();
        for (int s = 0; s < plan.sizes().size(); s++) {
            int[] perArm = plan.perArmAtLooks(s);
            for (int k = 0; k < looks; k++) {
                boolean last = k == looks - 1;
                TestResult[] scenario = last ? null : analysis.primary(trial.firstPerArm(perArm[k], block), plan.endpoint(),
                        plan.visit());
                TestResult[] none = analysis.primary(nullTrial.firstPerArm(perArm[k], block), plan.endpoint(), plan.visit());
                for (int c = 0; c < contrasts.size(); c++) {
                    TestResult result = last ? finals[s].get(new AnalysisKey(contrasts.get(c), plan.endpoint(), plan.visit(),
                            plan.method())) : scenario[c];
                    z[plan.offset(s, c, SequentialPlan.SCENARIO, k)] = plan.sign() * normalScore(result);
                    z[plan.offset(s, c, SequentialPlan.NULL, k)] = plan.sign() * normalScore(none[c]);
                }
            }
        }
        return z;
    }
}
