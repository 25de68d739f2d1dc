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
