package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;

/**
 * The settings of the imputation analyses {@code mi}, {@code mi-j2r} and {@code mi-cr} (multiple
 * imputation, Rubin's rules) and {@code cmi}, {@code cmi-j2r}, {@code cmi-cr} (conditional mean
 * imputation, jackknife; they use only {@code delta})
 * (scenario section {@code analysis.imputation}; the numerics are
 * {@code results.stats.MonotoneImputation} and {@code results.stats.RubinsRules}, the estimands
 * docs/POWER.md, "Estimands: multiple imputation, reference-based imputation and tipping points").
 *
 * <p>{@code delta} is the departure from the imputation model for a tipping-point analysis: it
 * is added to every imputed value of the treatment arm after imputation (as R's rbmi applies
 * its {@code delta}, not carried into later visits' imputations), so a positive delta makes
 * treated dropouts do worse than the model predicts on an endpoint where lower is better. One
 * delta serves every endpoint, in each endpoint's own units: sweep it for the endpoint a
 * tipping point is wanted for ({@code reconsim power S --sweep analysis.imputation.delta=0:5:1}).
 *
 * @param m      imputations per analysis
 * @param delta  added to the treatment arm's imputed values, in the endpoint's units
 * @param seed   mixed into the imputation seed each dataset derives from its own values
 */
public record Imputation(
        @Spec(doc = "Imputations M per endpoint of every virtual trial (mi, mi-j2r, mi-cr; the cmi methods draw nothing)", min = 2, max = 10000,
                source = "[assumption] 20: relative efficiency (1 + fmi / M)^-1 above 99% at the 18% dropout of "
                        + "therapy.dropout (Rubin 1987 p.114), and M >= 100 fmi (White, Royston & Wood 2011); Graham, "
                        + "Olchowski & Gilreath 2007 find under 1% power lost at M = 20 for fmi up to 0.3") int m,
        @Spec(doc = "Delta adjustment: added to every imputed value of the treatment arm, in the endpoint's units, after "
                + "imputation (0: the imputation model as is; sweep it for a tipping point)", min = -1e6, max = 1e6,
                source = "[assumption] 0: no departure from the imputation model") double delta,
        @Spec(doc = "Mixed into the seed each dataset's imputations derive from its own values: change it to see the "
                + "Monte Carlo error of the imputation", min = 0, source = "[assumption] 0") long seed) {

    public static Imputation defaults() {
        return new Imputation(20, 0, 0);
    }
}
