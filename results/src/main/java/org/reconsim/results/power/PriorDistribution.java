package org.reconsim.results.power;

import java.io.Serializable;
import java.util.List;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.numbers.gamma.Erfc;
import org.reconsim.models.population.TruncatedNormal;

/**
 * One field's prior under assurance, sampled by inversion ({@link #quantile}) so that one
 * uniform gives one value (a trial's draw does not depend on the other fields' priors, and a
 * Gaussian copula can correlate fields through their uniforms, {@link AssurancePrior}).
 * {@link #lowest()} and {@link #highest()} are the extreme values a draw can take, which the
 * scenario is checked to accept before any trial runs.
 */
public sealed interface PriorDistribution extends Serializable {

    /** The value at cumulative probability {@code u} in [0, 1); for {@link Discrete} the index of the category. */
    double quantile(double u);

    /**
     * The prior's density at {@code x} (0 outside its support), normalized over the truncation
     * bounds: the importance weights of ABC-SMC (results.inference.AbcSmc) need it. For
     * {@link Discrete} the probability of category {@code x} (an index), 0 between indices.
     */
    double density(double x);

    /** The smallest value a draw can take. */
    default double lowest() {
        return quantile(0);
    }

    /** The largest value a draw can take. */
    default double highest() {
        return quantile(1);
    }

    /**
     * The values a scenario is checked to accept before any trial runs: the extremes and a value
     * inside that is not a whole number (a whole-number field takes a discrete prior); for
     * {@link Discrete} the index of every category.
     */
    default List<Double> probes() {
        return List.of(lowest(), highest(), quantile(1 / Math.PI));
    }

    /** uniform(lo, hi). */
    record Uniform(double lo, double hi) implements PriorDistribution {
        @Override
        public double quantile(double u) {
            return lo + u * (hi - lo);
        }

        @Override
        public double density(double x) {
            return x >= lo && x <= hi ? 1 / (hi - lo) : 0;
        }

        @Override
        public double highest() {
            return hi;
        }
    }

    /** normal(mean, sd) truncated to [lo, hi]. */
    record Normal(double mean, double sd, double lo, double hi) implements PriorDistribution {
        @Override
        public double quantile(double u) {
            return new TruncatedNormal(mean, sd, lo, hi).quantile(u);
        }

        @Override
        public double density(double x) {
            if (!(x >= lo && x <= hi)) {
                return 0;
            }
            return phi((x - mean) / sd) / sd / (cdf((hi - mean) / sd) - cdf((lo - mean) / sd));
        }

        @Override
        public double lowest() {
            return lo;
        }

        @Override
        public double highest() {
            return hi;
        }
    }

    /** exp of normal(meanlog, sdlog), truncated to [lo, hi] (0 and infinity when not given). */
    record LogNormal(double meanlog, double sdlog, double lo, double hi) implements PriorDistribution {
        @Override
        public double quantile(double u) {
            double logLo = lo > 0 ? Math.log(lo) : Double.NEGATIVE_INFINITY;
            double logHi = Double.isInfinite(hi) ? Double.POSITIVE_INFINITY : Math.log(hi);
            return Math.max(lo, Math.min(hi, Math.exp(new TruncatedNormal(meanlog, sdlog, logLo, logHi).quantile(u))));
        }

        @Override
        public double density(double x) {
            if (!(x > 0 && x >= lo && x <= hi)) {
                return 0;
            }
            double mass = cdf((Math.log(hi) - meanlog) / sdlog) - (lo > 0 ? cdf((Math.log(lo) - meanlog) / sdlog) : 0);
            return phi((Math.log(x) - meanlog) / sdlog) / (sdlog * x) / mass;
        }
    }

    /** log-uniform on [lo, hi], 0 < lo: uniform in log(value). */
    record LogUniform(double lo, double hi) implements PriorDistribution {
        @Override
        public double quantile(double u) {
            return Math.min(hi, lo * Math.exp(u * Math.log(hi / lo)));
        }

        @Override
        public double density(double x) {
            return x >= lo && x <= hi ? 1 / (x * Math.log(hi / lo)) : 0;
        }

        @Override
        public double highest() {
            return hi;
        }
    }

    /** beta(a, b) scaled to [lo, hi] (0 and 1 when not given). */
    record Beta(double a, double b, double lo, double hi) implements PriorDistribution {
        @Override
        public double quantile(double u) {
            // commons-math's inversion, accurate to 1e-9 on [0, 1]: far below any Monte Carlo error
            double x = new BetaDistribution(null, a, b, 1e-12).inverseCumulativeProbability(u);
            return lo + x * (hi - lo);
        }

        @Override
        public double density(double x) {
            if (!(x >= lo && x <= hi)) {
                return 0;
            }
            return new BetaDistribution(null, a, b, 1e-12).density((x - lo) / (hi - lo)) / (hi - lo);
        }
    }

    /**
     * A discrete prior over values written as text: numbers for a numeric field, or for
     * {@code mechanisms.active} sets of mechanism labels joined by '+', {@code null} for the
     * null hypothesis (no mechanism). Category k is drawn when u falls in its share of the
     * cumulative probabilities, in the order given.
     */
    record Discrete(List<String> values, List<Double> probabilities) implements PriorDistribution {

        public Discrete {
            values = List.copyOf(values);
            probabilities = List.copyOf(probabilities);
        }

        @Override
        public double quantile(double u) {
            double cumulative = 0;
            for (int k = 0; k < probabilities.size() - 1; k++) {
                cumulative += probabilities.get(k);
                if (u < cumulative) {
                    return k;
                }
            }
            return probabilities.size() - 1;
        }

        @Override
        public double lowest() {
            return 0;
        }

        @Override
        public double highest() {
            return values.size() - 1;
        }

        @Override
        public double density(double x) {
            int k = (int) x;
            return k == x && k >= 0 && k < probabilities.size() ? probabilities.get(k) : 0;
        }

        @Override
        public List<Double> probes() {
            return java.util.stream.IntStream.range(0, values.size()).mapToObj(k -> (double) k).toList();
        }

        /** Category {@code k} as written. */
        public String value(int k) {
            return values.get(k);
        }
    }

    /** The standard normal density. */
    private static double phi(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    /** The standard normal distribution function (1 at +infinity, 0 at -infinity). */
    private static double cdf(double z) {
        return 0.5 * Erfc.value(-z / Math.sqrt(2));
    }
}
