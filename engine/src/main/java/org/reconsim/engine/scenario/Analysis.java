package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;
import java.util.List;

/** The analysis plan (scenario section {@code analysis}). */
public record Analysis(
        @Spec(doc = "Primary endpoint") Endpoint primaryEndpoint,
        @Spec(doc = "Primary visit") Visit primaryVisit,
        @Spec(doc = "Two-sided significance level", min = 0, max = 0.5, minExclusive = true, source = "convention")
        double alpha,
        @Spec(doc = "Analyses run on every virtual trial: ancova (value ~ baseline + arm), lmm (value ~ arm * visit + "
                + "(1 | subject), REML, Satterthwaite), welch (change from baseline), bayes (normal posterior from the ANCOVA "
                + "estimate; 'significant' when the 95% credible interval excludes 0), mmrm (value ~ visit * (arm + baseline) "
                + "over the post-baseline visits, unstructured covariance, REML, Satterthwaite), bayes-t (conjugate posterior of value ~ "
                + "baseline + arm, Student t; 'significant' when the central 1 - alpha credible interval excludes 0), mi (multiple "
                + "imputation of the missed post-baseline values under missingness at random, per-visit ancova, Rubin's rules), "
                + "mi-j2r (reference-based imputation, jump to reference), mi-cr (reference-based imputation, copy reference), "
                + "cmi, cmi-j2r, cmi-cr (the same assumptions by conditional mean imputation with a jackknife standard error, "
                + "rbmi's method_condmean; holds its level in small trials where Rubin's rules are conservative); the mi and "
                + "cmi methods' settings are analysis.imputation", minItems = 1)
        List<AnalysisMethod> methods,
        @Spec(doc = "Prior of the bayes analysis: mean", source = "[assumption] sceptical prior centred on no effect")
        double priorMean,
        @Spec(doc = "Prior of the bayes analysis: SD (0: flat prior)", min = 0, source = "[assumption] flat") double priorSd,
        @Spec(doc = "Prior of the bayes-t analysis (normal-inverse-gamma; docs/POWER.md, Bayesian analyses)") BayesTPrior bayesT,
        @Spec(doc = "Settings of the imputation analyses mi, mi-j2r, mi-cr, cmi, cmi-j2r, cmi-cr (docs/POWER.md, Estimands)")
        Imputation imputation,
        @Spec(doc = "Endpoint-visit pairs tested together (primary and secondary); empty: no family")
        List<FamilyMember> family,
        @Spec(doc = "Multiplicity adjustment over the family (first analysis method)") Adjustment adjustment,
        @Spec(doc = "The direction the trial hypothesizes, treatment minus control, at every endpoint not listed in "
                + "'hypotheses': power_directional counts significant trials whose estimate points this way",
                source = "Duek 2021 (docs/TRIALS.md A): the trial's hypothesis that ketamine after retrieval lowers trauma-memory "
                        + "reactivation; a user sizing another trial states theirs") Direction hypothesizedDirection,
        @Spec(doc = "Endpoints whose hypothesized direction differs from hypothesized_direction; empty: none")
        List<Hypothesis> hypotheses) {

    public Analysis {
        methods = ReadOnly.list(methods);
        family = ReadOnly.list(family);
        hypotheses = ReadOnly.list(hypotheses);
    }

    public Analysis(Endpoint primaryEndpoint, Visit primaryVisit, double alpha, List<AnalysisMethod> methods, double priorMean,
                    double priorSd, List<FamilyMember> family, Adjustment adjustment) {
        this(primaryEndpoint, primaryVisit, alpha, methods, priorMean, priorSd, BayesTPrior.defaults(), Imputation.defaults(), family, adjustment,
                Direction.LOWER, List.of());
    }

    /** The hypothesized direction at {@code endpoint}: its entry in {@link #hypotheses()}, else {@link #hypothesizedDirection()}. */
    public Direction direction(Endpoint endpoint) {
        for (Hypothesis h : hypotheses) {
            if (h.endpoint().equals(endpoint)) {
                return h.direction();
            }
        }
        return hypothesizedDirection;
    }


    public static Analysis defaults() {
        return new Analysis(Endpoint.AMYGDALA, Visit.POST, 0.05, List.of(AnalysisMethod.ANCOVA), 0, 0, List.of(), Adjustment.NONE);
    }

    public Analysis(Endpoint primaryEndpoint, Visit primaryVisit, double alpha, List<AnalysisMethod> methods, double priorMean,
                    double priorSd) {
        this(primaryEndpoint, primaryVisit, alpha, methods, priorMean, priorSd, List.of(), Adjustment.NONE);
    }
}
