package org.reconsim.engine.sim;

import org.reconsim.models.mechanism.DestabilizationInterference;
import org.reconsim.models.mechanism.MechanismRegistry;
import org.reconsim.models.mechanism.MechanismType;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Mechanisms;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;

/**
 * The timing of the drug relative to the labile window decides its effect (docs/MODEL.md 3):
 * outside the window restabilization blockade does nothing; given before retrieval, a drug
 * that interferes with destabilization (M3) protects the trace from the blockade.
 */
class DrugTimingTest {

    static Scenario with(Scenario s, double infusionStartHours, List<MechanismType<?>> active, double strengthening) {
        Mechanisms m = s.mechanisms();
        return s.withProtocol(s.protocol().withInfusionStartHours(infusionStartHours))
                .withMechanisms(m.withActive(active).withStrengths(
                        new DestabilizationInterference(m.strengthsOf(DestabilizationInterference.class).kD(), strengthening)));
    }

    static MechanismType<?> mechanism(String label) {
        return MechanismRegistry.byLabel(label).orElseThrow();
    }

    /** Ketamine minus midazolam mean change (post - pre) of latent fear in the scanner, and its SE. */
    static double[] latentDifference(Scenario s) {
        TrialPlan plan = TrialPlan.compile(s);
        TrialOutcome t = VirtualTrial.run(plan, new RandomStreams(77), 0, 3000);
        int post = Visit.POST.ordinal();
        int ket = plan.treatmentArm().index();
        double[][] acc = new double[2][3];
        for (PatientOutcome p : t.patients()) {
            double d = p.fearExpression()[post] - p.fearExpression()[0];
            if (Double.isNaN(d)) {
                continue;
            }
            int g = p.arm() == ket ? 0 : 1;
            acc[g][0]++;
            acc[g][1] += d;
            acc[g][2] += d * d;
        }
        double[] mean = new double[2];
        double se2 = 0;
        for (int g = 0; g < 2; g++) {
            mean[g] = acc[g][1] / acc[g][0];
            se2 += (acc[g][2] / acc[g][0] - mean[g] * mean[g]) / acc[g][0];
        }
        return new double[] {mean[0] - mean[1], Math.sqrt(se2)};
    }

    @Test
    void blockadeWorksInsideTheWindowOnly() throws Exception {
        Scenario base = VirtualTrialTest.duek();
        List<MechanismType<?>> m1 = List.of(mechanism("restabilization-blockade"));
        double[] prompt = latentDifference(with(base, 0, m1, 0));
        double[] late = latentDifference(with(base, 8, m1, 0));
        assertThat(prompt[0]).isLessThan(-5 * prompt[1]);
        // 8 h after the retrieval the window has closed: no effect
        assertThat(Math.abs(late[0])).isLessThan(3 * late[1]);
    }

    @Test
    void interferenceBeforeRetrievalLeavesKetamineNoBetterAndStrengtheningWorse() throws Exception {
        Scenario base = VirtualTrialTest.duek();
        List<MechanismType<?>> m3 = List.of(mechanism("destabilization-interference"));
        // the infusion starts half an hour before the retrieval: the drug is present when it happens
        double[] before = latentDifference(with(base, -0.6, m3, 0));
        double[] strengthened = latentDifference(with(base, -0.6, m3, 0.5));
        assertThat(before[0]).isGreaterThan(-3 * before[1]);
        assertThat(strengthened[0]).isGreaterThan(5 * strengthened[1]);
    }

    @Test
    void interferenceAtRetrievalShieldsTheTraceFromTheBlockade() throws Exception {
        Scenario base = VirtualTrialTest.duek();
        List<MechanismType<?>> m1 = List.of(mechanism("restabilization-blockade"));
        List<MechanismType<?>> m1m3 = List.of(mechanism("restabilization-blockade"),
                mechanism("destabilization-interference"));
        double[] blockadeOnly = latentDifference(with(base, -0.6, m1, 0));
        double[] withInterference = latentDifference(with(base, -0.6, m1m3, 0));
        // fewer traces destabilize while GluN2B is blocked, so the blockade has less to act on
        assertThat(withInterference[0]).isGreaterThan(blockadeOnly[0] + 3 * Math.hypot(blockadeOnly[1], withInterference[1]));
    }

    @Test
    void structureLearningActsOnTheLatentCauseModelWhenTheDrugMeetsRetrieval() throws Exception {
        Scenario base = VirtualTrialTest.duek();
        base = base.withMemory(base.memory().withModel(org.reconsim.models.memory.MemoryModelRegistry.byLabel("latent-cause").orElseThrow()));
        List<MechanismType<?>> m4 = List.of(mechanism("structure-learning"));
        // common random numbers: the same patients with and without M4, so each difference is M4's alone
        double[] present = pairedDifference(with(base, -0.6, m4, 0), with(base, -0.6, List.of(), 0));
        double[] absent = pairedDifference(with(base, 8, m4, 0), with(base, 8, List.of(), 0));
        // the drug at the scan's retrieval changes what some patients' memories infer (a discrete cause
        // assignment, so the direction varies from patient to patient)
        assertThat(present[2]).isGreaterThan(0.05);
        // given 8 h after the retrieval only traces of the drug remain at the therapy sessions:
        // M4 then changes far less (mean |difference| 0.069 vs 0.017 with 10 min = 4 units, the
        // authors' distance; the factor was above 5 with the earlier 3-unit map, issue 12)
        assertThat(present[3]).isGreaterThan(3 * absent[3]);
    }

    /** Mean, SE, share non-zero and mean absolute value, over ketamine patients of (post fear under a) minus (post fear under b). */
    static double[] pairedDifference(Scenario a, Scenario b) {
        TrialPlan pa = TrialPlan.compile(a);
        TrialPlan pb = TrialPlan.compile(b);
        TrialOutcome ta = VirtualTrial.run(pa, new RandomStreams(77), 0, 1000);
        TrialOutcome tb = VirtualTrial.run(pb, new RandomStreams(77), 0, 1000);
        int post = Visit.POST.ordinal();
        int ket = pa.treatmentArm().index();
        double sum = 0;
        double sum2 = 0;
        int n = 0;
        int changed = 0;
        double absSum = 0;
        for (int i = 0; i < ta.patients().size(); i++) {
            PatientOutcome x = ta.patients().get(i);
            PatientOutcome y = tb.patients().get(i);
            double d = x.fearExpression()[post] - y.fearExpression()[post];
            if (x.arm() != ket || Double.isNaN(d)) {
                continue;
            }
            sum += d;
            sum2 += d * d;
            n++;
            absSum += Math.abs(d);
            if (Math.abs(d) > 1e-12) {
                changed++;
            }
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, sum2 / n - mean * mean) / n), (double) changed / n, absSum / n};
    }
}
