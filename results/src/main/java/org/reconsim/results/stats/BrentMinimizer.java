package org.reconsim.results.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent's (1973) minimizer of a function of one variable on an interval: golden-section
 * search safeguarding successive parabolic interpolation, as netlib's {@code fmin} and R's
 * {@code optimize}. It never evaluates the function at the ends of the interval, and it
 * allocates nothing, so it can run inside per-replicate analyses.
 */
final class BrentMinimizer {

    /** {@code (3 - sqrt(5)) / 2}: the golden-section step. */
    private static final double GOLDEN = 0.5 * (3 - Math.sqrt(5));

    /** Relative precision of the abscissa: the square root of the machine epsilon, as fmin. */
    private static final double RELATIVE_TOLERANCE = Math.sqrt(Math.ulp(1.0));

    /** Safety net; the interval shrinks geometrically, so Brent stops long before this. */
    private static final int MAX_EVALUATIONS = 500;

    private BrentMinimizer() {
    }

    /**
     * An abscissa of a local minimum of {@code f} on {@code (low, high)}, located to within
     * {@code 2 * (sqrt(eps) * |x| + tolerance / 3)}. Function values may be
     * {@code +Infinity} where {@code f} is undefined: such points are never accepted.
     */
    static double minimize(DoubleUnaryOperator f, double low, double high, double tolerance) {
        double a = low;
        double b = high;
        double x = a + GOLDEN * (b - a);
        double w = x;
        double v = x;
        double fx = f.applyAsDouble(x);
        double fw = fx;
        double fv = fx;
        double d = 0;
        double e = 0;
        for (int evaluations = 1; evaluations < MAX_EVALUATIONS; evaluations++) {
            double middle = 0.5 * (a + b);
            double tol1 = RELATIVE_TOLERANCE * Math.abs(x) + tolerance / 3;
            double tol2 = 2 * tol1;
            if (Math.abs(x - middle) <= tol2 - 0.5 * (b - a)) {
                break;
            }
            boolean golden = true;
            if (Math.abs(e) > tol1) {
                // Parabola through (v, fv), (w, fw), (x, fx).
                double r = (x - w) * (fx - fv);
                double q = (x - v) * (fx - fw);
                double p = (x - v) * q - (x - w) * r;
                q = 2 * (q - r);
                if (q > 0) {
                    p = -p;
                } else {
                    q = -q;
                }
                double previousStep = e;
                e = d;
                if (Math.abs(p) < Math.abs(0.5 * q * previousStep) && p > q * (a - x) && p < q * (b - x)) {
                    d = p / q;
                    double u = x + d;
                    if (u - a < tol2 || b - u < tol2) {
                        d = middle >= x ? tol1 : -tol1;
                    }
                    golden = false;
                }
            }
            if (golden) {
                e = x >= middle ? a - x : b - x;
                d = GOLDEN * e;
            }
            double u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
            double fu = f.applyAsDouble(u);
            if (fu <= fx) {
                if (u >= x) {
                    a = x;
                } else {
                    b = x;
                }
                v = w;
                fv = fw;
                w = x;
                fw = fx;
                x = u;
                fx = fu;
            } else {
                if (u < x) {
                    a = u;
                } else {
                    b = u;
                }
                if (fu <= fw || w == x) {
                    v = w;
                    fv = fw;
                    w = u;
                    fw = fu;
                } else if (fu <= fv || v == x || v == w) {
                    v = u;
                    fv = fu;
                }
            }
        }
        return x;
    }
}
