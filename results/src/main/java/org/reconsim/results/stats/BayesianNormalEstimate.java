package org.reconsim.results.stats;

import org.reconsim.models.population.StandardNormal;

/**
 * Posterior of a treatment effect {@code delta} from a normal prior and a normal likelihood
 * (the conjugate normal-normal model): the data enter only through an estimate of the effect
 * and its standard error, for example the arm effect of a {@link RandomInterceptFit} or an
 * {@link Ancova}.
 * <pre>
 *   prior       delta ~ N(m0, s0^2)
 *   likelihood  estimate | delta ~ N(delta, se^2)
 *   posterior   delta | estimate ~ N(m1, s1^2),
 *               1 / s1^2 = 1 / s0^2 + 1 / se^2
 *               m1 = s1^2 (m0 / s0^2 + estimate / se^2)
 *   95% credible interval  m1 -/+ z s1,  z = Phi^-1(0.975) ({@link StandardNormal#Z_975})
 * </pre>
 * A flat prior ({@code s0 = infinity}) gives back the estimate and its standard error.
 *
 * <p>Why this summary: the published ketamine trials report their Bayesian estimates as a
 * posterior mean group difference, its posterior SD and a 95% interval (Duek et al.,
 * Biological Psychiatry 2021, S298: amygdala -31.78, SD 10.54, [-52.57, -11.48]; Duek et al.,
 * Neuropsychopharmacology 2023;48:1648: amygdala -0.33, sd 0.13, 95% HDI [-0.56, -0.04]).
 * {@link NormalPosterior} holds the same three numbers, so simulated trials can be judged by
 * the published criterion (an interval excluding 0). For a normal posterior the central
 * interval is also the highest-density interval. The trials fitted full hierarchical models
 * by MCMC, whose intervals need not be symmetric; this is the normal approximation.
 *
 * <p>Immutable; the prior is set with the {@code with...} methods.
 */
public final class BayesianNormalEstimate {

    private static final BayesianNormalEstimate FLAT = new BayesianNormalEstimate(0, Double.POSITIVE_INFINITY);

    private final double priorMean;
    private final double priorSd;

    private BayesianNormalEstimate(double priorMean, double priorSd) {
        if (!Double.isFinite(priorMean)) {
            throw new IllegalArgumentException("prior mean " + priorMean + " is not finite");
        }
        if (!(priorSd > 0)) {
            throw new IllegalArgumentException("prior sd " + priorSd + " is not positive");
        }
        this.priorMean = priorMean;
        this.priorSd = priorSd;
    }

    /** The flat (improper) prior, {@code s0 = infinity}: the posterior is the likelihood. */
    public static BayesianNormalEstimate withFlatPrior() {
        return FLAT;
    }

    /**
     * Normal prior {@code N(mean, sd^2)} on the effect (treatment minus control).
     *
     * @throws IllegalArgumentException unless {@code mean} is finite and {@code sd > 0}
     *         ({@code sd} may be infinite: the flat prior)
     */
    public static BayesianNormalEstimate withPrior(double mean, double sd) {
        return new BayesianNormalEstimate(mean, sd);
    }

    /** The same prior SD with another mean. */
    public BayesianNormalEstimate withPriorMean(double mean) {
        return new BayesianNormalEstimate(mean, priorSd);
    }

    /** The same prior mean with another SD. */
    public BayesianNormalEstimate withPriorSd(double sd) {
        return new BayesianNormalEstimate(priorMean, sd);
    }

    /** Prior mean {@code m0}. */
    public double priorMean() {
        return priorMean;
    }

    /** Prior standard deviation {@code s0}; infinite for the flat prior. */
    public double priorSd() {
        return priorSd;
    }

    /**
     * Posterior of the effect given an estimate and its standard error.
     *
     * @return the posterior; {@link NormalPosterior#undefined()} when {@code estimate} or
     *         {@code stdError} is {@code NaN} (an analysis the data could not support)
     * @throws IllegalArgumentException if {@code stdError} is not positive and finite, or
     *         {@code estimate} is infinite
     */
    public NormalPosterior posterior(double estimate, double stdError) {
        if (Double.isNaN(estimate) || Double.isNaN(stdError)) {
            return NormalPosterior.undefined();
        }
        if (!(stdError > 0 && stdError < Double.POSITIVE_INFINITY) || Double.isInfinite(estimate)) {
            throw new IllegalArgumentException("estimate " + estimate + " with standard error " + stdError);
        }
        // Written with the variance ratio r = se^2 / s0^2 (0 for the flat prior) so that an
        // infinite prior SD needs no special case:
        //   m1 = (estimate + r m0) / (1 + r),  s1^2 = se^2 / (1 + r)
        double ratio = (stdError / priorSd) * (stdError / priorSd);
        double mean = (estimate + ratio * priorMean) / (1 + ratio);
        double sd = stdError / Math.sqrt(1 + ratio);
        return new NormalPosterior(mean, sd, mean - StandardNormal.Z_975 * sd, mean + StandardNormal.Z_975 * sd);
    }

    /** Posterior given a test's estimate and standard error; undefined for an undefined test. */
    public NormalPosterior posterior(TestResult result) {
        return posterior(result.estimate(), result.stdError());
    }

    @Override
    public String toString() {
        return "BayesianNormalEstimate[prior N(" + priorMean + ", " + priorSd + "^2)]";
    }
}
