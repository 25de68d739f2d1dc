package org.reconsim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Dropout;
import org.reconsim.engine.scenario.DropoutMechanism;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Nonspecific;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Therapy;
import org.reconsim.engine.scenario.Visit;

class TrueEffectsTest {

    /** The null hypothesis without nonspecific differences between the arms: nothing the arm does reaches an outcome. */
    static Scenario exactNull(Scenario s) {
        Nonspecific n = s.mechanisms().nonspecific();
        return s.withMechanisms(s.mechanisms().withActive(List.of())
                .withNonspecific(new Nonspecific(n.unblindingBase(), 0, 0, n.expectancyPcl5())));
    }

    @Test
    void underTheNullEveryPatientsTwoCoursesAreEqualSoEveryEffectIsExactlyZero() throws Exception {
        TrialPlan plan = TrialPlan.compile(exactNull(VirtualTrialTest.duek()));
        TrueEffects truth = TrueEffects.of(plan, new RandomStreams(7), 200);
        for (Endpoint e : Endpoint.values()) {
            for (Visit v : Visit.values()) {
                TrueEffects.Effect effect = truth.effect(plan.treatmentArm(), plan.controlArm(), e, v);
                assertThat(effect.ate()).as("%s at %s", e, v).isEqualTo(0.0);
                assertThat(effect.mcse()).as("%s at %s", e, v).isEqualTo(0.0);
                assertThat(effect.d()).isEqualTo(0.0);
                assertThat(effect.isNull()).isTrue();
                assertThat(effect.pairs()).isEqualTo(200);
                assertThat(effect.sd()).isPositive();
            }
        }
    }

    @Test
    void beforeTheInfusionTheArmsDoNotDifferEvenWhenTheDrugActs() throws Exception {
        TrialPlan plan = TrialPlan.compile(VirtualTrialTest.duek());
        TrueEffects truth = TrueEffects.of(plan, new RandomStreams(7), 100);
        for (Endpoint e : Endpoint.values()) {
            assertThat(truth.effect(plan.treatmentArm(), plan.controlArm(), e, Visit.PRE).isNull()).as("%s", e).isTrue();
        }
        assertThat(truth.effect(plan.treatmentArm(), plan.controlArm(), Endpoint.AMYGDALA, Visit.POST).isNull()).isFalse();
    }

    /**
     * An independent check of the estimand: a large randomized trial (other patients, other
     * replicate, nobody dropping out) estimates the same difference. The randomized difference
     * has standard error sqrt(2) SD / sqrt(n); with the counterfactual ATE's own Monte Carlo
     * error the two must agree within 4 combined standard errors.
     */
    @Test
    void theAverageOfPerPatientDifferencesIsWhatALargeRandomizedTrialEstimates() throws Exception {
        Scenario s = VirtualTrialTest.duek().withTherapy(new Therapy(new Dropout(0, DropoutMechanism.MCAR, 0)));
        TrialPlan plan = TrialPlan.compile(s);
        RandomStreams streams = new RandomStreams(11);
        TrueEffects truth = TrueEffects.of(plan, streams, 1000);
        int n = 1500;
        TrialOutcome trial = VirtualTrial.run(plan, streams, 5, n);
        for (Endpoint e : List.of(Endpoint.AMYGDALA, Endpoint.PCL5)) {
            double[] sum = new double[2];
            for (PatientOutcome p : trial.patients()) {
                sum[p.arm() == plan.controlArm().index() ? 1 : 0] += p.observed(Visit.POST, e);
            }
            double randomized = (sum[0] - sum[1]) / n;
            TrueEffects.Effect effect = truth.effect(plan.treatmentArm(), plan.controlArm(), e, Visit.POST);
            double se = Math.sqrt(2 * effect.sd() * effect.sd() / n + effect.mcse() * effect.mcse());
            assertThat(Math.abs(randomized - effect.ate())).as("%s: randomized %s vs ATE %s", e, randomized, effect.ate())
                    .isLessThan(4 * se);
            assertThat(effect.d()).isEqualTo(effect.ate() / effect.sd());
        }
    }

    @Test
    void sameSeedSameTruth() throws Exception {
        TrialPlan plan = TrialPlan.compile(VirtualTrialTest.duek());
        RandomStreams streams = new RandomStreams(3);
        TrueEffects small = TrueEffects.of(plan, streams, 50);
        TrueEffects same = TrueEffects.of(plan, streams, 50);
        assertThat(small.effect(plan.treatmentArm(), plan.controlArm(), Endpoint.AMYGDALA, Visit.POST))
                .isEqualTo(same.effect(plan.treatmentArm(), plan.controlArm(), Endpoint.AMYGDALA, Visit.POST));
    }
}
