package org.reconsim.results.inference;

import java.util.Arrays;

/**
 * Linear discriminant analysis with a shrunk pooled covariance: the Bayes classifier for classes
 * that are Gaussian with a common covariance, with equal prior probabilities, estimated from
 * training samples of every class.
 *
 * <p>Why this classifier (docs/INFERENCE.md, "Design discrimination"): the statistics are z values
 * of a trial's analyses; a mechanism hypothesis moves their means (the true effects differ) while
 * their spread comes from the patients and the instruments, which no hypothesis changes, so the
 * classes are close to Gaussian with nearly one covariance, where the linear rule is the Bayes
 * rule. A quadratic rule would estimate a covariance per class (3321 numbers for 81 statistics)
 * from a few hundred trials and overfit; a nearest-neighbour rule needs far more trials in that
 * many dimensions.
 *
 * <p>Estimation: each statistic is standardized by its pooled within-class standard deviation;
 * the within-class correlation matrix R is shrunk towards the identity,
 * {@code R* = (1 - lambda) R + lambda I}, with the intensity that minimizes the estimated mean
 * squared error (Schäfer and Strimmer 2005, Stat Appl Genet Mol Biol 4:32, target "D":
 * {@code lambda = sum_{i != j} Var(r_ij) / sum_{i != j} r_ij^2}, clipped to [0, 1]). The rule
 * assigns x to the class with the largest {@code a_c . z - mu_c . a_c / 2}, where z and mu_c are
 * x and the class means in standardized units and {@code R* a_c = mu_c}; ties go to the first
 * class. A statistic that is NaN (an analysis the data could not support) is replaced by its
 * pooled training mean, where it favours no class; a statistic without spread in training
 * (constant, or NaN throughout) is left out.
 */
public final class GaussianClassifier {

    /** Columns used (statistics with spread), their means for NaN, their pooled SDs. */
    private final int[] used;
    private final double[] fill;
    private final double[] sd;
    /** [class][used column]: discriminant coefficients a_c and constants mu_c . a_c / 2. */
    private final double[][] coefficients;
    private final double[] constants;
    private final double shrinkage;
    private final int statistics;

    private GaussianClassifier(int statistics, int[] used, double[] fill, double[] sd, double[][] coefficients, double[] constants,
                               double shrinkage) {
        this.statistics = statistics;
        this.used = used;
        this.fill = fill;
        this.sd = sd;
        this.coefficients = coefficients;
        this.constants = constants;
        this.shrinkage = shrinkage;
    }

    /**
     * Trains on {@code samples[c][k]}: the k-th training vector of class c (every vector of one
     * length; at least 2 per class and 2 classes).
     */
    public static GaussianClassifier train(double[][][] samples) {
        int classes = samples.length;
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes");
        }
        int p = samples[0][0].length;
        int total = 0;
        for (double[][] c : samples) {
            if (c.length < 2) {
                throw new IllegalArgumentException("every class needs at least 2 training samples");
            }
            for (double[] x : c) {
                if (x.length != p) {
                    throw new IllegalArgumentException("training vectors differ in length: " + x.length + " and " + p);
                }
            }
            total += c.length;
        }
        // pooled means (for NaN) over every training vector, then the filled class means
        double[] fillAll = new double[p];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            int n = 0;
            for (double[][] c : samples) {
                for (double[] x : c) {
                    if (!Double.isNaN(x[j])) {
                        sum += x[j];
                        n++;
                    }
                }
            }
            fillAll[j] = n == 0 ? Double.NaN : sum / n;
        }
        double[][] means = new double[classes][p];
        for (int c = 0; c < classes; c++) {
            for (double[] x : samples[c]) {
                for (int j = 0; j < p; j++) {
                    means[c][j] += value(x[j], fillAll[j]);
                }
            }
            for (int j = 0; j < p; j++) {
                means[c][j] /= samples[c].length;
            }
        }
        int df = total - classes;
        double[] sdAll = new double[p];
        int kept = 0;
        for (int j = 0; j < p; j++) {
            double ss = 0;
            for (int c = 0; c < classes; c++) {
                for (double[] x : samples[c]) {
                    double d = value(x[j], fillAll[j]) - means[c][j];
                    ss += d * d;
                }
            }
            sdAll[j] = Math.sqrt(ss / Math.max(df, 1));
            if (sdAll[j] > 0 && Double.isFinite(sdAll[j])) {
                kept++;
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException("no statistic varies in the training samples");
        }
        int[] used = new int[kept];
        for (int j = 0, k = 0; j < p; j++) {
            if (sdAll[j] > 0 && Double.isFinite(sdAll[j])) {
                used[k++] = j;
            }
        }
        double[] fill = new double[kept];
        double[] sd = new double[kept];
        for (int k = 0; k < kept; k++) {
            fill[k] = fillAll[used[k]];
            sd[k] = sdAll[used[k]];
        }
        // standardized within-class residuals y = (x - mu_c) / sd, one row per training vector
        double[][] y = new double[total][kept];
        double[][] mu = new double[classes][kept];
        int row = 0;
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < kept; k++) {
                mu[c][k] = means[c][used[k]] / sd[k];
            }
            for (double[] x : samples[c]) {
                for (int k = 0; k < kept; k++) {
                    y[row][k] = (value(x[used[k]], fill[k]) - means[c][used[k]]) / sd[k];
                }
                row++;
            }
        }
        double[][] r = new double[kept][kept];
        double lambda = shrunkCorrelation(y, df, r);
        double[][] l = cholesky(r);
        double[][] a = new double[classes][];
        double[] constants = new double[classes];
        for (int c = 0; c < classes; c++) {
            a[c] = solve(l, mu[c]);
            double dot = 0;
            for (int k = 0; k < kept; k++) {
                dot += mu[c][k] * a[c][k];
            }
            constants[c] = dot / 2;
        }
        return new GaussianClassifier(p, used, fill, sd, a, constants, lambda);
    }

    private static double value(double x, double fill) {
        return Double.isNaN(x) ? fill : x;
    }

    /**
     * Fills {@code r} with the within-class correlation matrix of the standardized residuals
     * {@code y} (divisor {@code df}, so its diagonal is 1) shrunk towards the identity; returns
     * the intensity. Var(r_ij) is estimated as Schäfer and Strimmer do: the sample variance of
     * the products {@code w_kij = y_ki y_kj}, divided by the number of samples.
     */
    private static double shrunkCorrelation(double[][] y, int df, double[][] r) {
        int n = y.length;
        int p = r.length;
        double scale = (double) n / Math.max(df, 1);
        double varSum = 0;
        double squareSum = 0;
        for (int i = 0; i < p; i++) {
            r[i][i] = 1;
            for (int j = i + 1; j < p; j++) {
                double sum = 0;
                double sumSq = 0;
                for (double[] yk : y) {
                    double w = yk[i] * yk[j];
                    sum += w;
                    sumSq += w * w;
                }
                double mean = sum / n;
                double var = n < 2 ? 0 : (sumSq - n * mean * mean) / (n - 1) / n;
                double rij = mean * scale;
                r[i][j] = rij;
                varSum += var * scale * scale;
                squareSum += rij * rij;
            }
        }
        double lambda = squareSum == 0 ? 1 : Math.max(0, Math.min(1, varSum / squareSum));
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                r[i][j] *= 1 - lambda;
                r[j][i] = r[i][j];
            }
        }
        return lambda;
    }

    /** Lower Cholesky factor; a matrix that is not positive definite gets a small ridge until it is. */
    private static double[][] cholesky(double[][] r) {
        int p = r.length;
        for (double ridge = 0; ; ridge = ridge == 0 ? 1e-10 : ridge * 10) {
            double[][] l = new double[p][p];
            boolean ok = true;
            for (int i = 0; i < p && ok; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = r[i][j] + (i == j ? ridge : 0);
                    for (int k = 0; k < j; k++) {
                        sum -= l[i][k] * l[j][k];
                    }
                    if (i == j) {
                        if (!(sum > 0)) {
                            ok = false;
                            break;
                        }
                        l[i][i] = Math.sqrt(sum);
                    } else {
                        l[i][j] = sum / l[j][j];
                    }
                }
            }
            if (ok) {
                return l;
            }
            if (ridge > 1) {
                throw new IllegalStateException("the shrunk correlation matrix is not positive definite");
            }
        }
    }

    /** x with L L^T x = b. */
    private static double[] solve(double[][] l, double[] b) {
        int p = b.length;
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < p; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }

    /** The class of {@code x} (a vector as long as the training vectors): the one with the largest discriminant. */
    public int classify(double[] x) {
        if (x.length != statistics) {
            throw new IllegalArgumentException(x.length + " statistics, trained on " + statistics);
        }
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < coefficients.length; c++) {
            double score = -constants[c];
            for (int k = 0; k < used.length; k++) {
                score += coefficients[c][k] * (value(x[used[k]], fill[k]) / sd[k]);
            }
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    /** The shrinkage intensity chosen (0: the sample correlations, 1: uncorrelated statistics). */
    public double shrinkage() {
        return shrinkage;
    }

    /** How many statistics the rule uses (those with spread in training). */
    public int statisticsUsed() {
        return used.length;
    }

    @Override
    public String toString() {
        return "GaussianClassifier[" + coefficients.length + " classes, " + used.length + " of " + statistics + " statistics, shrinkage "
                + shrinkage + ", means " + Arrays.toString(fill) + "]";
    }
}
