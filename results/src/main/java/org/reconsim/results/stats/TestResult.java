package org.reconsim.results.stats;

/**
 * Result of a test of one coefficient or difference against zero.
 *
 * <p>{@code statistic = estimate / stdError}; {@code pValue} is two-sided,
 * {@code P(|T| >= |statistic|)} for Student's t with {@code df} degrees of freedom.
 *
 * @param estimate  estimated effect (treatment minus control)
 * @param stdError  standard error of the estimate
 * @param df        degrees of freedom of the reference t distribution
 * @param statistic t statistic
 * @param pValue    two-sided p-value
 */
public record TestResult(double estimate, double stdError, double df, double statistic, double pValue) {

    private static final TestResult UNDEFINED =
            new TestResult(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The result of a test the data cannot support (too few observations, singular design): all NaN. */
    public static TestResult undefined() {
        return UNDEFINED;
    }

    /** Whether every component is a number, i.e. the test could be carried out. */
    public boolean isDefined() {
        return !(Double.isNaN(estimate) || Double.isNaN(stdError) || Double.isNaN(df)
                || Double.isNaN(statistic) || Double.isNaN(pValue));
    }
}
