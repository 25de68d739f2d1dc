package org.reconsim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Nonspecific;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;

/**
 * Under the null hypothesis the drug does nothing to memory, yet functional unblinding and
 * expectancy move self-reported scores: ketamine's PCL-5 improves, its brain and skin
 * measures do not (docs/MODEL.md 3, null module).
 */
class NonspecificEffectsTest {

    @Test
    void expectancyMovesSelfReportOnly() throws Exception {
        Scenario s = VirtualTrialTest.duek();
        s = s.withMechanisms(s.mechanisms().withActive(List.of())
                .withNonspecific(new Nonspecific(0.1, 0.7, 0.3, 6.0)));
        TrialPlan plan = TrialPlan.compile(s);
        TrialOutcome t = VirtualTrial.run(plan, new RandomStreams(5), 0, 3000);
        int ket = plan.treatmentArm().index();
        double[] pcl = difference(t, ket, Endpoint.PCL5);
        double[] amygdala = difference(t, ket, Endpoint.AMYGDALA);
        assertThat(pcl[0]).isLessThan(-5 * pcl[1]);
        assertThat(Math.abs(amygdala[0])).isLessThan(3 * amygdala[1]);
        // ketamine patients dissociate and guess their arm more often than midazolam patients
        double ketGuess = t.patients().stream().filter(p -> p.arm() == ket).filter(PatientOutcome::believesActive).count();
        double midGuess = t.patients().stream().filter(p -> p.arm() != ket).filter(PatientOutcome::believesActive).count();
        assertThat(ketGuess).isGreaterThan(midGuess * 1.3);
        assertThat(t.patients().stream().filter(p -> p.arm() == ket).mapToDouble(PatientOutcome::peakDissociation).average()
                .orElseThrow()).isBetween(0.5, 1.0);
        assertThat(t.patients().stream().filter(p -> p.arm() != ket).mapToDouble(PatientOutcome::peakSedation).average()
                .orElseThrow()).isBetween(0.3, 0.8);
    }

    /** Ketamine minus midazolam mean change (post - pre) of an observed endpoint, and its SE. */
    static double[] difference(TrialOutcome t, int ket, Endpoint e) {
        int post = Visit.POST.ordinal();
        double[][] acc = new double[2][3];
        for (PatientOutcome p : t.patients()) {
            double d = p.observed()[post][e.ordinal()] - p.observed()[0][e.ordinal()];
            if (Double.isNaN(d)) {
                continue;
            }
            int g = p.arm() == ket ? 0 : 1;
            acc[g][0]++;
            acc[g][1] += d;
            acc[g][2] += d * d;
        }
        double se2 = 0;
        double[] mean = new double[2];
        for (int g = 0; g < 2; g++) {
            mean[g] = acc[g][1] / acc[g][0];
            se2 += (acc[g][2] / acc[g][0] - mean[g] * mean[g]) / acc[g][0];
        }
        return new double[] {mean[0] - mean[1], Math.sqrt(se2)};
    }
}
