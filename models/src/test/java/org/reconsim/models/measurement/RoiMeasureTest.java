package org.reconsim.models.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.reconsim.models.population.PatientGenerator;

class RoiMeasureTest {

    @Test
    void noiseFromIccFormula() {
        // sd_within = sd_between * sqrt((1 - ICC) / ICC): ICC 0.5 gives equal SDs
        assertThat(RoiMeasure.withinSd(0.3, 0.5)).isCloseTo(0.3, within(1e-15));
        assertThat(new RoiMeasure(0, 1, 0.25, 0.4).withinSd()).isCloseTo(0.25 * Math.sqrt(1.5), within(1e-15));
        // all true-score variance counts: loading^2 latent variance + subject SD^2 + site SD^2
        assertThat(new RoiMeasure(0, 0.8, 0.25, 0.4).calibrated(0.2, 0.05).withinSd())
                .isCloseTo(Math.sqrt(0.64 * 0.04 + 0.0625 + 0.0025) * Math.sqrt(1.5), within(1e-15));
    }

    @Test
    void twoScansOfAnUnchangedStateCorrelateAtTheTargetIcc() {
        RoiMeasure m = new RoiMeasure(0.2, 1.0, 0.25, 0.4);
        UniformRandomProvider rng = RandomSource.PHILOX_4X64.create(42L);
        int n = 20000;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double subject = m.subjectSd() * PatientGenerator.standardNormal(rng);
            a[i] = m.observe(0.5, subject, 0, PatientGenerator.standardNormal(rng));
            b[i] = m.observe(0.5, subject, 0, PatientGenerator.standardNormal(rng));
        }
        // SE of a correlation near 0.4 with n = 20000 is about 0.006
        assertThat(new PearsonsCorrelation().correlation(a, b)).isCloseTo(0.4, within(0.025));
    }

    @Test
    void scrScoringFloorAndSquareRoot() {
        ScrMeasure s = new ScrMeasure(0.1, 0.3, 0.5, 0.55, 0.02);
        assertThat(s.score(0.019)).isZero();
        assertThat(s.score(0.25)).isCloseTo(0.5, within(1e-15));
        assertThat(s.amplitude(false, 1, 0.8, 0.1, 2)).isZero();
        assertThat(s.amplitude(true, 1, 0.5, 0.1, 0)).isCloseTo(0.15, within(1e-15));
        // log-normal gain with mean 1: E[exp(s z - s^2/2)] = 1
        double sum = 0;
        int n = 200000;
        UniformRandomProvider rng = RandomSource.PHILOX_4X64.create(7L);
        for (int i = 0; i < n; i++) {
            sum += s.gain(PatientGenerator.standardNormal(rng));
        }
        assertThat(sum / n).isCloseTo(1, within(0.01));
    }

    /** Loading and subject SD have no upper bound: squaring them for the noise SD overflowed to infinity past 1e154. */
    @Test
    void noiseSdOfHugeScalesIsFinite() {
        RoiMeasure m = new RoiMeasure(0, 1e200, 1e200, 0.4).calibrated(0.1, 0);
        assertThat(m.withinSd()).isFinite().isCloseTo(Math.hypot(1e200, 1e199) * Math.sqrt(1.5), withinPercentage(1e-10));
        assertThat(m.observe(0.7, 0, 0, 3)).isFinite();
    }
}
