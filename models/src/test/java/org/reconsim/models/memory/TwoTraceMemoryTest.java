package org.reconsim.models.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TwoTraceMemoryTest {

    private final TwoTraceParameters p = TwoTraceParameters.defaults();

    @Test
    void noPredictionErrorNoDestabilization() {
        // Sevenster 2013: amnesia needs a prediction error at reactivation
        assertThat(p.destabilizationProbability(0, 5, 0.7, 365)).isZero();
        assertThat(p.destabilizationProbability(0.6, 5, 0.7, 365)).isGreaterThan(0.5);
    }

    @Test
    void longReexposureExtinguishesInsteadOfDestabilizing() {
        // Suzuki 2004: 3 min reconsolidates, 30 min+ extinguishes a young weak memory
        double brief = p.destabilizationProbability(0.6, 3, 0.3, 1);
        double longOne = p.destabilizationProbability(0.6, 60, 0.3, 1);
        assertThat(brief).isGreaterThan(0.5);
        assertThat(longOne).isLessThan(0.01);
    }

    @Test
    void olderAndStrongerMemoriesNeedLongerReexposure() {
        // Suzuki 2004; Wang 2009: the boundary grows with age and strength
        double youngWeak = p.destabilizationProbability(0.6, 0.6, 0.3, 1);
        double oldStrong = p.destabilizationProbability(0.6, 0.6, 1.0, 3650);
        assertThat(p.boundaryFactor(1.0, 3650)).isGreaterThan(p.boundaryFactor(0.3, 1));
        assertThat(oldStrong).isLessThan(youngWeak / 5);
    }

    @Test
    void exposureTrialsExtinguishInContextWithPartialTransfer() {
        TwoTraceMemory m = new TwoTraceMemory(p, 0.8, 0, 365);
        double before = m.expression(Context.THERAPY, 0);
        double r = 0;
        for (int i = 0; i < 40; i++) {
            r = m.exposureTrial(Context.THERAPY, i * 0.1, 1.0);
        }
        assertThat(before).isEqualTo(0.8);
        // R_n = R_0 (1 - eta_X)^n in context with no decay over 4 h: closed form
        assertThat(m.expression(Context.THERAPY, 4.0)).isCloseTo(0.8 * Math.pow(1 - p.etaExtinction(), 40), within(2e-3));
        // renewal: another context sees only s_k of the extinction
        double x = m.extinctionRecall(Context.THERAPY, 4.0);
        assertThat(m.extinctionRecall(Context.SCANNER, 4.0)).isCloseTo(p.contextTransfer() * x, within(1e-12));
        assertThat(m.expression(Context.SCANNER, 4.0)).isGreaterThan(m.expression(Context.THERAPY, 4.0));
        assertThat(m.traceStrength()).isEqualTo(0.8); // stable trace: extinction does not touch E
        assertThat(r).isPositive();
    }

    @Test
    void extinctionDecaysTowardItsRetainedShare() {
        TwoTraceMemory m = new TwoTraceMemory(p, 0.8, 0, 365);
        for (int i = 0; i < 40; i++) {
            m.exposureTrial(Context.THERAPY, 0, 1.0);
        }
        double x0 = m.extinctionRecall(Context.THERAPY, 0);
        double later = m.extinctionRecall(Context.THERAPY, p.extinctionDecayHours());
        double r = p.extinctionRetention();
        assertThat(later).isCloseTo(x0 * (r + (1 - r) * Math.exp(-1)), within(1e-12));
        assertThat(m.extinctionRecall(Context.THERAPY, 1e7)).isCloseTo(x0 * r, within(1e-9));
    }

    /**
     * Regression (issue 12): the retained share r is applied once to every increment of
     * extinction. Analytic values: the first trial (E = 1, no extinction, R = 1) adds
     * dX1 = eta_X; a retraining trial long after it with gain 0 adds nothing, so long after
     * that the recall is still r dX1 (the old code folded r dX1 into a decaying total and gave
     * r^2 dX1); a retraining trial with gain 1 at R1 = 1 - r dX1 adds dX2 = eta_X R1, and the
     * recall tends to r (dX1 + dX2).
     */
    @Test
    void retrainingAfterADelayKeepsThePermanentShareOfEarlierExtinction() {
        double r = p.extinctionRetention();
        double etaX = p.etaExtinction();
        double longAfter = 100 * p.extinctionDecayHours(); // exp(-100): the decaying part is gone
        double dx1 = etaX;

        TwoTraceMemory idle = new TwoTraceMemory(p, 1.0, 0, 365);
        idle.exposureTrial(Context.THERAPY, 0, 1.0);
        assertThat(idle.extinctionRecall(Context.THERAPY, longAfter)).isCloseTo(r * dx1, within(1e-15));
        idle.exposureTrial(Context.THERAPY, longAfter, 0.0);
        assertThat(idle.extinctionRecall(Context.THERAPY, 2 * longAfter)).isCloseTo(r * dx1, within(1e-15));

        TwoTraceMemory retrained = new TwoTraceMemory(p, 1.0, 0, 365);
        retrained.exposureTrial(Context.THERAPY, 0, 1.0);
        double r1 = retrained.exposureTrial(Context.THERAPY, longAfter, 1.0);
        assertThat(r1).isCloseTo(1 - r * dx1, within(1e-15));
        double dx2 = etaX * r1;
        assertThat(retrained.extinctionRecall(Context.THERAPY, longAfter)).isCloseTo(r * dx1 + dx2, within(1e-15));
        assertThat(retrained.extinctionRecall(Context.THERAPY, 2 * longAfter)).isCloseTo(r * (dx1 + dx2), within(1e-15));
    }

    /**
     * The example: home extinction x0 = 0.562 is 0.281 once decayed (r = 0.5), and stays
     * 0.281 after a PE-like retraining at home with the learning blocked (gain 0) and another
     * long delay; the old code halved it to 0.141.
     */
    @Test
    void permanentShareOfHomeExtinctionSurvivesRetraining() {
        double longAfter = 100 * p.extinctionDecayHours();
        TwoTraceMemory m = new TwoTraceMemory(p, 1.0, 0.562, 365);
        assertThat(m.extinctionRecall(Context.HOME, longAfter)).isCloseTo(0.281, within(1e-12));
        m.exposureTrial(Context.HOME, longAfter, 0.0);
        assertThat(m.extinctionRecall(Context.HOME, 2 * longAfter)).isCloseTo(0.281, within(1e-12));
    }

    @Test
    void labileTraceIsUpdatedAndRestabilizedWithEfficiencyRho() {
        TwoTraceMemory m = new TwoTraceMemory(p, 0.7, 0, 30);
        assertThat(m.retrieve(Context.SCANNER, 0, 3, 0.0)).isTrue();
        assertThat(m.isLabile(1)).isTrue();
        assertThat(m.labileUntil()).isEqualTo(p.labileWindowHours());
        double r = m.exposureTrial(Context.SCANNER, 0.5, 1.0);
        assertThat(m.traceStrength()).isCloseTo(0.7 - p.etaUpdate() * r, within(1e-12));
        double e = m.traceStrength();
        m.restabilize(0.8);
        assertThat(m.traceStrength()).isCloseTo(0.8 * e, within(1e-12));
        assertThat(m.isLabile(1)).isFalse();
        m.restabilize(0.5); // no window open: nothing happens
        assertThat(m.traceStrength()).isCloseTo(0.8 * e, within(1e-12));
    }

    @Test
    void retrievalDestabilizesWithItsProbability() {
        TwoTraceMemory m = new TwoTraceMemory(p, 0.7, 0, 30);
        double prob = m.destabilizationProbability(Context.SCANNER, 0, 5);
        assertThat(m.retrieve(Context.SCANNER, 0, 5, Math.nextUp(prob))).isFalse();
        assertThat(m.retrieve(Context.SCANNER, 0, 5, prob * 0.999)).isTrue();
    }
}
