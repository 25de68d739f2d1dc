package org.reconsim.engine.sim;

import org.reconsim.models.measurement.RoiMeasure;

/**
 * Test-retest reliability of n subjects measured in k sessions, from the two-way ANOVA mean
 * squares (McGraw & Wong 1996, Psychol Methods 1:30; Shrout & Fleiss 1979):
 * <pre>
 *   MS_R = k sum_i (mean_i. - mean)^2 / (n - 1)             subjects (rows)
 *   MS_C = n sum_j (mean_.j - mean)^2 / (k - 1)             sessions (columns)
 *   MS_E = (SS_total - SS_R - SS_C) / ((n - 1)(k - 1))      residual
 *   ICC(3,1) = ICC(C,1) = (MS_R - MS_E) / (MS_R + (k - 1) MS_E)                                consistency
 *   ICC(2,1) = ICC(A,1) = (MS_R - MS_E) / (MS_R + (k - 1) MS_E + k (MS_C - MS_E) / n)          absolute agreement
 * </pre>
 * Single-measure forms. For test-retest of a scan outcome {@link #agreement()} is the stricter
 * one: a systematic session shift (habituation, scanner drift) lowers it but not {@link #consistency()}.
 * The meta-analytic task-fMRI mean 0.397 (Elliott et al. 2020, docs/MODEL.md section 5) is the default
 * target of {@link RoiMeasure}. A test oracle: the simulation sizes its noise from the ICC formula
 * ({@link RoiMeasure#withinSd}) and never computes an ICC, so this lives with the tests that check it.
 *
 * @param subjects   n
 * @param sessions   k
 * @param msSubjects MS_R
 * @param msSessions MS_C
 * @param msError    MS_E
 */
record Reliability(int subjects, int sessions, double msSubjects, double msSessions, double msError) {

    /** From a subjects x sessions table (at least 2 x 2, rectangular, no missing values). */
    static Reliability of(double[][] scores) {
        int n = scores.length;
        if (n < 2 || scores[0].length < 2) {
            throw new IllegalArgumentException("need at least 2 subjects and 2 sessions");
        }
        int k = scores[0].length;
        double grand = 0;
        double[] colMean = new double[k];
        for (double[] row : scores) {
            if (row.length != k) {
                throw new IllegalArgumentException("every subject needs " + k + " sessions");
            }
            for (int j = 0; j < k; j++) {
                colMean[j] += row[j];
                grand += row[j];
            }
        }
        grand /= n * k;
        double ssRows = 0;
        double ssTotal = 0;
        for (double[] row : scores) {
            double m = 0;
            for (int j = 0; j < k; j++) {
                m += row[j];
                ssTotal += (row[j] - grand) * (row[j] - grand);
            }
            m /= k;
            ssRows += k * (m - grand) * (m - grand);
        }
        double ssCols = 0;
        for (int j = 0; j < k; j++) {
            double d = colMean[j] / n - grand;
            ssCols += n * d * d;
        }
        double msRows = ssRows / (n - 1);
        double msCols = ssCols / (k - 1);
        double msError = (ssTotal - ssRows - ssCols) / ((n - 1) * (k - 1));
        return new Reliability(n, k, msRows, msCols, msError);
    }

    /** From two sessions of the same subjects. */
    static Reliability of(double[] session1, double[] session2) {
        if (session1.length != session2.length) {
            throw new IllegalArgumentException("sessions differ in length");
        }
        double[][] t = new double[session1.length][];
        for (int i = 0; i < t.length; i++) {
            t[i] = new double[] {session1[i], session2[i]};
        }
        return of(t);
    }

    /** ICC(3,1), McGraw & Wong's ICC(C,1). */
    double consistency() {
        return (msSubjects - msError) / (msSubjects + (sessions - 1) * msError);
    }

    /** ICC(2,1), McGraw & Wong's ICC(A,1). */
    double agreement() {
        return (msSubjects - msError)
                / (msSubjects + (sessions - 1) * msError + sessions * (msSessions - msError) / subjects);
    }
}
