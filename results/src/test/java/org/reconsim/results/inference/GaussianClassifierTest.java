package org.reconsim.results.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.results.evaluation.LocalEvaluationEngine;
import org.reconsim.models.population.PatientGenerator;

/**
 * The classifier of model recovery on closed-form toys whose Bayes accuracy is known: Gaussian
 * classes with one covariance, equal priors. The estimated accuracy must equal the analytic one
 * within its Monte Carlo error (4 binomial SEs) plus what a rule fitted on finite training data
 * loses against the true rule (for LDA about p / N in error rate: below 0.005 here, p <= 4
 * statistics and N >= 4000 training vectors).
 */
class GaussianClassifierTest {

    private static final double PHI_HALF_1_5 = new NormalDistribution().cumulativeProbability(0.75);

    /** Class h: mean h * shift, covariance with unit variances and correlation rho between statistics 0 and 1. */
    private record Toy(int classes, double[] shift, double rho) implements SummarySimulator {

        @Override
        public List<String> statistics() {
            return java.util.stream.IntStream.range(0, shift.length).mapToObj(i -> "s" + i).toList();
        }

        @Override
        public List<String> hypotheses() {
            return java.util.stream.IntStream.range(0, classes).mapToObj(i -> "h" + i).toList();
        }

        @Override
        public List<String> parameters() {
            return List.of();
        }

        @Override
        public double[] simulate(int hypothesis, double[] theta, long draw) {
            UniformRandomProvider rng = new RandomStreams(7).stream("test/toy", hypothesis, draw);
            double[] x = new double[shift.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = PatientGenerator.standardNormal(rng);
            }
            x[1] = rho * x[0] + Math.sqrt(1 - rho * rho) * x[1];
            for (int i = 0; i < x.length; i++) {
                x[i] += hypothesis * shift[i];
            }
            return x;
        }
    }

    private static double tolerance(double p, long n) {
        return 4 * Math.sqrt(p * (1 - p) / n) + 0.005;
    }

    private static Confusion recover(Toy toy, int replicates, int training) {
        try (LocalEvaluationEngine runner = new LocalEvaluationEngine(2)) {
            return ModelRecovery.run(toy, new double[0], replicates, training, runner, n -> { });
        }
    }

    @Test
    void twoIndependentClassesAreRecoveredAtTheBayesAccuracyPhiOfHalfTheSeparation() {
        // separation 1.5 along the first of 4 statistics, the others pure noise: Bayes accuracy Phi(0.75) = 0.773
        Confusion c = recover(new Toy(2, new double[] {1.5, 0, 0, 0}, 0), 5000, 2000);
        assertEquals(PHI_HALF_1_5, c.accuracy(), tolerance(PHI_HALF_1_5, 10000));
        // the classes are symmetric: each row's diagonal is the same Bayes accuracy
        assertEquals(PHI_HALF_1_5, c.proportion(0, 0), tolerance(PHI_HALF_1_5, 5000));
        assertEquals(PHI_HALF_1_5, c.proportion(1, 1), tolerance(PHI_HALF_1_5, 5000));
    }

    @Test
    void correlatedStatisticsAreCombinedByTheirMahalanobisDistance() {
        // shift (1, 1) with correlation 0.5: Delta^2 = d' S^-1 d = 2 / 1.5, so Bayes accuracy Phi(sqrt(4/3) / 2) = 0.718;
        // a rule ignoring the correlation would still reach it here (the shift is along an eigenvector), so shift (1, 0):
        // Delta^2 = 1 / (1 - 0.25) = 4/3 as well, but a rule treating the statistics as independent sees only Delta = 1 (0.691)
        double bayes = new NormalDistribution().cumulativeProbability(Math.sqrt(4.0 / 3) / 2);
        Confusion c = recover(new Toy(2, new double[] {1, 0, 0}, 0.5), 5000, 2000);
        assertEquals(bayes, c.accuracy(), tolerance(bayes, 10000));
    }

    @Test
    void threeClassesOnALineHaveTheAnalyticAccuracy() {
        // means 0, 1.5, 3 on one statistic: the outer classes are right with Phi(0.75), the middle one with 2 Phi(0.75) - 1
        double bayes = (PHI_HALF_1_5 + (2 * PHI_HALF_1_5 - 1) + PHI_HALF_1_5) / 3;
        Confusion c = recover(new Toy(3, new double[] {1.5, 0}, 0), 4000, 2000);
        assertEquals(bayes, c.accuracy(), tolerance(bayes, 12000));
        double middle = 2 * PHI_HALF_1_5 - 1;
        assertEquals(middle, c.proportion(1, 1), tolerance(middle, 4000));
        // the outer classes are never taken for each other beyond the middle one: P = Phi(-2.25) = 0.012
        double far = new NormalDistribution().cumulativeProbability(-2.25);
        assertEquals(far, c.proportion(0, 2), tolerance(far, 4000));
    }

    @Test
    void aConstantStatisticAndMissingValuesAreLeftOutOfTheRule() {
        // statistics: two informative ones (class means 0 and 4), a constant, one that is always NaN
        double[][][] samples = new double[2][200][];
        UniformRandomProvider rng = new RandomStreams(3).stream("test/nan", 0, 0);
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k < 200; k++) {
                double x = PatientGenerator.standardNormal(rng) + 4 * c;
                double y = PatientGenerator.standardNormal(rng) + 4 * c;
                samples[c][k] = new double[] {k % 10 == 0 ? Double.NaN : x, y, 1.0, Double.NaN};
            }
        }
        GaussianClassifier rule = GaussianClassifier.train(samples);
        assertEquals(2, rule.statisticsUsed());
        assertEquals(0, rule.classify(new double[] {0.5, 0.5, 1, Double.NaN}));
        assertEquals(1, rule.classify(new double[] {3.5, 3.5, 7, 2}));
        // a missing statistic takes its pooled mean (about 2, the boundary) and favours no class: the other one decides
        assertEquals(1, rule.classify(new double[] {Double.NaN, 3.5, 1, Double.NaN}));
        assertEquals(0, rule.classify(new double[] {0.5, Double.NaN, 1, Double.NaN}));
    }
}
