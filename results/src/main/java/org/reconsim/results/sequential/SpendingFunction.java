package org.reconsim.results.sequential;

/**
 * A family of error-spending functions (Lan &amp; DeMets 1983): the cumulative share
 * {@code f(level, t)} of an error rate {@code level} spent by information fraction
 * {@code t}, increasing from {@code f(level, 0) = 0} to {@code f(level, 1) = level}. The same
 * families spend the type I error {@code alpha} at the efficacy bounds and the type II error
 * {@code beta} at the futility bounds (rpact's {@code "as..."} and {@code "bs..."} types).
 *
 * <p>A design of two-sided level {@code alpha} spends {@code f(alpha / 2, t)} on each side,
 * {@code 2 f(alpha / 2, t)} in all, as rpact's {@code sided = 2} does. For the Pocock and
 * Hwang-Shih-DeCani families, which are proportional to the level, that is
 * {@code f(alpha, t)}; for the O'Brien-Fleming type it is not the two-sided formula of Lan
 * &amp; DeMets (1983), {@code 2 - 2 Phi(z_{1-alpha/2} / sqrt t)}, but twice its one-sided
 * version at {@code alpha / 2}.
 */
public sealed interface SpendingFunction
        permits SpendingFunction.OBrienFleming, SpendingFunction.Pocock, SpendingFunction.HwangShihDeCani {

    /**
     * The cumulative error spent by information fraction {@code t}.
     *
     * @param level the total error rate to spend, in {@code (0, 1)}
     * @param t     the information fraction, in {@code [0, 1]}
     * @throws IllegalArgumentException if {@code level} or {@code t} is outside its range
     */
    double cumulative(double level, double t);

    /** rpact's name of the family as an alpha-spending function: asOF, asP or asHSD. */
    String rpactName();

    /**
     * Lan-DeMets O'Brien-Fleming type, one-sided:
     * {@code f(a, t) = 2 - 2 Phi(z_{1-a/2} / sqrt t)} (rpact's asOF, bsOF), which spends
     * almost nothing early: at {@code t = 0.25}, {@code a = 0.025} it has spent {@code 7.4e-6}.
     */
    static SpendingFunction obrienFleming() {
        return new OBrienFleming();
    }

    /**
     * Lan-DeMets Pocock type: {@code f(a, t) = a ln(1 + (e - 1) t)} (rpact's asP, bsP), which
     * gives roughly constant bounds at equally spaced looks.
     */
    static SpendingFunction pocock() {
        return new Pocock();
    }

    /**
     * Hwang, Shih &amp; DeCani (1990):
     * {@code f(a, t) = a (1 - e^{-gamma t}) / (1 - e^{-gamma})} for {@code gamma != 0} and
     * {@code a t} for {@code gamma = 0} (rpact's asHSD, bsHSD). {@code gamma = -4} is close to
     * the O'Brien-Fleming type, {@code gamma = 1} to the Pocock type.
     *
     * @throws IllegalArgumentException if {@code gamma} is not finite
     */
    static SpendingFunction hwangShihDeCani(double gamma) {
        return new HwangShihDeCani(gamma);
    }

    private static void check(double level, double t) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("error rate to spend " + level + " outside (0, 1)");
        }
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("information fraction " + t + " outside [0, 1]");
        }
    }

    /** See {@link #obrienFleming()}. */
    record OBrienFleming() implements SpendingFunction {

        /**
         * {@code 2 (1 - Phi(x)) = erfc(x / sqrt 2)} and {@code z_{1-a/2} = sqrt(2) erfc^-1(a)},
         * so {@code f(a, t) = erfc(erfc^-1(a) / sqrt t)}, accurate in the far tail.
         */
        @Override
        public double cumulative(double level, double t) {
            check(level, t);
            if (t == 0) {
                return 0;
            }
            return 2 * StandardNormal.upperTail(StandardNormal.upperQuantile(level / 2) / Math.sqrt(t));
        }

        @Override
        public String rpactName() {
            return "asOF";
        }
    }

    /** See {@link #pocock()}. */
    record Pocock() implements SpendingFunction {

        @Override
        public double cumulative(double level, double t) {
            check(level, t);
            return level * Math.log1p((Math.E - 1) * t);
        }

        @Override
        public String rpactName() {
            return "asP";
        }
    }

    /** See {@link #hwangShihDeCani(double)}. */
    record HwangShihDeCani(double gamma) implements SpendingFunction {

        public HwangShihDeCani {
            if (!Double.isFinite(gamma)) {
                throw new IllegalArgumentException("Hwang-Shih-DeCani gamma must be finite, not " + gamma);
            }
        }

        /** {@code expm1} keeps the ratio exact for {@code |gamma|} near 0. */
        @Override
        public double cumulative(double level, double t) {
            check(level, t);
            if (gamma == 0) {
                return level * t;
            }
            return level * Math.expm1(-gamma * t) / Math.expm1(-gamma);
        }

        @Override
        public String rpactName() {
            return "asHSD";
        }
    }
}
