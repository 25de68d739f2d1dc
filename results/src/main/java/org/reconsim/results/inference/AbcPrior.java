package org.reconsim.results.inference;

import java.util.Arrays;
import java.util.List;

import org.reconsim.results.power.PriorDistribution;

/**
 * The joint prior of an ABC calibration: a prior probability per hypothesis (model) and,
 * shared by all hypotheses, an independent prior per free parameter.
 *
 * <p>The perturbation kernel works on a "kernel scale" per parameter: the logarithm for
 * log-uniform and log-normal priors (scale parameters such as Ki, whose posterior spans
 * decades: a Gaussian step on the value itself would either crawl at the small end or jump out
 * of the support at the large one), the value itself otherwise. Densities on the kernel scale
 * carry the Jacobian, so the importance weights target the same posterior either way.
 *
 * @param hypotheses  prior probability of each hypothesis (sums to 1)
 * @param parameters  prior of each free parameter, in {@link SummarySimulator#parameters()} order
 */
public record AbcPrior(double[] hypotheses, List<PriorDistribution> parameters) {

    public AbcPrior {
        hypotheses = hypotheses.clone();
        parameters = List.copyOf(parameters);
        double sum = Arrays.stream(hypotheses).sum();
        if (hypotheses.length == 0 || Math.abs(sum - 1) > 1e-9 || Arrays.stream(hypotheses).anyMatch(p -> !(p >= 0))) {
            throw new IllegalArgumentException("hypothesis prior probabilities must be non-negative and sum to 1: "
                    + Arrays.toString(hypotheses));
        }
        if (parameters.stream().anyMatch(p -> p instanceof PriorDistribution.Discrete)) {
            throw new IllegalArgumentException("a free parameter takes a continuous prior");
        }
    }

    /** Equal prior probability for each of {@code count} hypotheses. */
    public static AbcPrior uniformOver(int count, List<PriorDistribution> parameters) {
        double[] p = new double[count];
        Arrays.fill(p, 1.0 / count);
        return new AbcPrior(p, parameters);
    }

    @Override
    public double[] hypotheses() {
        return hypotheses.clone();
    }

    /** Prior probability of hypothesis {@code m}. */
    public double hypothesis(int m) {
        return hypotheses[m];
    }

    public int dimension() {
        return parameters.size();
    }

    /** Whether parameter {@code i} is perturbed on the log scale. */
    public boolean logScale(int i) {
        PriorDistribution p = parameters.get(i);
        return p instanceof PriorDistribution.LogUniform || p instanceof PriorDistribution.LogNormal;
    }

    /** The parameter values on the kernel scale. */
    public double[] toKernel(double[] theta) {
        double[] phi = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            phi[i] = logScale(i) ? Math.log(theta[i]) : theta[i];
        }
        return phi;
    }

    /** The parameter values from the kernel scale. */
    public double[] fromKernel(double[] phi) {
        double[] theta = new double[phi.length];
        for (int i = 0; i < phi.length; i++) {
            theta[i] = logScale(i) ? Math.exp(phi[i]) : phi[i];
        }
        return theta;
    }

    /**
     * Log of the parameters' prior density on the kernel scale at values {@code theta}
     * (-infinity outside the support): log pi(theta) + sum over log-scale parameters of log theta_i.
     */
    public double logDensityOnKernelScale(double[] theta) {
        double log = 0;
        for (int i = 0; i < theta.length; i++) {
            double d = parameters.get(i).density(theta[i]);
            if (!(d > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            log += Math.log(d) + (logScale(i) ? Math.log(theta[i]) : 0);
        }
        return log;
    }
}
