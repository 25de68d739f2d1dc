package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MmrmTest {

    /** A virtual trial: baseline around 45, post visits correlated 0.65 with it and 0.87 among themselves. */
    record Trial(boolean[] treated, double[] baseline, double[][] values) {

        static Trial simulate(long seed, int subjects, int visits, double dropout) {
            Random random = new Random(seed);
            boolean[] treated = new boolean[subjects];
            double[] baseline = new double[subjects];
            double[][] values = new double[visits][subjects];
            for (int i = 0; i < subjects; i++) {
                treated[i] = i % 2 == 0;
                double shared = random.nextGaussian();
                double trait = random.nextGaussian();
                baseline[i] = 45 + 9 * (0.8 * shared + 0.6 * random.nextGaussian());
                for (int j = 0; j < visits; j++) {
                    values[j][i] = 40 - 2 * j - (treated[i] ? 3 : 0)
                            + (9 + j) * (0.75 * shared + 0.56 * trait + 0.35 * random.nextGaussian());
                }
                // monotone dropout, more likely after a high value (MAR)
                for (int j = 1; j < visits; j++) {
                    if (random.nextDouble() < dropout * (values[j - 1][i] > 40 ? 1.5 : 0.5)) {
                        for (int k = j; k < visits; k++) {
                            values[k][i] = Double.NaN;
                        }
                        break;
                    }
                }
            }
            return new Trial(treated, baseline, values);
        }

        MmrmFit fit() {
            return Mmrm.fit(baseline, treated, values, treated.length);
        }
    }

    /**
     * With every value observed the unstructured GLS estimate is ordinary least squares visit by
     * visit (the same regressors at every visit: Zellner 1962), the REML Sigma is the residual
     * cross-products over n - 3, and the Satterthwaite df of a visit's effect is n - 3 exactly
     * (its variance is a scaled chi-square on n - 3 df): the per-visit ANCOVA.
     */
    @Test
    void completeDataGiveThePerVisitAncova() {
        Trial trial = Trial.simulate(11, 37, 3, 0);
        MmrmFit fit = trial.fit();
        assertThat(fit.isDefined()).as(fit.reason()).isTrue();
        assertThat(fit.iterations()).isEqualTo(1); // the moment start is the REML solution
        for (int j = 0; j < 3; j++) {
            TestResult ancova = Ancova.treatmentEffect(trial.values()[j], trial.baseline(), trial.treated(), 37);
            TestResult mmrm = fit.treatmentEffect(j);
            assertThat(mmrm.estimate()).isCloseTo(ancova.estimate(), within(1e-9 * Math.abs(ancova.estimate())));
            assertThat(mmrm.stdError()).isCloseTo(ancova.stdError(), within(1e-9 * ancova.stdError()));
            assertThat(mmrm.df()).isCloseTo(34, within(1e-7));
            assertThat(mmrm.pValue()).isCloseTo(ancova.pValue(), within(1e-9));
        }
    }

    /** One post-baseline visit: the ANCOVA of it. */
    @Test
    void oneVisitIsTheAncova() {
        Trial trial = Trial.simulate(5, 30, 1, 0);
        trial.values()[0][3] = Double.NaN;
        TestResult ancova = Ancova.treatmentEffect(trial.values()[0], trial.baseline(), trial.treated(), 30);
        TestResult mmrm = trial.fit().treatmentEffect(0);
        assertThat(mmrm.estimate()).isCloseTo(ancova.estimate(), within(1e-9 * Math.abs(ancova.estimate())));
        assertThat(mmrm.stdError()).isCloseTo(ancova.stdError(), within(1e-9 * ancova.stdError()));
        assertThat(mmrm.df()).isCloseTo(26, within(1e-7));
    }

    /**
     * Under monotone dropout after a complete first visit, the likelihood factors into the
     * first visit's regression and the later visits given the earlier (Little and Rubin 2002,
     * 7.4): the effect at the first visit is its ANCOVA, with n - 3 df.
     */
    @Test
    void monotoneDropoutLeavesTheFirstVisitItsAncova() {
        Trial trial = Trial.simulate(3, 80, 3, 0.3);
        MmrmFit fit = trial.fit();
        assertThat(fit.isDefined()).as(fit.reason()).isTrue();
        assertThat(fit.iterations()).isGreaterThan(1);
        TestResult ancova = Ancova.treatmentEffect(trial.values()[0], trial.baseline(), trial.treated(), 80);
        TestResult mmrm = fit.treatmentEffect(0);
        assertThat(mmrm.estimate()).isCloseTo(ancova.estimate(), within(1e-8 * Math.abs(ancova.estimate())));
        assertThat(mmrm.stdError()).isCloseTo(ancova.stdError(), within(1e-8 * ancova.stdError()));
        assertThat(mmrm.df()).isCloseTo(77, within(1e-5));
        // later visits: fewer subjects seen, but the observed earlier visits carry information
        int seenLast = (int) Arrays.stream(trial.values()[2]).filter(v -> !Double.isNaN(v)).count();
        assertThat(seenLast).isLessThan(70);
        TestResult completers = Ancova.treatmentEffect(trial.values()[2], trial.baseline(), trial.treated(), 80);
        assertThat(fit.treatmentEffect(2).stdError()).isLessThan(completers.stdError());
    }

    /** Shifting baseline and outcomes changes intercepts only; scaling the outcomes scales effect and SE. */
    @Test
    void effectsAreEquivariant() {
        Trial trial = Trial.simulate(8, 50, 3, 0.25);
        MmrmFit fit = trial.fit();
        double[] shiftedBaseline = Arrays.stream(trial.baseline()).map(b -> b + 1000).toArray();
        double[][] scaled = new double[3][];
        for (int j = 0; j < 3; j++) {
            scaled[j] = Arrays.stream(trial.values()[j]).map(v -> -2.5 * v + 300).toArray();
        }
        MmrmFit other = Mmrm.fit(shiftedBaseline, trial.treated(), scaled, 50);
        for (int j = 0; j < 3; j++) {
            TestResult a = fit.treatmentEffect(j);
            TestResult b = other.treatmentEffect(j);
            assertThat(b.estimate()).isCloseTo(-2.5 * a.estimate(), within(1e-8 * Math.abs(a.estimate())));
            assertThat(b.stdError()).isCloseTo(2.5 * a.stdError(), within(1e-8 * a.stdError()));
            assertThat(b.df()).isCloseTo(a.df(), within(1e-6 * a.df()));
        }
        assertThat(other.covariance(0, 2)).isCloseTo(6.25 * fit.covariance(0, 2), within(1e-8 * fit.covariance(0, 0)));
    }

    /** Subjects without a baseline or without any post-baseline value are not part of the fit. */
    @Test
    void subjectsWithoutBaselineOrFollowUpAreLeftOut() {
        Trial trial = Trial.simulate(4, 40, 3, 0.2);
        int n = 43;
        boolean[] treated = Arrays.copyOf(trial.treated(), n);
        double[] baseline = Arrays.copyOf(trial.baseline(), n);
        double[][] values = new double[3][];
        for (int j = 0; j < 3; j++) {
            values[j] = Arrays.copyOf(trial.values()[j], n);
            values[j][40] = 10;
            values[j][41] = Double.NaN;
            values[j][42] = Double.NaN;
        }
        baseline[40] = Double.NaN;
        baseline[41] = 45;
        baseline[42] = Double.NaN;
        MmrmFit with = Mmrm.fit(baseline, treated, values, n);
        MmrmFit without = trial.fit();
        assertThat(with.subjects()).isEqualTo(without.subjects()).isEqualTo(40);
        assertThat(with.remlCriterion()).isCloseTo(without.remlCriterion(), within(1e-9));
        assertThat(with.treatmentEffect(1)).isEqualTo(without.treatmentEffect(1));
    }

    @Test
    void unsupportedDataGiveAnUndefinedFitWithItsReason() {
        Trial trial = Trial.simulate(9, 30, 3, 0);
        // no treated subject seen at the last visit
        double[][] noTreated = copy(trial.values());
        for (int i = 0; i < 30; i += 2) {
            noTreated[2][i] = Double.NaN;
        }
        assertUndefined(Mmrm.fit(trial.baseline(), trial.treated(), noTreated, 30), "visit 3: no treated subject observed");
        // a baseline that is the arm
        double[] armBaseline = new double[30];
        for (int i = 0; i < 30; i++) {
            armBaseline[i] = trial.treated()[i] ? 50 : 40;
        }
        assertUndefined(Mmrm.fit(armBaseline, trial.treated(), trial.values(), 30), "visit 1: the baseline does not vary apart from the arm");
        // visits 1 and 3 never together
        double[][] apart = copy(trial.values());
        for (int i = 0; i < 30; i++) {
            apart[i < 15 ? 0 : 2][i] = Double.NaN;
        }
        assertUndefined(Mmrm.fit(trial.baseline(), trial.treated(), apart, 30), "visits 1 and 3 are never observed together");
        // 4 subjects: 12 values for 9 mean and 6 covariance parameters
        assertThat(Mmrm.fit(trial.baseline(), trial.treated(), trial.values(), 4).reason())
                .isEqualTo("12 post-baseline values for 9 mean and 6 covariance parameters");
        // nobody followed up
        double[][] none = new double[3][30];
        for (double[] v : none) {
            Arrays.fill(v, Double.NaN);
        }
        assertUndefined(Mmrm.fit(trial.baseline(), trial.treated(), none, 30), "no subject has a baseline");
        // the last visit repeats the second exactly: Sigma is singular, no REML optimum
        double[][] repeated = copy(trial.values());
        repeated[2] = repeated[1].clone();
        MmrmFit singular = Mmrm.fit(trial.baseline(), trial.treated(), repeated, 30);
        assertUndefined(singular, "the estimated covariance is (nearly) singular at visit 3");
    }

    @Test
    void rejectsMalformedInput() {
        Trial trial = Trial.simulate(1, 10, 2, 0);
        assertThatThrownBy(() -> Mmrm.fit(trial.baseline(), trial.treated(), new double[0][], 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("0 post-baseline visits, need 1 to 12");
        assertThatThrownBy(() -> Mmrm.fit(trial.baseline(), trial.treated(), trial.values(), 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("subjects = 11 outside [0, 10]");
        MmrmFit fit = trial.fit();
        assertThatThrownBy(() -> fit.treatmentEffect(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("visit 2 outside [0, 2)");
    }

    private static void assertUndefined(MmrmFit fit, String reason) {
        assertThat(fit.isDefined()).isFalse();
        assertThat(fit.reason()).startsWith(reason);
        assertThat(fit.remlCriterion()).isNaN();
        for (int j = 0; j < fit.visits(); j++) {
            assertThat(fit.treatmentEffect(j)).isEqualTo(TestResult.undefined());
        }
    }

    private static double[][] copy(double[][] values) {
        double[][] out = new double[values.length][];
        for (int j = 0; j < values.length; j++) {
            out[j] = values[j].clone();
        }
        return out;
    }
}
