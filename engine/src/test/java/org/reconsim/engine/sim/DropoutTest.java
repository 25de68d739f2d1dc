package org.reconsim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Dropout;
import org.reconsim.engine.scenario.DropoutMechanism;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Therapy;
import org.reconsim.engine.scenario.Visit;

/**
 * Dropout: its overall rate, which visits go missing, and whether it depends on distress
 * (MCAR no, MAR on the observed baseline, MNAR on the unobserved current distress).
 */
class DropoutTest {

    static TrialOutcome run(DropoutMechanism mechanism) throws Exception {
        Scenario s = VirtualTrialTest.duek();
        s = s.withTherapy(new Therapy(new Dropout(0.18, mechanism, 1.0)));
        return VirtualTrial.run(TrialPlan.compile(s), new RandomStreams(11), 0, 2000);
    }

    /** Mean baseline fear at home of dropouts minus completers. */
    static double distressGap(TrialOutcome t) {
        double[] sum = new double[2];
        double[] n = new double[2];
        for (PatientOutcome p : t.patients()) {
            int g = p.dropoutSession() > 0 ? 0 : 1;
            sum[g] += p.fearAtHome()[0];
            n[g]++;
        }
        return sum[0] / n[0] - sum[1] / n[1];
    }

    @Test
    void mcarDropsOutAtTheScenarioRateRegardlessOfDistress() throws Exception {
        TrialOutcome t = run(DropoutMechanism.MCAR);
        long dropped = t.patients().stream().filter(p -> p.dropoutSession() > 0).count();
        // 4000 patients, p = 0.18: SE of the share 0.006
        assertThat(dropped / 4000.0).isBetween(0.16, 0.20);
        assertThat(Math.abs(distressGap(t))).isLessThan(0.015);
        // dropouts miss every later visit, completers miss none
        assertThat(t.patients()).allSatisfy(p -> {
            boolean missingPost = Double.isNaN(p.observed()[Visit.POST.ordinal()][0]);
            assertThat(missingPost).isEqualTo(p.dropoutSession() > 0);
            assertThat(Double.isNaN(p.observed()[0][0])).isFalse();
        });
    }

    @Test
    void marAndMnarDropTheMoreDistressed() throws Exception {
        assertThat(distressGap(run(DropoutMechanism.MAR))).isGreaterThan(0.03);
        assertThat(distressGap(run(DropoutMechanism.MNAR))).isGreaterThan(0.03);
    }

    @Test
    void everyExposureTrialIsRatedAndWeeklyRatingsStopAtDropout() throws Exception {
        TrialOutcome t = run(DropoutMechanism.MCAR);
        PatientOutcome completer = t.patients().stream().filter(p -> p.dropoutSession() == 0).findFirst().orElseThrow();
        assertThat(completer.suds()).hasSize(5 * 8);
        assertThat(completer.suds()).allSatisfy(s -> assertThat(s.value()).isBetween(0.0, 100.0));
        assertThat(completer.weeklyPcl5()).hasSize(12);
        PatientOutcome dropout = t.patients().stream().filter(p -> p.dropoutSession() == 1).findFirst().orElseThrow();
        assertThat(dropout.suds()).isEmpty();
        assertThat(dropout.weeklyPcl5()).isEmpty();
        // SUDS falls within the first session on average (habituation)
        double first = 0;
        double last = 0;
        int n = 0;
        for (PatientOutcome p : t.patients()) {
            List<PatientOutcome.Suds> s = p.suds();
            if (s.size() >= 8) {
                first += s.get(0).value();
                last += s.get(7).value();
                n++;
            }
        }
        assertThat(first / n).isGreaterThan(last / n + 5);
    }
}
