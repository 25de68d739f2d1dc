package org.reconsim.results.stats;

/**
 * Why a test could not be carried out on a virtual trial's data ({@link TestResult#undefined(UndefinedReason)}).
 * A power analysis counts these per row (power.csv {@code failed}) and writes the code of each in
 * replicates.csv ({@code failure}); an undefined test is never a rejection, so power is
 * rejections over all replicates, failed ones included (docs/POWER.md).
 */
public enum UndefinedReason {

    /** An arm, or an arm at a visit, has fewer patients with the needed values than the model has to estimate from. */
    TOO_FEW_OBSERVATIONS("too_few_observations", "too few patients with the values the analysis needs (dropout)"),
    /** The design is singular: e.g. a constant baseline, or one that determines the arm (ANCOVA). */
    SINGULAR_DESIGN("singular_design", "singular design (constant baseline, or a baseline that determines the arm)"),
    /** The model fits the data exactly, or leaves no within-subject variance: no error variance to test against. */
    NO_RESIDUAL_VARIANCE("no_residual_variance", "no residual variance (the model fits the data exactly)"),
    /**
     * The REML criterion of the mixed model does not change with the variance ratio: the data
     * identify only the total variance, not its split into subject and residual variance, so the
     * standard error (which depends on the split) is arbitrary.
     */
    FLAT_REML("flat_reml", "REML criterion flat in the variance ratio (subject and residual variance not identified)"),
    /** Satterthwaite's degrees of freedom came out non-positive or infinite. */
    NO_DEGREES_OF_FREEDOM("no_df", "no usable Satterthwaite degrees of freedom"),
    /** The sums overflowed (values near 1e150). */
    OVERFLOW("overflow", "numeric overflow"),
    /** An analysis that does not say why (e.g. one added on the class path that returns {@link TestResult#undefined()}). */
    UNSPECIFIED("undefined", "undefined (no reason given by the analysis)");

    private final String code;
    private final String description;

    UndefinedReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The code written in replicates.csv and power.csv: lower case, no spaces. */
    public String code() {
        return code;
    }

    /** A short explanation for the report and the console. */
    public String description() {
        return description;
    }
}
