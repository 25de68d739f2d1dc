package org.reconsim.results.stats;

/**
 * Result of a test of one coefficient or difference against zero, or the reason it could not
 * be carried out.
 *
 * <p>{@code statistic = estimate / stdError}; {@code pValue} is two-sided,
 * {@code P(|T| >= |statistic|)} for Student's t with {@code df} degrees of freedom.
 *
 * @param estimate  estimated effect (treatment minus control)
 * @param stdError  standard error of the estimate
 * @param df        degrees of freedom of the reference t distribution
 * @param statistic t statistic
 * @param pValue    two-sided p-value
 * @param reason    why the test is undefined; null for a defined test (a result with a NaN but no
 *                  reason gets {@link UndefinedReason#UNSPECIFIED})
 */
public record TestResult(double estimate, double stdError, double df, double statistic, double pValue, UndefinedReason reason) {

    private static final double NAN = Double.NaN;

    public TestResult {
        boolean numbers = !(Double.isNaN(estimate) || Double.isNaN(stdError) || Double.isNaN(df)
                || Double.isNaN(statistic) || Double.isNaN(pValue));
        if (numbers && reason != null) {
            throw new IllegalArgumentException("a test with every number defined cannot be undefined (" + reason + ")");
        }
        if (!numbers && reason == null) {
            reason = UndefinedReason.UNSPECIFIED;
        }
    }

    /** A test carried out: defined when every number is. */
    public TestResult(double estimate, double stdError, double df, double statistic, double pValue) {
        this(estimate, stdError, df, statistic, pValue, null);
    }

    /** The result of a test the data cannot support, for a reason the analysis does not give: all NaN. */
    public static TestResult undefined() {
        return undefined(UndefinedReason.UNSPECIFIED);
    }

    /** The result of a test the data cannot support (too few observations, singular design, ...): all NaN, with why. */
    public static TestResult undefined(UndefinedReason reason) {
        if (reason == null) {
            throw new IllegalArgumentException("an undefined test needs a reason");
        }
        return new TestResult(NAN, NAN, NAN, NAN, NAN, reason);
    }

    /** Whether every component is a number, i.e. the test could be carried out. */
    public boolean isDefined() {
        return reason == null;
    }
}
