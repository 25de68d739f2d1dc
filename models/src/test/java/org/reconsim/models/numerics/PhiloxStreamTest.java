package org.reconsim.models.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.Philox4x64;
import org.junit.jupiter.api.Test;

/** Our Philox must be commons-rng's Philox4x64, draw for draw, or every stored result would change. */
class PhiloxStreamTest {

    @Test
    void drawsWhatCommonsRngDrawsForTheSameSeed() {
        SplittableRandom seeds = new SplittableRandom(42);
        long[][] cases = {
            {0, 0, 0, 0, 0, 0},
            {-1, -1, -1, -1, -1, -1}, // every counter word carries on the first increment
            {123, 456, -2, 0, 7, 9},  // carry after the second block
            {0x9E3779B97F4A7C15L, 1, 0, -1, 3, 4},
        };
        for (int t = 0; t < 200; t++) {
            long[] seed = t < cases.length ? cases[t]
                    : new long[] {seeds.nextLong(), seeds.nextLong(), seeds.nextLong(), seeds.nextLong(), seeds.nextLong(),
                        seeds.nextLong()};
            UniformRandomProvider ours = new PhiloxStream(seed[0], seed[1], seed[2], seed[3], seed[4], seed[5]);
            UniformRandomProvider theirs = new Philox4x64(seed.clone());
            SplittableRandom which = new SplittableRandom(t);
            for (int i = 0; i < 300; i++) {
                switch (which.nextInt(4)) {
                    case 0 -> assertThat(ours.nextLong()).isEqualTo(theirs.nextLong());
                    case 1 -> assertThat(ours.nextInt()).isEqualTo(theirs.nextInt());
                    case 2 -> assertThat(ours.nextDouble()).isEqualTo(theirs.nextDouble());
                    default -> assertThat(ours.nextBoolean()).isEqualTo(theirs.nextBoolean());
                }
            }
        }
    }

    @Test
    void seededDrawsWhatRandomSourceCreatesFromTheSameLong() {
        for (long seed : new long[] {20230601L, 0L, -1L, 42L, Long.MIN_VALUE}) {
            UniformRandomProvider ours = PhiloxStream.seeded(seed);
            UniformRandomProvider theirs = org.apache.commons.rng.simple.RandomSource.PHILOX_4X64.create(seed);
            for (int i = 0; i < 10_000; i++) {
                assertThat(ours.nextLong()).as("seed %d, draw %d", seed, i).isEqualTo(theirs.nextLong());
            }
        }
    }

    @Test
    void unsignedHighProductMatchesBigIntegerArithmetic() {
        SplittableRandom r = new SplittableRandom(7);
        java.math.BigInteger mask = java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE);
        for (int i = 0; i < 10_000; i++) {
            long a = i == 0 ? -1 : r.nextLong();
            long b = i == 0 ? -1 : r.nextLong();
            long expected = new java.math.BigInteger(Long.toUnsignedString(a)).multiply(new java.math.BigInteger(Long.toUnsignedString(b)))
                    .shiftRight(64).and(mask).longValue();
            assertThat(PhiloxStream.unsignedMultiplyHigh(a, b)).isEqualTo(expected);
        }
    }
}
