package org.reconsim.models.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class LogNormalTest {

    @Test
    void multiplierHasMeanOneAndTheAskedCv() {
        UniformRandomProvider rng = RandomSource.PHILOX_4X64.create(11L);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double m = LogNormal.multiplier(0.3, PatientGenerator.standardNormal(rng));
            sum += m;
            sumSq += m * m;
        }
        double mean = sum / n;
        assertThat(mean).isCloseTo(1, within(0.003));
        assertThat(Math.sqrt(sumSq / n - mean * mean) / mean).isCloseTo(0.3, within(0.005));
    }

    @Test
    void logSdIsTheSdOfTheLogarithm() {
        // ln m = sigma z - sigma^2 / 2: one SD of z moves ln m by sigma
        double cv = 0.45;
        double sigma = LogNormal.logSd(cv);
        assertThat(Math.log(LogNormal.multiplier(cv, 1)) - Math.log(LogNormal.multiplier(cv, 0))).isCloseTo(sigma, within(1e-12));
        assertThat(LogNormal.multiplier(0, 2.5)).isEqualTo(1.0);
    }
}
