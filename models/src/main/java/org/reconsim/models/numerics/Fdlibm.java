package org.reconsim.models.numerics;

/**
 * {@code log1p} and {@code expm1} in Java, returning exactly what {@link StrictMath#log1p} and
 * {@link StrictMath#expm1} (and so {@link Math#log1p}, {@link Math#expm1}) return on Java 17:
 * the same fdlibm 5.3 algorithms ({@code s_log1p.c}, {@code s_expm1.c}; Sun Microsystems 1993),
 * transcribed operation for operation with the same constants, so every result is the same double.
 *
 * <p>Why: on Java 17 both are JNI calls into the JVM's C fdlibm, not intrinsics (Java 21 moved them
 * to Java the same way, JDK-8301202 and JDK-8301833). A JFR profile of a power run put 8% of its
 * samples in {@code Math.log1p} (the upper tail of every normal deviate, {@link
 * org.reconsim.models.population.StandardNormal}) and 2.5% in {@code Math.expm1} (the concentration
 * during an infusion), most of it the native transition. FdlibmTest compares both with
 * {@code StrictMath} bit for bit on millions of arguments.
 *
 * <p>The fdlibm notice: Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 * Developed at SunSoft, a Sun Microsystems, Inc. business. Permission to use, copy, modify, and
 * distribute this software is freely granted, provided that this notice is preserved.
 */
public final class Fdlibm {

    private static final double TWO54 = 0x1.0p54;
    private static final double LN2_HI = 0x1.62e42feep-1;
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;

    // s_log1p.c: Lp1..Lp7
    private static final double LP1 = 0x1.5555555555593p-1;
    private static final double LP2 = 0x1.999999997fa04p-2;
    private static final double LP3 = 0x1.2492494229359p-2;
    private static final double LP4 = 0x1.c71c51d8e78afp-3;
    private static final double LP5 = 0x1.7466496cb03dep-3;
    private static final double LP6 = 0x1.39a09d078c69fp-3;
    private static final double LP7 = 0x1.2f112df3e5244p-3;

    // s_expm1.c
    private static final double HUGE = 1.0e+300;
    private static final double TINY = 1.0e-300;
    private static final double O_THRESHOLD = 0x1.62e42fefa39efp9;
    private static final double INV_LN2 = 0x1.71547652b82fep0;
    private static final double Q1 = -0x1.11111111110f4p-5;
    private static final double Q2 = 0x1.a01a019fe5585p-10;
    private static final double Q3 = -0x1.4ce199eaadbb7p-14;
    private static final double Q4 = 0x1.0cfca86e65239p-18;
    private static final double Q5 = -0x1.afdb76e09c32dp-23;

    private Fdlibm() {
    }

    /** log(1 + x), as {@link StrictMath#log1p}: fdlibm's reduction to f in [sqrt(2)/2 - 1, sqrt(2) - 1] and its minimax series. */
    public static double log1p(double x) {
        double hfsq;
        double f = 0;
        double c = 0;
        double s;
        double z;
        double r;
        double u;
        int k;
        int hx = hi(x);
        int hu = 0;
        int ax = hx & 0x7fffffff;

        k = 1;
        if (hx < 0x3FDA827A) { // x < 0.41422
            if (ax >= 0x3ff00000) { // x <= -1.0
                // fdlibm's own NaN, (x - x) / (x - x): the same bits as StrictMath's
                return x == -1.0 ? Double.NEGATIVE_INFINITY : (x - x) / (x - x);
            }
            if (ax < 0x3e200000) { // |x| < 2**-29
                if (TWO54 + x > 0.0 && ax < 0x3c900000) { // |x| < 2**-54
                    return x;
                }
                return x - x * x * 0.5;
            }
            if (hx > 0 || hx <= 0xbfd2bec3) { // -0.2929 < x < 0.41422
                k = 0;
                f = x;
                hu = 1;
            }
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        if (k != 0) {
            if (hx < 0x43400000) {
                u = 1.0 + x;
                hu = hi(u);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction term
                c /= u;
            } else {
                u = x;
                hu = hi(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            if (hu < 0x6a09e) {
                u = withHi(u, hu | 0x3ff00000); // normalize u
            } else {
                k += 1;
                u = withHi(u, hu | 0x3fe00000); // normalize u/2
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        hfsq = 0.5 * f * f;
        if (hu == 0) { // |f| < 2**-20
            if (f == 0.0) {
                if (k == 0) {
                    return 0.0;
                }
                c += k * LN2_LO;
                return k * LN2_HI + c;
            }
            r = hfsq * (1.0 - 0.66666666666666666 * f);
            if (k == 0) {
                return f - r;
            }
            return k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
        }
        s = f / (2.0 + f);
        z = s * s;
        r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
        if (k == 0) {
            return f - (hfsq - s * (hfsq + r));
        }
        return k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
    }

    /** exp(x) - 1, as {@link StrictMath#expm1}: fdlibm's reduction x = k ln2 + r and its rational approximation of expm1(r). */
    public static double expm1(double x) {
        double y;
        double hi;
        double lo;
        double c = 0;
        double t;
        double e;
        double hxs;
        double hfx;
        double r1;
        int k;
        int hx = hi(x);
        int xsb = hx & 0x80000000; // sign bit of x
        hx &= 0x7fffffff; // high word of |x|

        // filter out huge and non-finite argument
        if (hx >= 0x4043687A) { // |x| >= 56 ln2
            if (hx >= 0x40862E42) { // |x| >= 709.78...
                if (hx >= 0x7ff00000) {
                    if (((hx & 0xfffff) | lo(x)) != 0) {
                        return x + x; // NaN
                    }
                    return xsb == 0 ? x : -1.0; // exp(+-inf) = {inf, -1}
                }
                if (x > O_THRESHOLD) {
                    return HUGE * HUGE; // overflow
                }
            }
            if (xsb != 0 && x + TINY < 0.0) { // x < -56 ln2: -1 with inexact
                return TINY - 1.0;
            }
        }

        // argument reduction
        if (hx > 0x3fd62e42) { // |x| > 0.5 ln2
            if (hx < 0x3FF0A2B2) { // and |x| < 1.5 ln2
                if (xsb == 0) {
                    hi = x - LN2_HI;
                    lo = LN2_LO;
                    k = 1;
                } else {
                    hi = x + LN2_HI;
                    lo = -LN2_LO;
                    k = -1;
                }
            } else {
                k = (int) (INV_LN2 * x + (xsb == 0 ? 0.5 : -0.5));
                t = k;
                hi = x - t * LN2_HI; // t * LN2_HI is exact here
                lo = t * LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (hx < 0x3c900000) { // |x| < 2**-54: x
            t = HUGE + x;
            return x - (t - (HUGE + x));
        } else {
            k = 0;
        }

        // x is now in the primary range
        hfx = 0.5 * x;
        hxs = x * hfx;
        r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        t = 3.0 - r1 * hfx;
        e = hxs * ((r1 - t) / (6.0 - x * t));
        if (k == 0) {
            return x - (x * e - hxs); // c is 0
        }
        e = x * (e - c) - c;
        e -= hxs;
        if (k == -1) {
            return 0.5 * (x - e) - 0.5;
        }
        if (k == 1) {
            if (x < -0.25) {
                return -2.0 * (e - (x + 0.5));
            }
            return 1.0 + 2.0 * (x - e);
        }
        if (k <= -2 || k > 56) { // exp(x) - 1 suffices
            y = 1.0 - (e - x);
            y = withHi(y, hi(y) + (k << 20)); // add k to y's exponent
            return y - 1.0;
        }
        t = 1.0;
        if (k < 20) {
            t = withHi(t, 0x3ff00000 - (0x200000 >> k)); // t = 1 - 2^-k
            y = t - (e - x);
            y = withHi(y, hi(y) + (k << 20));
        } else {
            t = withHi(t, (0x3ff - k) << 20); // 2^-k
            y = x - (e + t);
            y += 1.0;
            y = withHi(y, hi(y) + (k << 20));
        }
        return y;
    }

    private static int hi(double x) {
        return (int) (Double.doubleToRawLongBits(x) >> 32);
    }

    private static int lo(double x) {
        return (int) Double.doubleToRawLongBits(x);
    }

    private static double withHi(double x, int high) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(x) & 0xFFFFFFFFL) | ((long) high << 32));
    }
}
