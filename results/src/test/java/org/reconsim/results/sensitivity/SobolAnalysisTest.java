package org.reconsim.results.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The Sobol estimators against functions whose indices are known in closed form: the Ishigami
 * function (Ishigami and Homma 1990; the indices as in Saltelli et al. 2010, section 4) and a
 * linear model.
 */
class SobolAnalysisTest {

    private static final double A = 7;
    private static final double B = 0.1;

    /** Ishigami on uniform(-pi, pi)^3: each coordinate of u mapped by the uniform quantile. */
    private static final Model ISHIGAMI = u -> {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + A * Math.sin(x2) * Math.sin(x2) + B * Math.pow(x3, 4) * Math.sin(x1);
    };

    /** The analytic variance decomposition of Ishigami: V, V1, V2, V3 = 0 and the interaction V13. */
    private static double[] ishigamiFirst() {
        double v = A * A / 8 + B * Math.pow(Math.PI, 4) / 5 + B * B * Math.pow(Math.PI, 8) / 18 + 0.5;
        double v1 = 0.5 * Math.pow(1 + B * Math.pow(Math.PI, 4) / 5, 2);
        double v2 = A * A / 8;
        return new double[] {v1 / v, v2 / v, 0};
    }

    private static double[] ishigamiTotal() {
        double v = A * A / 8 + B * Math.pow(Math.PI, 4) / 5 + B * B * Math.pow(Math.PI, 8) / 18 + 0.5;
        double v1 = 0.5 * Math.pow(1 + B * Math.pow(Math.PI, 4) / 5, 2);
        double v2 = A * A / 8;
        double v13 = 8 * B * B * Math.pow(Math.PI, 8) / 225;
        return new double[] {(v1 + v13) / v, v2 / v, v13 / v};
    }

    @Test
    void analyticIshigamiIndicesAreThePublishedOnes() {
        // guards the closed forms below against a typo: Saltelli et al. 2010 table 3 / Sobol' 2007
        assertThat(ishigamiFirst()).containsExactly(new double[] {0.3139, 0.4424, 0}, within(5e-5));
        assertThat(ishigamiTotal()).containsExactly(new double[] {0.5576, 0.4424, 0.2437}, within(5e-5));
    }

    /**
     * At N = 2^13 (40960 evaluations, under a second) the analytic indices lie inside every
     * bootstrap interval, and each estimate is within 3 Monte Carlo standard errors of them. The
     * standard errors are computed here from the evaluations, independently of the estimator's
     * code: SD over rows of the per-row term (f_B (f_ABi - f_A) for S_i, (f_A - f_ABi)^2 / 2 for
     * ST_i) over sqrt(N) V, the error pseudo-random rows would have; quasi-random rows do better,
     * so 3 of them is a bound that fails only when the estimator is wrong.
     */
    @Test
    void ishigamiIndicesEqualTheAnalyticValuesWithinTheirIntervals() {
        int n = 1 << 13;
        SobolAnalysis.Outcome o = SobolAnalysis.run(ISHIGAMI, new SaltelliDesign(n, 3), 2, 500, 11, done -> { });
        double[] first = ishigamiFirst();
        double[] total = ishigamiTotal();
        double[] f = o.evaluations();
        double v = o.indices().variance();
        for (int i = 0; i < 3; i++) {
            SobolIndices.Index x = o.indices().indices().get(i);
            assertThat(first[i]).as("S%d inside [%f, %f]", i + 1, x.firstLow(), x.firstHigh()).isBetween(x.firstLow(), x.firstHigh());
            assertThat(total[i]).as("ST%d inside [%f, %f]", i + 1, x.totalLow(), x.totalHigh()).isBetween(x.totalLow(), x.totalHigh());
            double[] firstTerms = new double[n];
            double[] totalTerms = new double[n];
            for (int j = 0; j < n; j++) {
                double fa = f[j * 5];
                double fb = f[j * 5 + 1];
                double fab = f[j * 5 + 2 + i];
                firstTerms[j] = fb * (fab - fa);
                totalTerms[j] = (fa - fab) * (fa - fab) / 2;
            }
            double seFirst = sd(firstTerms) / Math.sqrt(n) / v;
            double seTotal = sd(totalTerms) / Math.sqrt(n) / v;
            assertThat(x.first()).as("S%d", i + 1).isCloseTo(first[i], within(3 * seFirst));
            assertThat(x.total()).as("ST%d", i + 1).isCloseTo(total[i], within(3 * seTotal));
            // the intervals say something: narrower than 0.1
            assertThat(x.firstHigh() - x.firstLow()).isLessThan(0.1);
            assertThat(x.totalHigh() - x.totalLow()).isLessThan(0.1);
        }
        // and the variance is the analytic one, V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2 = 13.845
        assertThat(v).isCloseTo(A * A / 8 + B * Math.pow(Math.PI, 4) / 5 + B * B * Math.pow(Math.PI, 8) / 18 + 0.5, within(0.2));
    }

    /**
     * y = x1 + 2 x2 + 3 x3 + 0 x4 on uniform(0,1)^4: additive, so S_i = ST_i = c_i^2 / sum c^2
     * (1/14, 4/14, 9/14); x4 does not enter, so f(A_B^4) = f(A) row by row and both its indices are 0 exactly.
     */
    @Test
    void linearModelHasItsKnownIndicesAndAnUnusedInputExactlyZero() {
        double[] c = {1, 2, 3, 0};
        Model linear = u -> c[0] * u[0] + c[1] * u[1] + c[2] * u[2] + c[3] * u[3];
        SobolAnalysis.Outcome o = SobolAnalysis.run(linear, new SaltelliDesign(1 << 12, 4), 1, 300, 5, done -> { });
        List<SobolIndices.Index> x = o.indices().indices();
        double[] expected = {1 / 14.0, 4 / 14.0, 9 / 14.0};
        for (int i = 0; i < 3; i++) {
            // QMC on a linear function: error far below 0.01 at N = 4096 (the pseudo-random SE of S_3 is about 0.01)
            assertThat(x.get(i).first()).as("S%d", i + 1).isCloseTo(expected[i], within(0.01));
            assertThat(x.get(i).total()).as("ST%d", i + 1).isCloseTo(expected[i], within(0.01));
            assertThat(expected[i]).isBetween(x.get(i).firstLow(), x.get(i).firstHigh());
            assertThat(expected[i]).isBetween(x.get(i).totalLow(), x.get(i).totalHigh());
        }
        assertThat(x.get(3).first()).isZero();
        assertThat(x.get(3).total()).isZero();
        assertThat(x.get(3).totalHigh()).isZero();
        // y's variance is sum c^2 / 12
        assertThat(o.indices().variance()).isCloseTo(14 / 12.0, within(0.01));
    }

    @Test
    void sameResultOnOneAndTwoThreads() {
        SaltelliDesign design = new SaltelliDesign(256, 3);
        SobolAnalysis.Outcome one = SobolAnalysis.run(ISHIGAMI, design, 1, 200, 3, done -> { });
        SobolAnalysis.Outcome two = SobolAnalysis.run(ISHIGAMI, design, 2, 200, 3, done -> { });
        assertThat(two.evaluations()).containsExactly(one.evaluations());
        assertThat(two.indices()).isEqualTo(one.indices());
        // the seed moves the bootstrap only
        SobolAnalysis.Outcome other = SobolAnalysis.run(ISHIGAMI, design, 2, 200, 4, done -> { });
        assertThat(other.indices().indices().get(0).first()).isEqualTo(one.indices().indices().get(0).first());
        assertThat(other.indices().indices().get(0).firstLow()).isNotEqualTo(one.indices().indices().get(0).firstLow());
    }

    @Test
    void designHasSaltelliStructure() {
        SaltelliDesign d = new SaltelliDesign(8, 3);
        assertThat(d.evaluations()).isEqualTo(40);
        for (int j = 0; j < 8; j++) {
            double[] a = d.point(j * 5);
            double[] b = d.point(j * 5 + 1);
            for (int i = 0; i < 3; i++) {
                double[] ab = d.point(j * 5 + 2 + i);
                for (int q = 0; q < 3; q++) {
                    assertThat(ab[q]).isEqualTo(q == i ? b[q] : a[q]);
                }
            }
        }
        // the first point of the 6-dimensional Sobol sequence after the origin is (1/2, ..., 1/2)
        assertThat(d.point(0)).containsOnly(0.5);
    }

    @Test
    void constantOutputHasUndefinedIndices() {
        SobolAnalysis.Outcome o = SobolAnalysis.run(u -> 1.0, new SaltelliDesign(16, 2), 1, 10, 1, done -> { });
        assertThat(o.indices().variance()).isZero();
        assertThat(o.indices().indices().get(0).first()).isNaN();
        assertThat(o.indices().indices().get(0).totalHigh()).isNaN();
    }

    private static double sd(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return Math.sqrt(s / (x.length - 1));
    }
}
