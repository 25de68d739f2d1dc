package org.reconsim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Dropout;
import org.reconsim.engine.scenario.DropoutMechanism;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.PeSessions;
import org.reconsim.engine.scenario.Protocol;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Therapy;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.scenario.Visits;

/**
 * The measurement noise is sized so that two scans of an unchanged patient agree with the
 * target test-retest ICC (docs/MODEL.md 5), and the SCR non-responder share is the target's.
 */
class MeasurementReliabilityTest {

    @Test
    void roiIccBetweenTwoNoChangeVisitsMatchesTheTarget() throws Exception {
        Scenario s = VirtualTrialTest.duek();
        Protocol p = s.protocol();
        // no therapy, no drug effect on memory, no dropout: nothing changes between pre and post but time
        s = s.withProtocol(new Protocol(p.retrievalMinutes(), p.infusionStartHours(),
                        new PeSessions(0, 24, 24, 8, 5), new Visits(0, 1, 30, 90)))
                .withMechanisms(s.mechanisms().withActive(List.of()))
                .withTherapy(new Therapy(new Dropout(0, DropoutMechanism.MCAR, 0)));
        TrialPlan plan = TrialPlan.compile(s);
        TrialOutcome t = VirtualTrial.run(plan, new RandomStreams(8), 0, 1000);
        assertThat(t.patients()).hasSize(2000);
        org.reconsim.models.measurement.RoiActivation[] targets = {s.measurement().amygdala(), s.measurement().hippocampus(), s.measurement().vmpfc()};
        for (int k = 0; k < 3; k++) {
            double[] pre = new double[2000];
            double[] post = new double[2000];
            for (int i = 0; i < 2000; i++) {
                pre[i] = t.patients().get(i).observed()[0][k];
                post[i] = t.patients().get(i).observed()[Visit.POST.ordinal()][k];
            }
            // SE of an ICC near 0.4 with 2000 subjects is about 0.02
            assertThat(Reliability.of(pre, post).consistency()).as("ROI %d", k).isCloseTo(targets[k].icc(),
                    org.assertj.core.api.Assertions.within(0.05));
        }
        // the connectivity edges and the SCR through whole trials too (ICC SE about 0.02 at 2000 subjects)
        for (org.reconsim.models.measurement.Roi.Pair pair : org.reconsim.models.measurement.Roi.Pair.values()) {
            int e = ScanInstruments.endpoint(pair).ordinal();
            assertThat(Reliability.of(column(t, 0, e), column(t, Visit.POST.ordinal(), e)).consistency()).as(pair.toString())
                    .isCloseTo(s.measurement().connectivity().edge(pair).icc(), org.assertj.core.api.Assertions.within(0.05));
        }
        assertThat(Reliability.of(column(t, 0, Endpoint.SCR.ordinal()), column(t, Visit.POST.ordinal(), Endpoint.SCR.ordinal()))
                .consistency()).as("scr").isCloseTo(s.measurement().scr().testRetest(), org.assertj.core.api.Assertions.within(0.05));
        // non-responders: no scorable trauma-script SCR at any of the four scans (a responder scores
        // 0 at one scan now and then, below the 0.02 uS floor, but hardly ever at all four)
        int scr = Endpoint.SCR.ordinal();
        long nonResponders = t.patients().stream().filter(pt -> {
            for (double[] visit : pt.observed()) {
                if (visit[scr] != 0) {
                    return false;
                }
            }
            return true;
        }).count();
        assertThat(nonResponders / 2000.0).isCloseTo(s.measurement().scr().nonresponderFraction(),
                org.assertj.core.api.Assertions.within(0.02));
    }

    private static double[] column(TrialOutcome t, int visit, int endpoint) {
        return t.patients().stream().mapToDouble(p -> p.observed(visit, endpoint)).toArray();
    }
}
