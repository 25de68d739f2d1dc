package org.reconsim.models.memory.latentcause;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reconsim.models.memory.Context;

/**
 * The adapter on the protocol of scenarios/phenomena/04-monfils-schiller.yaml (hours, default
 * time mapping, one subject at the published learning rate): why the latent-cause model orders
 * the groups as it does there.
 */
class LatentCauseTraceTest {

    private static final Context A = Context.LAB_A;

    /** One subject; {@code retrievalHours} before extinction at 24.17 h, or none if NaN. */
    private static double[] monfils(double retrievalToExtinctionHours) {
        LatentCauseTrace m = new LatentCauseTrace(LatentCauseParameters.defaults(), 18, 200, 6);
        for (int i = 0; i < 3; i++) {
            m.trial(A, i * 2 / 60.0, 1, 1);
        }
        double extinction = 24.17;
        if (!Double.isNaN(retrievalToExtinctionHours)) {
            m.trial(A, 24, 0, 1);
            extinction = 24 + retrievalToExtinctionHours;
        }
        for (int i = 0; i < 18; i++) {
            m.trial(A, extinction + i * 2 / 60.0, 0, 1);
        }
        double acquisitionWeight = m.traceStrength(); // the acquisition cause's CS weight
        double recovery = m.trial(A, 720, 0, 1);
        m.aversiveEvent(A, 744, 1);
        double reinstatement = m.trial(A, 768, 0, 1);
        return new double[] {acquisitionWeight, recovery, reinstatement};
    }

    @Test
    void retrievalUnlearnsTheAcquisitionCausePartlyAndMoreWhenExtinctionComesLater() {
        double[] none = monfils(Double.NaN);
        double[] tenMinutes = monfils(0.17);
        double[] oneHour = monfils(1);
        double[] sixHours = monfils(6);
        // One day is ~178 units: a non-reinforced CS then favors a new cause (acquisition cause's
        // posterior 0.29 after the first EM iteration). Without retrieval that first extinction
        // trial gets one iteration (the next trial is 0.6 units later) and extinction forms a new
        // cause, the acquisition cause keeping most of its weight (0.47 -> 0.40). The retrieval
        // trial gets three (3 or more units to extinction) which unlearn the acquisition cause in
        // proportion to its posterior (-> 0.22) though the trial, and extinction after it, still go
        // to a new cause. Six hours later (~84 units) the first extinction trial is again shared
        // with the acquisition cause (0.33) and unlearns it further: less recovery at 6 h than at
        // 10 min, the reverse of Monfils 2009.
        assertThat(none[0]).isGreaterThan(0.39);
        assertThat(tenMinutes[0]).isLessThan(0.23).isGreaterThan(oneHour[0]);
        assertThat(oneHour[0]).isGreaterThan(sixHours[0]);
        assertThat(none[1]).isGreaterThan(0.85);
        assertThat(tenMinutes[1]).isLessThan(0.45).isGreaterThan(sixHours[1]);
        // The US alone in the context teaches the context the US in the cause that takes it, the
        // extinction cause, to which the test is attributed: every group at ceiling.
        for (double[] group : new double[][] {none, tenMinutes, oneHour, sixHours}) {
            assertThat(group[2]).isGreaterThan(0.99);
        }
    }

    /**
     * Two trials in the same hour (a PE session starting at the scan's hour) get model times
     * 1e-6 units apart; a query right after them must not ask the model to go back in time
     * (found by TrialPropertiesTest: IllegalArgumentException "cannot go back to ...").
     */
    @Test
    void aQueryAfterTwoTrialsInTheSameHourDoesNotGoBackInTime() {
        LatentCauseTrace m = LatentCauseTrace.withTrauma(LatentCauseParameters.defaults(), 18, 200, 6, 0.7, 5, 3650);
        m.trial(A, 48, 0, 1);
        m.trial(A, 48, 0, 1);
        double r = m.expression(A, 48);
        assertThat(r).isFinite();
        assertThat(m.trial(A, 48 + 1e-9, 0, 1)).isFinite();
        assertThat(m.expression(A, 48 + 2e-9)).isFinite();
    }

    /**
     * With a huge max_gap_units (allowed: only a minimum of 1) a gap of hours is a tiny share of
     * it; 1 - exp(-x) rounded such gaps to no time at all. The mapping is linear there: gap x
     * units_per_hour.
     */
    @Test
    void gapsFarBelowTheLongestGapAreLinearInTime() {
        LatentCauseTrace m = LatentCauseTrace.withTrauma(LatentCauseParameters.defaults(), 18, 1e21, 6, 0.7, 5, 3650);
        for (int i = 0; i < 10; i++) {
            assertThat(m.trial(A, 48 + i, 0, 1)).isFinite();
            assertThat(m.expression(A, 48 + i + 0.5)).isFinite();
        }
        assertThat(m.traceStrength()).isFinite();
    }
}
