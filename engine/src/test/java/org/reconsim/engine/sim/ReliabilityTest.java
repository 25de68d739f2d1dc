package org.reconsim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReliabilityTest {

    @Test
    void handComputedTwoSessionExample() {
        // rows (1,2) (3,3) (5,7): grand 3.5, SS_R 21, SS_C 1.5, SS_T 23.5, SS_E 1
        // MS_R 10.5, MS_C 1.5, MS_E 0.5; ICC(3,1) = 10 / 11, ICC(2,1) = 10 / (11 + 2/3) = 6/7
        Reliability r = Reliability.of(new double[] {1, 3, 5}, new double[] {2, 3, 7});
        assertThat(r.msSubjects()).isCloseTo(10.5, within(1e-12));
        assertThat(r.msSessions()).isCloseTo(1.5, within(1e-12));
        assertThat(r.msError()).isCloseTo(0.5, within(1e-12));
        assertThat(r.consistency()).isCloseTo(10.0 / 11, within(1e-12));
        assertThat(r.agreement()).isCloseTo(6.0 / 7, within(1e-12));
    }

    @Test
    void shroutFleissTextbookExample() {
        // Shrout & Fleiss 1979, Table 2: 6 targets, 4 judges; ICC(2,1) = .29, ICC(3,1) = .71
        double[][] t = {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};
        Reliability r = Reliability.of(t);
        assertThat(r.agreement()).isCloseTo(0.29, within(0.005));
        assertThat(r.consistency()).isCloseTo(0.71, within(0.005));
        // the same table through R psych::ICC 2.2.9 (ICC2, ICC3), see the fixture below
        assertThat(r.agreement()).isCloseTo(0.289763779527559, within(1e-12));
        assertThat(r.consistency()).isCloseTo(0.714840714840715, within(1e-12));
    }

    @Test
    void matchesRPsychFixture() {
        // R 4.2.2, psych 2.2.9: ICC(cbind(s1, s2), lmer = FALSE)$results
        //   ICC2 (Single_random_raters) 0.837084570443444, ICC3 (Single_fixed_raters) 0.828514551142289
        double[] s1 = {1.2, 0.4, 2.3, 1.9, 0.7, 1.5, 2.8, 0.1, 1.1, 1.6};
        double[] s2 = {1.0, 0.9, 2.0, 2.4, 0.5, 1.9, 2.2, 0.6, 1.7, 1.3};
        Reliability r = Reliability.of(s1, s2);
        assertThat(r.agreement()).isCloseTo(0.837084570443444, within(1e-12));
        assertThat(r.consistency()).isCloseTo(0.828514551142289, within(1e-12));
        // psych's F for ICC3: MS_R / MS_E
        assertThat(r.msSubjects() / r.msError()).isCloseTo(10.6627971254837, within(1e-9));
    }

    @Test
    void aSessionShiftLowersAgreementButNotConsistency() {
        // habituation or scanner drift: the hand example's second session 0.5 higher still. Session
        // means 3 and 4.5: MS_C = 3 * 2 * 0.75^2 = 3.375, MS_R and MS_E unchanged (10.5, 0.5), so
        // ICC(3,1) stays 10 / 11 and ICC(2,1) = 10 / (11 + 2 * 2.875 / 3) = 24 / 31
        Reliability r = Reliability.of(new double[] {1, 3, 5}, new double[] {2.5, 3.5, 7.5});
        assertThat(r.msSessions()).isCloseTo(3.375, within(1e-12));
        assertThat(r.consistency()).isCloseTo(10.0 / 11, within(1e-12));
        assertThat(r.agreement()).isCloseTo(24.0 / 31, within(1e-12));
    }
}
