package org.reconsim.models.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * The transcriptions return the same double as {@link StrictMath} (the JVM's C fdlibm) for every
 * argument tried: each branch of both algorithms (tiny, primary range, reduced, huge, non-finite)
 * and arguments spread over every binary exponent. Bits are compared, NaN payloads included.
 */
class FdlibmTest {

    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, -0.5, 0.5, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
        0x1p-54, -0x1p-54, 0x1p-29, -0x1p-29, 0x1.fffffffffffffp-30, -0.2929, 0.41422, 0.5 * Math.log(2), 1.5 * Math.log(2),
        56 * Math.log(2), -56 * Math.log(2), 709.78, 709.79, -709.79, -40, -38.9, 20 * Math.log(2), 21 * Math.log(2), -1e-300};

    @Test
    void log1pIsStrictMathBitForBit() {
        assertSameAsStrictMath(Fdlibm::log1p, StrictMath::log1p);
    }

    @Test
    void expm1IsStrictMathBitForBit() {
        assertSameAsStrictMath(Fdlibm::expm1, StrictMath::expm1);
    }

    private static void assertSameAsStrictMath(DoubleUnaryOperator port, DoubleUnaryOperator strict) {
        for (double x : SPECIAL) {
            assertSame(port, strict, x);
        }
        SplittableRandom random = new SplittableRandom(20261202L);
        for (int i = 0; i < 2_000_000; i++) {
            double x = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong()); // any bit pattern
                case 1 -> -random.nextDouble(); // (-1, 0]: the normal quantile's tail, 1 - p
                case 2 -> (random.nextDouble() - 0.5) * 100; // the reduced ranges of expm1
                default -> (random.nextDouble() - 0.5) * Math.scalb(1.0, random.nextInt(-60, 12)); // every scale
            };
            assertSame(port, strict, x);
        }
    }

    private static void assertSame(DoubleUnaryOperator port, DoubleUnaryOperator strict, double x) {
        long expected = Double.doubleToRawLongBits(strict.applyAsDouble(x));
        long actual = Double.doubleToRawLongBits(port.applyAsDouble(x));
        if (actual != expected) {
            // assertThat only on a mismatch: millions of passing assertions would dominate the test's time
            assertThat(Long.toHexString(actual)).as("argument %s (%s)", x, Double.toHexString(x)).isEqualTo(Long.toHexString(expected));
        }
    }
}
