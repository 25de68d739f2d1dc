package org.reconsim.models.memory.latentcause;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Direction of the canonical effects (docs/PHENOMENA.md rows 1, 3, 4, 11) with the published
 * defaults and the paper's time units (docs/MODEL.md section 2b). The model is deterministic: one
 * subject per condition is the whole answer. Responses are CR in 0..1.
 */
class LatentCausePhenomenaTest {

    private static final LatentCauseParameters P = LatentCauseParameters.defaults();
    private static final double[] CS = {1};

    /**
     * The paper's Monfils-Schiller protocol ({@code imm_run.m} designs 1-3): 3 acquisition
     * trials, 20 units, one retrieval trial, {@code gap}, 18 extinction trials, 200 units, test.
     * With gap 0 the retrieval trial is simply the first of 19 extinction trials.
     */
    private static Protocol retrievalExtinction(double gap, double testDelay) {
        return new Protocol().block(3, 1, CS).gap(20).block(1, 0, CS).gap(gap).block(18, 0, CS)
                .gap(testDelay).block(1, 0, CS);
    }

    /**
     * Gershman, Jones et al. 2013 in the same units: 3 acquisition trials, 20 units, 30
     * extinction trials, 200 units, test. Gradual: the US still follows extinction trials 1, 3,
     * 6, 10 and 15, ever further apart (the spacing of the human replication, Wang et al. 2024
     * [protocol numbers assumed, not the rats' exact schedule]); standard: no US.
     */
    static Protocol extinction(boolean gradual) {
        Protocol p = new Protocol().block(3, 1, CS).gap(20).block(30, 0, CS).gap(200).block(1, 0, CS);
        if (gradual) {
            for (int trial : new int[] {1, 3, 6, 10, 15}) {
                p.outcome(2 + trial, 1);
            }
        }
        return p;
    }

    private static double test(double[] cr) {
        return cr[cr.length - 1];
    }

    private static double lastExtinction(double[] cr) {
        return cr[cr.length - 2];
    }

    @Test
    void spontaneousRecovery() {
        // Rescorla 2004: fear returns with time after extinction
        double[] late = retrievalExtinction(0, 200).run(P);
        double[] early = retrievalExtinction(0, 0).run(P);
        assertThat(lastExtinction(late)).isLessThan(0.25);  // 0.204
        assertThat(test(early)).isLessThan(0.25);           // 0.190, one unit after the last trial
        assertThat(test(late)).isGreaterThan(0.9);          // 0.991, 200 units after
    }

    @Test
    void retrievalShortlyBeforeExtinctionPreventsRecovery() {
        // Monfils 2009, Schiller 2010; the paper's Fig. 11: retrieval-extinction gap 3 vs 100 vs none
        double[] none = retrievalExtinction(0, 200).run(P);
        double[] shortGap = retrievalExtinction(3, 200).run(P);
        double[] longGap = retrievalExtinction(100, 200).run(P);
        // all three extinguish
        assertThat(lastExtinction(none)).isLessThan(0.25);     // 0.204
        assertThat(lastExtinction(shortGap)).isLessThan(0.25); // 0.033
        assertThat(lastExtinction(longGap)).isLessThan(0.25);  // 0.048
        // only the short gap keeps fear from returning
        assertThat(test(shortGap)).isLessThan(0.1);            // 0.067
        assertThat(test(none)).isGreaterThan(0.9);             // 0.991
        assertThat(test(longGap)).isGreaterThan(0.8);          // 0.847
        double recoveryShort = test(shortGap) - lastExtinction(shortGap);
        assertThat(recoveryShort).isLessThan(test(none) - lastExtinction(none) - 0.5);
        assertThat(recoveryShort).isLessThan(test(longGap) - lastExtinction(longGap) - 0.5);
    }

    /**
     * The protocol above with stimulus {@code x} on every trial, the retrieval trial
     * {@code acquisitionGap} units after the last acquisition trial and the first extinction trial
     * {@code retrievalGap} units after the retrieval trial; returns the response on the test, 201
     * units after the last extinction trial as in {@code imm_run.m}.
     */
    private static double recovery(double[] x, double acquisitionGap, double retrievalGap) {
        Protocol p = new Protocol().block(3, 1, x).gap(acquisitionGap - 1).block(1, 0, x);
        return test(p.gap(retrievalGap - 1).block(18, 0, x).gap(200).block(1, 0, x).run(P));
    }

    @Test
    void retrievalExtinctionWindowOutlastsTheMemorysAge() {
        // The paper's short/long contrast (Fig. 11) needs the long retrieval-extinction gap (100
        // units, standing for 6 h) to be longer than acquisition-retrieval (20 units, standing for
        // 1 day). With the paper's stimulus, retrieval 21 units after the last acquisition trial,
        // the window closes abruptly 35 units after the retrieval trial, 1.6 times the memory's age:
        for (double gap = 2; gap <= 34; gap++) {
            assertThat(recovery(CS, 21, gap)).as("gap %s", gap).isLessThan(0.1);     // 0.062-0.078
        }
        assertThat(recovery(CS, 21, 35)).isGreaterThan(0.85);                         // 0.889
        // So under any monotone mapping of hours to units (6 h no longer than 1 day) the long gap
        // leaves no more recovery than the short one, with the paper's single CS feature or the
        // simulator's CS + 6 context features (context A on, 5 never used), and for any age of the
        // memory in units, including the ~178 units the default mapping gives one day.
        double[] simulator = {1, 0, 0, 0, 1, 0, 0};
        for (double[] x : new double[][] {CS, simulator}) {
            for (double age : new double[] {10, 21, 50, 100, 150, 178, 250}) {
                double shortGap = recovery(x, age, 4);
                for (double gap = 5; gap <= age; gap += 1) {
                    assertThat(recovery(x, age, gap)).as("features %s, age %s, gap %s", x.length, age, gap)
                            .isLessThanOrEqualTo(shortGap + 1e-3);
                }
            }
        }
    }

    @Test
    void unsignalledUsWithoutFeaturesTeachesNothing() {
        // The paper's reinstatement protocol (imm_run.m design 5): the US alone is a trial with no
        // stimulus feature and outcome 1. x = 0 moves no weight and is equally likely under every
        // cause's outcome prediction, so it only joins a cause's history: the test 20 units later is
        // no higher than without the US (no-retrieval 0.985 vs 0.995, long gap 0.432 vs 0.509).
        for (double gap : new double[] {-1, 4, 101}) {
            Protocol withUs = new Protocol().block(3, 1, CS).gap(20);
            Protocol withoutUs = new Protocol().block(3, 1, CS).gap(20);
            if (gap >= 0) {
                withUs.block(1, 0, CS).gap(gap - 1);
                withoutUs.block(1, 0, CS).gap(gap - 1);
            }
            withUs.block(18, 0, CS).gap(20).block(1, 1, 0).gap(20).block(1, 0, CS);
            withoutUs.block(18, 0, CS).gap(41).block(1, 0, CS);
            assertThat(test(withUs.run(P))).as("gap %s", gap).isLessThanOrEqualTo(test(withoutUs.run(P)));
        }
        LatentCauseMemory m = new LatentCauseMemory(P, 1);
        new Protocol().block(3, 1, CS).gap(20).block(19, 0, CS).run(m); // last trial at 41
        m.advanceTo(60); // the last trial's learning is done
        double[][] before = m.weights();
        m.trial(62, new double[] {0}, 1);
        m.advanceTo(82);
        assertThat(m.weights()).isDeepEqualTo(before);
    }

    @Test
    void gradualExtinctionLimitsReturnOfFear() {
        // Gershman, Jones, Norman, Monfils & Niv 2013: thinning the US slowly keeps extinction in
        // the acquisition cause, which is then modified instead of a new cause being formed
        double[] standard = extinction(false).run(P);
        double[] gradual = extinction(true).run(P);
        assertThat(lastExtinction(standard)).isLessThan(0.15);  // 0.111
        assertThat(lastExtinction(gradual)).isLessThan(0.15);   // 0.051
        assertThat(test(gradual)).isLessThan(test(standard) - 0.3); // 0.438 vs 0.863
        assertThat(test(gradual) - lastExtinction(gradual))
                .isLessThan(test(standard) - lastExtinction(standard) - 0.3); // 0.387 vs 0.751
    }

    @Test
    void proteinSynthesisInhibitionNeedsABriefRetrieval() {
        // Nader 2000 direction; the paper's designs 6-8: one acquisition trial, 20 units, retrieval,
        // inhibitor right after it, 20 units, test
        Protocol briefWithInhibitor = new Protocol().block(1, 1, CS).gap(20).block(1, 0, CS).inhibitAfterLastTrial()
                .gap(20).block(1, 0, CS);
        Protocol briefAlone = new Protocol().block(1, 1, CS).gap(20).block(1, 0, CS).gap(20).block(1, 0, CS);
        assertThat(test(briefWithInhibitor.run(P))).isLessThan(test(briefAlone.run(P)) - 0.3); // 0.647 vs 0.999
        // a long re-exposure (3 trials) is extinction: the inhibitor then hits the new cause
        Protocol longWithInhibitor = new Protocol().block(1, 1, CS).gap(20).block(3, 0, CS).inhibitAfterLastTrial()
                .gap(20).block(1, 0, CS);
        Protocol longAlone = new Protocol().block(1, 1, CS).gap(20).block(3, 0, CS).gap(20).block(1, 0, CS);
        assertThat(test(longWithInhibitor.run(P))).isGreaterThan(test(longAlone.run(P)) - 0.01); // 0.9987 vs 0.9994
    }
}
