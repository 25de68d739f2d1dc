package org.reconsim.models.memory.latentcause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

    // ---- regressions of issue 12 (each fails on e839419) ----

    private static final LatentCauseParameters P = LatentCauseParameters.defaults();

    /** What a subject does after its trauma: a script retrieval trial, a PE-like session, a month's wait, a test. */
    private static double[] course(LatentCauseTrace m, boolean queried) {
        double[] out = new double[44];
        int k = 0;
        for (int session = 0; session < 2; session++) {
            double start = 48 + session * 168;
            if (queried) {
                for (int q = 0; q < 25; q++) { // weekly ratings, scans' three reads, anything that only looks
                    m.expression(Context.HOME, start - 160 + q * 6.3);
                    m.extinctionRecall(Context.SCANNER, start - 160 + q * 6.3);
                }
            }
            out[k++] = m.trial(Context.SCANNER, start, 0, 1);
            for (int i = 0; i < 20; i++) {
                out[k++] = m.trial(Context.THERAPY, start + 1 + i * 0.05, 0, 1);
                if (queried) {
                    m.expression(Context.THERAPY, start + 1 + i * 0.05 + 0.01);
                }
            }
        }
        out[k++] = m.expression(Context.HOME, 1200);
        out[k] = m.traceStrength();
        return out;
    }

    /**
     * Model time is a function of the learning events' wall times only, and a query is pure: a
     * patient queried hundreds of times learns and expresses exactly what an unqueried one does
     * (on e839419 every query moved the clock and ran the pending EM iterations, so a weekly
     * PCL-5 changed the patient).
     */
    @Test
    void queriesDoNotChangeWhatTheSubjectLearnsOrExpresses() {
        double[] plain = course(LatentCauseTrace.withTrauma(P, P.unitsPerHour(), P.maxGapUnits(), 6, 0.7, 5, 3650), false);
        double[] queried = course(LatentCauseTrace.withTrauma(P, P.unitsPerHour(), P.maxGapUnits(), 6, 0.7, 5, 3650), true);
        assertThat(queried).containsExactly(plain);
    }

    /** A query answers as if the last trial's pending learning had run by then, and leaves the memory as it was. */
    @Test
    void aQueryIncludesPendingLearningWithoutDoingIt() {
        LatentCauseMemory asked = new LatentCauseMemory(P, 2);
        LatentCauseMemory advanced = new LatentCauseMemory(P, 2);
        double[] x = {1, 1};
        for (LatentCauseMemory m : new LatentCauseMemory[] {asked, advanced}) {
            m.trial(0, x, 1);
            m.trial(1, x, 1);
            m.trial(21, x, 0);
        }
        double[][] before = asked.weights();
        double[] posterior = asked.posterior();
        double answer = asked.peek(41, x);
        assertThat(asked.weights()).isDeepEqualTo(before);
        assertThat(asked.posterior()).containsExactly(posterior);
        advanced.advanceTo(41);
        assertThat(answer).isEqualTo(advanced.peek(41, x));
        assertThat(asked.trial(41, x, 0)).isEqualTo(advanced.trial(41, x, 0));
        assertThat(asked.weights()).isDeepEqualTo(advanced.weights());
    }

    /** Model units of each trial hour, as the trace maps them with the default map: gap by gap between trials. */
    private static double[] units(double... hours) {
        return unitsWith(P.unitsPerHour(), P.maxGapUnits(), hours);
    }

    private static double[] unitsWith(double perHour, double maxGap, double... hours) {
        double[] u = new double[hours.length];
        for (int i = 1; i < hours.length; i++) {
            u[i] = u[i - 1] + maxGap * -Math.expm1(-perHour * (hours[i] - hours[i - 1]) / maxGap);
        }
        return u;
    }

    /**
     * Nader-like design (acquisition, retrieval a day later with a full blockade, test a day after
     * it): the blockade acts within the retrieval trial, after each of its EM iterations, as
     * {@code imm_localmap.m} does for the injected trial ({@link LatentCauseMemory#inhibitProteinSynthesis},
     * checked against the authors' code by LatentCauseReferenceTest). On e839419 it acted once at
     * the window's close with the retrieval trial's stored posterior, and the trial's later
     * iterations learned unblocked.
     */
    @Test
    void theBlockadeActsWithinTheRetrievalTrial() {
        // the time map of scenarios/phenomena/03-nader-2000.yaml: a day is about 20 units, as in the paper's design 6
        double perHour = 6;
        double maxGap = 20;
        double[] h = {0, 24, 48};
        double[] u = unitsWith(perHour, maxGap, h);
        double[] x = new double[1 + Context.values().length];
        x[0] = 1;
        x[1 + A.ordinal()] = 1;
        double[] test = new double[2];
        for (int blocked = 0; blocked < 2; blocked++) {
            LatentCauseMemory reference = new LatentCauseMemory(P, 1 + Context.values().length);
            reference.trial(u[0], x, 1);
            reference.trial(u[1], x, 0);
            if (blocked == 1) {
                reference.inhibitProteinSynthesis(1);
            }
            test[blocked] = reference.trial(u[2], x, 0);
        }

        LatentCauseTrace m = new LatentCauseTrace(P, perHour, maxGap, 6);
        m.trial(A, h[0], 1, 1);
        assertThat(m.retrieve(A, h[1], 0.5, 0)).isTrue();
        m.trial(A, h[1], 0, 1);
        m.restabilize(0);
        assertThat(m.trial(A, h[2], 0, 1)).isCloseTo(test[1], within(1e-12));
        assertThat(test[1]).isLessThan(test[0] - 0.1); // the blockade matters here: the two answers differ
    }

    /**
     * Retrieval-extinction with the blockade announced at the retrieval: the extinction trials 10
     * minutes later, inside the window, learn from weights already blocked within the retrieval
     * trial (on e839419 the window's close blocked the weights after extinction had used them).
     */
    @Test
    void anAnnouncedBlockadeActsBeforeTheTrialsThatFollowInTheWindow() {
        double[] h = new double[1 + 1 + 18 + 1];
        h[0] = 0;
        h[1] = 24;
        for (int i = 0; i < 18; i++) {
            h[2 + i] = 24 + 10 / 60.0 + i * 2 / 60.0;
        }
        h[20] = 24 + 720;
        double[] u = units(h);
        LatentCauseMemory reference = new LatentCauseMemory(P, 1 + Context.values().length);
        double[] x = new double[1 + Context.values().length];
        x[0] = 1;
        x[1 + A.ordinal()] = 1;
        reference.trial(u[0], x, 1);
        reference.trial(u[1], x, 0);
        reference.inhibitProteinSynthesis(0.5);
        for (int i = 2; i < 20; i++) {
            reference.trial(u[i], x, 0);
        }
        double expected = reference.trial(u[20], x, 0);

        LatentCauseTrace m = new LatentCauseTrace(P, P.unitsPerHour(), P.maxGapUnits(), 6);
        m.trial(A, h[0], 1, 1);
        assertThat(m.retrieve(A, h[1], 0.5, 0)).isTrue();
        m.restabilizationAhead(0.5);
        m.trial(A, h[1], 0, 1);
        for (int i = 2; i < 20; i++) {
            m.trial(A, h[i], 0, 1);
        }
        m.restabilize(0.5);
        assertThat(m.trial(A, h[20], 0, 1)).isCloseTo(expected, within(1e-12));
    }

    /**
     * The authors' {@code imm_run.m} puts a block's trials 1 unit apart and adds the interval (3
     * in design 2) after the block's last trial: the first extinction trial is 4 units after the
     * retrieval trial. 10 min (Monfils 2009) is therefore 4 units at short gaps (e839419: 3).
     */
    @Test
    void tenMinutesAreFourModelUnitsByDefault() {
        assertThat(P.unitsPerHour() * 10 / 60.0).isCloseTo(4.0, within(1e-12));
        double mapped = units(0, 10 / 60.0)[1];
        assertThat(Math.round(mapped)).isEqualTo(4); // the retrieval trial then gets min(maxIter, 4) iterations
    }
}
