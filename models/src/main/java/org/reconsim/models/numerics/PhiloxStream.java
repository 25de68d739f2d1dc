package org.reconsim.models.numerics;

import org.apache.commons.rng.core.source64.LongProvider;

/**
 * Philox-4x64-10 (Salmon et al. 2011), producing exactly the sequence of commons-rng's
 * {@code Philox4x64} for the same 6-long seed (a test compares them draw by draw): the same
 * constants, round function, counter increment before each block and output order; the
 * 32-bit, boolean and double draws come from the same {@link LongProvider} code.
 *
 * <p>Why our own: commons-rng 1.7 reaches the 64x64->128-bit multiply through a
 * {@code MethodHandle} (to use {@code Math.unsignedMultiplyHigh} where Java 18+ has it). On
 * Java 17 that call is not inlined, and profiles of a virtual trial put half its time in the
 * handle's type checks. Here the unsigned high product is {@code Math.multiplyHigh} (an
 * intrinsic on Java 17) plus the standard sign correction, and the block lives in fields, not
 * an array.
 */
public final class PhiloxStream extends LongProvider {

    private static final long M0 = 0xD2E7470EE14C6C93L;
    private static final long M1 = 0xCA5A826395121157L;
    private static final long W0 = 0x9E3779B97F4A7C15L;
    private static final long W1 = 0xBB67AE8584CAA73BL;

    private final long key0;
    private final long key1;
    private long counter0;
    private long counter1;
    private long counter2;
    private long counter3;
    private long out0;
    private long out1;
    private long out2;
    private long out3;
    /** Next output in the block, 4 = block used up. */
    private int position = 4;

    /** As {@code new Philox4x64(new long[] {key0, key1, counter0, counter1, counter2, counter3})}. */
    public PhiloxStream(long key0, long key1, long counter0, long counter1, long counter2, long counter3) {
        this.key0 = key0;
        this.key1 = key1;
        this.counter0 = counter0;
        this.counter1 = counter1;
        this.counter2 = counter2;
        this.counter3 = counter3;
    }

    /**
     * The generator {@code RandomSource.PHILOX_4X64.create(seed)} makes: its six seed words are
     * commons-rng's expansion of a long, SplitMix64 ({@code v += 0x9E3779B97F4A7C15}, Stafford's
     * mix 13), as PhiloxStreamTest checks draw for draw. For fixed-seed computations such as the
     * connectivity window variance, which drew 2.4 million deviates through commons-rng's slow
     * multiply at every start of the JVM.
     */
    public static PhiloxStream seeded(long seed) {
        long[] s = new long[6];
        long v = seed;
        for (int i = 0; i < s.length; i++) {
            v += 0x9E3779B97F4A7C15L;
            long z = v;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            s[i] = z ^ (z >>> 31);
        }
        return new PhiloxStream(s[0], s[1], s[2], s[3], s[4], s[5]);
    }

    @Override
    public long next() {
        switch (position) {
            case 0:
                position = 1;
                return out0;
            case 1:
                position = 2;
                return out1;
            case 2:
                position = 3;
                return out2;
            case 3:
                position = 4;
                return out3;
            default:
                increment();
                block();
                position = 1;
                return out0;
        }
    }

    private void increment() {
        if (++counter0 != 0) {
            return;
        }
        if (++counter1 != 0) {
            return;
        }
        if (++counter2 != 0) {
            return;
        }
        counter3++;
    }

    /** The 10 rounds on the counter; the result becomes the output block. */
    private void block() {
        long c0 = counter0;
        long c1 = counter1;
        long c2 = counter2;
        long c3 = counter3;
        long k0 = key0;
        long k1 = key1;
        for (int round = 0; round < 10; round++) {
            long lo0 = M0 * c0;
            long hi0 = unsignedMultiplyHigh(M0, c0);
            long lo1 = M1 * c2;
            long hi1 = unsignedMultiplyHigh(M1, c2);
            c0 = hi1 ^ c1 ^ k0;
            c1 = lo1;
            c2 = hi0 ^ c3 ^ k1;
            c3 = lo0;
            k0 += W0;
            k1 += W1;
        }
        out0 = c0;
        out1 = c1;
        out2 = c2;
        out3 = c3;
    }

    /** High 64 bits of the unsigned 128-bit product (Hacker's Delight 8-3). */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
