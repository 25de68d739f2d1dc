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
