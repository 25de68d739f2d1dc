package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MultiplicityTest {

    // R 4.2.2: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02;
    //          p.adjust(..., "bonferroni") = 0.04 0.16 0.12 0.02; reject where adjusted <= alpha
    private static final double[] P = {0.01, 0.04, 0.03, 0.005};

    @Test
    void holmAsRsPAdjust() {
        assertThat(Multiplicity.holm(P, 0.05)).containsExactly(true, false, false, true);
        assertThat(Multiplicity.holm(P, 0.06)).containsExactly(true, true, true, true);
        assertThat(Multiplicity.holm(P, 0.025)).containsExactly(false, false, false, true);
    }

    @Test
    void bonferroniAsRsPAdjust() {
        assertThat(Multiplicity.bonferroni(P, 0.05)).containsExactly(true, false, false, true);
        assertThat(Multiplicity.bonferroni(P, 0.12)).containsExactly(true, false, true, true);
    }

    @Test
    void anUndefinedTestNeverRejectsButCounts() {
        double[] p = {0.012, Double.NaN};
        assertThat(Multiplicity.holm(p, 0.05)).containsExactly(true, false);
        assertThat(Multiplicity.bonferroni(p, 0.05)).containsExactly(true, false);
        assertThat(Multiplicity.holm(new double[] {0.03, Double.NaN}, 0.05)).containsExactly(false, false);
    }
}
