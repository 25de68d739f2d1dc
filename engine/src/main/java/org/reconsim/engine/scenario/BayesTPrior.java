package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;

/**
 * The conjugate normal-inverse-gamma prior of the {@code bayes-t} analysis (scenario section
 * {@code analysis.bayes_t}), for the regression {@code value ~ baseline + arm} with residual
 * variance {@code sigma^2}:
 * <pre>
 *   effect | sigma^2           ~ N(effect_mean, effect_sd_per_sigma^2 sigma^2)   (flat when effect_sd_per_sigma = 0)
 *   intercept, baseline slope  flat
 *   p(sigma^2)                 proportional to (sigma^2)^-(a0 + 1) exp(-b0 / sigma^2),  a0 = sigma_shape, b0 = sigma_scale
 * </pre>
 * The effect's prior SD is a multiple of {@code sigma} because the normal-inverse-gamma family
 * scales the coefficients' prior covariance by {@code sigma^2} (that is what keeps the posterior
 * in closed form), and because a standardized effect means the same at every endpoint; the mean
 * and {@code b0} are in the endpoint's own units (squared for {@code b0}), and one prior serves
 * every endpoint and visit. All zero is the reference prior {@code p(beta, sigma^2) ~ 1 / sigma^2}
 * (Gelman et al. 2013, BDA3 section 14.2), under which the effect's posterior is the ANCOVA t.
 * The numerics and the posterior are in {@code results.stats.NormalInverseGammaRegression}.
 */
public record BayesTPrior(
        @Spec(doc = "Prior mean of the treatment effect (treatment minus control), in the endpoint's units, at every endpoint",
                source = "[assumption] centred on no effect") double effectMean,
        @Spec(doc = "Prior SD of the treatment effect in units of the residual SD sigma of value ~ baseline + arm: "
                + "effect given sigma^2 ~ N(effect_mean, (effect_sd_per_sigma sigma)^2); 0: flat", unit = "sigma", min = 0,
                source = "[assumption] flat: with sigma_shape = sigma_scale = 0 the reference prior, whose 95% credible interval "
                        + "is the ANCOVA t interval (Gelman 2013, BDA3 14.2)") double effectSdPerSigma,
        @Spec(doc = "Shape a0 of the inverse-gamma prior of sigma^2, p(sigma^2) ~ (sigma^2)^-(a0+1) exp(-b0/sigma^2); "
                + "a0 = b0 = 0: p(sigma^2) ~ 1/sigma^2", min = 0, source = "[assumption] reference prior (BDA3 14.2)")
        double sigmaShape,
        @Spec(doc = "Scale b0 of the inverse-gamma prior of sigma^2, in the endpoint's units squared", min = 0,
                source = "[assumption] reference prior (BDA3 14.2)") double sigmaScale) {

    /** The reference prior: flat effect, {@code p(sigma^2) ~ 1 / sigma^2}. */
    public static BayesTPrior defaults() {
        return new BayesTPrior(0, 0, 0, 0);
    }
}
