package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinomialIntervalTest {

    /** Normal quantile for 95%, to the digits tables give. */
    private static final double Z95 = 1.959963984540054;

    /**
     * Wilson interval written out independently as the roots of
     * {@code (p - phat)^2 = z^2 p (1 - p) / n}, i.e. of {@code (n + z^2) p^2 - (2x + z^2) p + x^2/n = 0}.
     */
    private static double[] wilsonRoots(long x, long n, double z) {
        double a = n + z * z;
        double b = -(2.0 * x + z * z);
        double c = (double) x * x / n;
        double root = Math.sqrt(Math.max(0, b * b - 4 * a * c));
        return new double[] {(-b - root) / (2 * a), (-b + root) / (2 * a)};
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        "0, 10, 0.0000, 0.2775",
        "5, 10, 0.2366, 0.7634",
        "10, 10, 0.7225, 1.0000",
        "80, 100, 0.7112, 0.8666",
    })
    void wilsonMatchesTheQuadraticRoots(long x, long n, double low, double high) {
        double[] roots = wilsonRoots(x, n, Z95);
        ProportionInterval interval = BinomialInterval.wilson(x, n, 0.95);
        assertThat(interval.low()).isCloseTo(roots[0], within(1e-12)).isCloseTo(low, within(5e-5));
        assertThat(interval.high()).isCloseTo(roots[1], within(1e-12)).isCloseTo(high, within(5e-5));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        // textbook values, identical to R 4.2.2 binom.test(x, n)$conf.int to 4 decimals
        "0, 10, 0.0000, 0.3085",
        "5, 10, 0.1871, 0.8129",
        "10, 10, 0.6915, 1.0000",
        "1, 10, 0.0025, 0.4450",
        "80, 100, 0.7082, 0.8733",
    })
    void clopperPearsonMatchesKnownValues(long x, long n, double low, double high) {
        ProportionInterval interval = BinomialInterval.clopperPearson(x, n, 0.95);
        assertThat(interval.low()).isCloseTo(low, within(5e-5));
        assertThat(interval.high()).isCloseTo(high, within(5e-5));
    }

    @Test
    void clopperPearsonAtZeroHasTheClosedForm() {
        // upper bound for x = 0 solves (1 - p)^n = alpha / 2
        ProportionInterval interval = BinomialInterval.clopperPearson(0, 10, 0.95);
        assertThat(interval.high()).isCloseTo(1 - Math.pow(0.025, 0.1), within(1e-10));
    }

    @Test
    void clopperPearsonIsWiderThanWilson() {
        ProportionInterval exact = BinomialInterval.clopperPearson(800, 1000, 0.95);
        ProportionInterval wilson = BinomialInterval.wilson(800, 1000, 0.95);
        assertThat(exact.low()).isLessThan(wilson.low());
        assertThat(exact.high()).isGreaterThan(wilson.high());
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> BinomialInterval.wilson(11, 10, 0.95));
        assertThatIllegalArgumentException().isThrownBy(() -> BinomialInterval.clopperPearson(0, 0, 0.95));
        assertThatIllegalArgumentException().isThrownBy(() -> BinomialInterval.wilson(1, 10, 1.0));
    }
}
