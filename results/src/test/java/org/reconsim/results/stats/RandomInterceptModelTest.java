package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RandomInterceptModelTest {

    /** Long data: subject i in 0..subjects-1, visits 0..V-1, rows in subject-major order. */
    record Trial(int[] subject, int[] visit, boolean[] treated, double[] value, int visits) {

        static Trial simulate(long seed, int subjects, int treatedSubjects, int visits, double sdSubject,
                double sdResidual) {
            Random random = new Random(seed);
            int rows = subjects * visits;
            int[] subject = new int[rows];
            int[] visit = new int[rows];
            boolean[] treated = new boolean[rows];
            double[] value = new double[rows];
            for (int i = 0; i < subjects; i++) {
                double intercept = sdSubject * random.nextGaussian();
                for (int v = 0; v < visits; v++) {
                    int r = i * visits + v;
                    subject[r] = i;
                    visit[r] = v;
                    treated[r] = i < treatedSubjects;
                    value[r] = 40 - 3 * v - (treated[r] ? 2 * v : 0) + intercept + sdResidual * random.nextGaussian();
                }
            }
            return new Trial(subject, visit, treated, value, visits);
        }

        RandomInterceptFit fit() {
            return RandomInterceptModel.fit(subject, visit, treated, value, value.length, visits);
        }
    }

    /**
     * Complete balanced data: REML equals the ANOVA (method of moments) estimators when those
     * are positive, the cell means are the raw means, and lmerTest's Satterthwaite df equals
     * the classical Satterthwaite df of the mean-square combination (the parameterization of
     * the variance parameters does not matter at an interior optimum).
     */
    @Test
    void balancedCompleteDataMatchTheAnovaEstimators() {
        int subjects = 11;
        int treatedSubjects = 5;
        int visits = 3;
        Trial trial = Trial.simulate(7, subjects, treatedSubjects, visits, 5, 3);
        double[] subjectMean = new double[subjects];
        double[][] cellMean = new double[2][visits];
        double[] armMean = new double[2];
        int[] armSize = {subjects - treatedSubjects, treatedSubjects};
        for (int r = 0; r < trial.value().length; r++) {
            int a = trial.treated()[r] ? 1 : 0;
            subjectMean[trial.subject()[r]] += trial.value()[r] / visits;
            cellMean[a][trial.visit()[r]] += trial.value()[r] / armSize[a];
            armMean[a] += trial.value()[r] / (armSize[a] * visits);
        }
        double ssSubjects = 0;
        for (int i = 0; i < subjects; i++) {
            double d = subjectMean[i] - armMean[i < treatedSubjects ? 1 : 0];
            ssSubjects += visits * d * d;
        }
        double ssResidual = 0;
        for (int r = 0; r < trial.value().length; r++) {
            int a = trial.treated()[r] ? 1 : 0;
            double e = trial.value()[r] - subjectMean[trial.subject()[r]] - cellMean[a][trial.visit()[r]] + armMean[a];
            ssResidual += e * e;
        }
        double dfSubjects = subjects - 2;
        double dfResidual = (subjects - 2) * (visits - 1.0);
        double msSubjects = ssSubjects / dfSubjects;
        double msResidual = ssResidual / dfResidual;
        assertThat(msSubjects).isGreaterThan(msResidual);

        RandomInterceptFit fit = trial.fit();
        assertThat(fit.isDefined()).isTrue();
        assertThat(fit.varianceComponents().residualVariance()).isCloseTo(msResidual, within(1e-7 * msResidual));
        double subjectVariance = (msSubjects - msResidual) / visits;
        assertThat(fit.varianceComponents().subjectVariance()).isCloseTo(subjectVariance, within(1e-7 * subjectVariance));
        double combination = msSubjects + (visits - 1) * msResidual;
        double satterthwaite = combination * combination
                / (msSubjects * msSubjects / dfSubjects
                        + (visits - 1) * msResidual * (visits - 1) * msResidual / dfResidual);
        for (int v = 0; v < visits; v++) {
            TestResult effect = fit.armEffect(v);
            assertThat(effect.estimate()).isCloseTo(cellMean[1][v] - cellMean[0][v], within(1e-10));
            double se = Math.sqrt(combination / visits * (1.0 / armSize[0] + 1.0 / armSize[1]));
            assertThat(effect.stdError()).isCloseTo(se, within(1e-7 * se));
            assertThat(effect.df()).isCloseTo(satterthwaite, within(1e-6 * satterthwaite));
            assertThat(fit.mean(true, v) - fit.mean(false, v)).isCloseTo(effect.estimate(), within(1e-12));
        }
    }

    @Test
    void boundaryFitHasZeroSubjectVarianceAndResidualDegreesOfFreedom() {
        // Every subject's mean is 40: less spread between subjects than chance allows, so
        // the ANOVA estimate of the subject variance would be negative; REML stops at 0.
        Trial trial = Trial.simulate(3, 12, 6, 2, 0, 4);
        double[] value = trial.value();
        for (int i = 0; i < 12; i++) {
            double spread = value[2 * i + 1] - value[2 * i];
            value[2 * i] = 40 - 0.5 * spread;
            value[2 * i + 1] = 40 + 0.5 * spread;
        }
        RandomInterceptFit fit = trial.fit();
        assertThat(fit.varianceComponents().subjectVariance()).isZero();
        // n - p = 24 - 4
        assertThat(fit.armEffect(0).df()).isCloseTo(20, within(1e-9));
        assertThat(fit.armEffect(1).df()).isCloseTo(20, within(1e-9));
    }

    @Test
    void resultDoesNotDependOnRowOrderOrMissingRows() {
        Trial trial = Trial.simulate(11, 20, 9, 4, 4, 5);
        trial.value()[5] = Double.NaN;
        trial.value()[17] = Double.NaN;
        RandomInterceptFit fit = trial.fit();

        int rows = trial.value().length;
        int[] order = new int[rows];
        for (int r = 0; r < rows; r++) {
            order[r] = (r * 37 + 11) % rows; // a permutation: 37 is coprime to 80
        }
        int kept = 0;
        int[] subject = new int[rows];
        int[] visit = new int[rows];
        boolean[] treated = new boolean[rows];
        double[] value = new double[rows];
        for (int r = 0; r < rows; r++) {
            int from = order[r];
            if (Double.isNaN(trial.value()[from])) {
                continue; // a missing visit is the same as an absent row
            }
            subject[kept] = 19 - trial.subject()[from];
            visit[kept] = trial.visit()[from];
            treated[kept] = trial.treated()[from];
            value[kept] = trial.value()[from];
            kept++;
        }
        RandomInterceptFit shuffled = RandomInterceptModel.fit(subject, visit, treated, value, kept, 4);
        assertThat(shuffled.observations()).isEqualTo(fit.observations()).isEqualTo(78);
        assertThat(shuffled.remlCriterion()).isCloseTo(fit.remlCriterion(), within(1e-9));
        for (int v = 0; v < 4; v++) {
            assertThat(shuffled.armEffect(v).estimate()).isCloseTo(fit.armEffect(v).estimate(), within(1e-9));
            assertThat(shuffled.armEffect(v).stdError()).isCloseTo(fit.armEffect(v).stdError(), within(1e-7));
            assertThat(shuffled.armEffect(v).df()).isCloseTo(fit.armEffect(v).df(), within(1e-5));
        }
    }

    @Test
    void fixedEffectsAreTreatmentContrastsOfTheCellMeans() {
        RandomInterceptFit fit = Trial.simulate(5, 16, 8, 3, 3, 2).fit();
        double[] beta = fit.fixedEffects();
        assertThat(beta).hasSize(6);
        assertThat(beta[0]).isEqualTo(fit.mean(false, 0));
        for (int v = 0; v < 3; v++) {
            double armAtVisit = beta[1] + (v > 0 ? beta[3 + v] : 0);
            assertThat(armAtVisit).isCloseTo(fit.armEffect(v).estimate(), within(1e-12));
            double control = beta[0] + (v > 0 ? beta[1 + v] : 0);
            assertThat(control).isCloseTo(fit.mean(false, v), within(1e-12));
        }
    }

    @Test
    void undefinedWhenAnArmHasNoValueAtAVisit() {
        Trial trial = Trial.simulate(1, 10, 5, 2, 3, 3);
        for (int r = 0; r < trial.value().length; r++) {
            if (trial.treated()[r] && trial.visit()[r] == 1) {
                trial.value()[r] = Double.NaN;
            }
        }
        RandomInterceptFit fit = trial.fit();
        assertThat(fit.isDefined()).isFalse();
        assertThat(fit.armEffect(0).isDefined()).isFalse();
        assertThat(fit.varianceComponents().subjectVariance()).isNaN();
    }

    @Test
    void undefinedWhenNoSubjectHasTwoValues() {
        Trial trial = Trial.simulate(2, 12, 6, 2, 3, 3);
        for (int i = 0; i < 12; i++) {
            trial.value()[2 * i + (i % 2)] = Double.NaN;
        }
        assertThat(trial.fit().isDefined()).isFalse();
    }

    @Test
    void rejectsInconsistentInput() {
        Trial trial = Trial.simulate(4, 6, 3, 2, 1, 1);
        int rows = trial.value().length;
        assertThatThrownBy(() -> RandomInterceptModel.fit(trial.subject(), trial.visit(), trial.treated(),
                trial.value(), rows + 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RandomInterceptModel.fit(trial.subject(), trial.visit(), trial.treated(),
                trial.value(), rows, 1)).hasMessageContaining("visit 1 outside [0, 1)");
        trial.treated()[1] = !trial.treated()[0];
        assertThatThrownBy(() -> trial.fit()).hasMessageContaining("subject 0 is in both arms");
    }
}
