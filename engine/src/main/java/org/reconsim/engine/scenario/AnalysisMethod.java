package org.reconsim.engine.scenario;

import java.util.List;
import java.util.Objects;

import org.reconsim.models.spec.Member;

/**
 * The name of one analysis run on every virtual trial, as scenario files write it in
 * {@code analysis.methods}. Only the name lives here, below the statistics: the scenario binder,
 * the schema and the defaults need the registered names, while the analysis itself (which needs
 * the numerics of the results module) is registered with it there, by
 * {@code org.reconsim.results.analysis.AnalysisProvider}, an {@link AnalysisMethodProvider}.
 *
 * @param label  kebab-case name in files, e.g. {@code ancova}
 * @param doc    what the analysis estimates and tests, in the domain's words
 */
public record AnalysisMethod(String label, String doc) implements Member {

    /** {@code value_at_visit ~ baseline + arm}. */
    public static final AnalysisMethod ANCOVA = new AnalysisMethod("ancova", "value ~ baseline + arm");
    /** {@code value ~ arm * visit + (1 | subject)}, REML, Satterthwaite df. */
    public static final AnalysisMethod LMM = new AnalysisMethod("lmm",
            "value ~ arm * visit + (1 | subject), REML, Satterthwaite");
    /** Welch's t test of the change from baseline. */
    public static final AnalysisMethod WELCH = new AnalysisMethod("welch", "change from baseline, Welch t test");
    /** Normal posterior of the ANCOVA estimate under the prior analysis.prior_mean, analysis.prior_sd. */
    public static final AnalysisMethod BAYES = new AnalysisMethod("bayes",
            "normal posterior from the ANCOVA estimate; 'significant' when the 95% credible interval excludes 0");
    /**
     * {@code value ~ visit * (arm + baseline)} over the post-baseline visits, unstructured covariance, REML,
     * Satterthwaite df (Mallinckrodt 2008).
     */
    public static final AnalysisMethod MMRM = new AnalysisMethod("mmrm",
            "value ~ visit * (arm + baseline) over the post-baseline visits, unstructured covariance, REML, Satterthwaite");

    /**
     * Conjugate normal-inverse-gamma posterior of {@code value ~ baseline + arm} under the prior
     * analysis.bayes_t: the effect's marginal posterior is a Student t.
     */
    public static final AnalysisMethod BAYES_T = new AnalysisMethod("bayes-t",
            "conjugate posterior of value ~ baseline + arm with unknown variance (Student t); 'significant' when the central "
                    + "1 - alpha credible interval excludes 0");

    /**
     * Multiple imputation of the missed post-baseline values under missingness at random, the
     * per-visit ANCOVA on each completed dataset, pooled by Rubin's rules (Rubin 1987; Barnard &amp;
     * Rubin 1999 df); settings analysis.imputation.
     */
    public static final AnalysisMethod MI = new AnalysisMethod("mi",
            "multiple imputation under missingness at random (per-arm regression on baseline and earlier visits), "
                    + "value ~ baseline + arm on each completed dataset, Rubin's rules");

    /** Reference-based multiple imputation, jump to reference (Carpenter, Roger &amp; Kenward 2013). */
    public static final AnalysisMethod MI_J2R = new AnalysisMethod("mi-j2r",
            "reference-based multiple imputation, jump to reference: a treated dropout's missed visits follow the control "
                    + "arm's mean given baseline, correlated with their own earlier visits; Rubin's rules");

    /** Reference-based multiple imputation, copy reference (Carpenter, Roger &amp; Kenward 2013). */
    public static final AnalysisMethod MI_CR = new AnalysisMethod("mi-cr",
            "reference-based multiple imputation, copy reference: a treated dropout's whole profile follows the control arm's "
                    + "model, conditioned on their observed visits; Rubin's rules");

    /**
     * Conditional mean imputation under missingness at random with a jackknife standard error
     * (Wolbers et al. 2022; rbmi's {@code method_condmean(type = "jackknife")}); delta from analysis.imputation.
     */
    public static final AnalysisMethod CMI = new AnalysisMethod("cmi",
            "conditional mean imputation under missingness at random (maximum-likelihood regression on baseline and earlier "
                    + "visits), value ~ baseline + arm on the completed dataset, jackknife standard error, normal reference");

    /** Conditional mean imputation, jump to reference, jackknife standard error. */
    public static final AnalysisMethod CMI_J2R = new AnalysisMethod("cmi-j2r",
            "conditional mean imputation, jump to reference (a treated dropout's missed visits at the control arm's mean given "
                    + "baseline and their own earlier visits), jackknife standard error, normal reference");

    /** Conditional mean imputation, copy reference, jackknife standard error. */
    public static final AnalysisMethod CMI_CR = new AnalysisMethod("cmi-cr",
            "conditional mean imputation, copy reference (a treated dropout follows the control arm's model conditioned on "
                    + "their observed visits), jackknife standard error, normal reference");

    public AnalysisMethod {
        Objects.requireNonNull(doc, "doc");
        Member.kebab("analysis", label);
    }

    /** The registered analyses, as an enum offers its constants (the scenario binder reads them). */
    public static List<AnalysisMethod> values() {
        return AnalysisMethodRegistry.all();
    }

    @Override
    public String toString() {
        return label;
    }
}
