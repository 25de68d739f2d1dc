package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.results.stats.RunningMoments;

/**
 * The prior samplers, drawn as trials draw them (one uniform per field from each replicate's
 * assurance stream), against closed-form moments. Tolerances: 4 Monte Carlo standard errors,
 * the mean's SD / sqrt(N) and the variance's sqrt((mu4 - sigma^4) / N) bounded by using the
 * sample fourth central moment.
 */
class AssurancePriorTest {

    private static final int DRAWS = 40_000;
    private static final RandomStreams STREAMS = new RandomStreams(2024);

    private static RunningMoments moments(PriorDistribution d, double[] fourth) {
        AssurancePrior prior = AssurancePrior.of(new AssurancePrior.Field("f", "text", d));
        double[] x = new double[DRAWS];
        RunningMoments m = new RunningMoments();
        for (int r = 0; r < DRAWS; r++) {
            x[r] = prior.draw(STREAMS, r)[0];
            m.add(x[r]);
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.pow(v - m.mean(), 4);
        }
        fourth[0] = sum / DRAWS;
        return m;
    }

    private static void assertMoments(PriorDistribution d, double mean, double variance) {
        double[] mu4 = new double[1];
        RunningMoments m = moments(d, mu4);
        assertThat(m.mean()).as("mean of %s", d).isCloseTo(mean, within(4 * Math.sqrt(variance / DRAWS)));
        double var = m.standardDeviation() * m.standardDeviation();
        assertThat(var).as("variance of %s", d).isCloseTo(variance, within(4 * Math.sqrt((mu4[0] - variance * variance) / DRAWS)));
    }

    @Test
    void logNormalMatchesItsClosedForm() {
        // mean exp(mu + s^2 / 2), variance (exp(s^2) - 1) exp(2 mu + s^2)
        double mu = -0.5;
        double s = 0.5;
        assertMoments(new PriorDistribution.LogNormal(mu, s, 0, Double.POSITIVE_INFINITY), Math.exp(mu + s * s / 2),
                (Math.exp(s * s) - 1) * Math.exp(2 * mu + s * s));
    }

    @Test
    void logUniformMatchesItsClosedForm() {
        // mean (b - a) / ln(b / a), E x^2 = (b^2 - a^2) / (2 ln(b / a))
        double a = 0.1;
        double b = 10;
        double mean = (b - a) / Math.log(b / a);
        assertMoments(new PriorDistribution.LogUniform(a, b), mean, (b * b - a * a) / (2 * Math.log(b / a)) - mean * mean);
    }

    @Test
    void betaMatchesItsClosedFormAlsoWhenScaled() {
        // mean a / (a + b), variance ab / ((a + b)^2 (a + b + 1)); scaled to [lo, hi]: lo + (hi - lo) x
        assertMoments(new PriorDistribution.Beta(2, 5, 0, 1), 2.0 / 7, 10.0 / (49 * 8));
        assertMoments(new PriorDistribution.Beta(0.5, 0.5, 1, 3), 2, 4 * 0.25 / 2);
    }

    @Test
    void truncatedNormalAndUniformAreUnchanged() {
        assertMoments(new PriorDistribution.Uniform(-1, 3), 1, 16.0 / 12);
        assertMoments(new PriorDistribution.Normal(0.5, 0.1, -10, 10), 0.5, 0.01);
    }

    @Test
    void aDiscretePriorOverMechanismHypothesesDrawsEachWithItsProbability() {
        PriorDistribution.Discrete d = new PriorDistribution.Discrete(List.of("restabilization-blockade", "plasticity-window", "null"),
                List.of(0.4, 0.3, 0.3));
        AssurancePrior.Field field = new AssurancePrior.Field(AssurancePrior.MECHANISMS, "text", d);
        AssurancePrior prior = AssurancePrior.of(field);
        int[] counts = new int[3];
        for (int r = 0; r < DRAWS; r++) {
            counts[(int) prior.draw(STREAMS, r)[0]]++;
        }
        double[] p = {0.4, 0.3, 0.3};
        for (int k = 0; k < 3; k++) {
            assertThat((double) counts[k] / DRAWS).isCloseTo(p[k], within(4 * Math.sqrt(p[k] * (1 - p[k]) / DRAWS)));
        }
        assertThat(field.category(2)).isEqualTo("null");
        assertThat(AssurancePrior.value(field, 2)).isEqualTo(List.of());
        assertThat(AssurancePrior.value(field, 0)).isEqualTo(List.of("restabilization-blockade"));
        assertThat(prior.discrete()).isTrue();
    }

    @Test
    void correlatedNormalPriorsHaveTheCorrelationAndAnUncorrelatedFieldDrawsWhatItDrewAlone() {
        double rho = 0.6;
        AssurancePrior.Field a = new AssurancePrior.Field("a", "normal(0,1,-50,50)", new PriorDistribution.Normal(0, 1, -50, 50));
        AssurancePrior.Field b = new AssurancePrior.Field("b", "normal(0,2,-50,50)", new PriorDistribution.Normal(0, 2, -50, 50));
        AssurancePrior.Field c = new AssurancePrior.Field("c", "uniform(0,1)", new PriorDistribution.Uniform(0, 1));
        AssurancePrior joint = new AssurancePrior(List.of(c, a, b), new double[][] {{1, 0, 0}, {0, 1, rho}, {0, rho, 1}});
        AssurancePrior alone = AssurancePrior.of(c);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int r = 0; r < DRAWS; r++) {
            double[] v = joint.draw(STREAMS, r);
            assertThat(v[0]).isEqualTo(alone.draw(STREAMS, r)[0]);
            sxy += v[1] * v[2];
            sxx += v[1] * v[1];
            syy += v[2] * v[2];
        }
        // the sample correlation of a bivariate normal has SE (1 - rho^2) / sqrt(N)
        assertThat(sxy / Math.sqrt(sxx * syy)).isCloseTo(rho, within(4 * (1 - rho * rho) / Math.sqrt(DRAWS) + 4.0 / DRAWS));
        assertThat(joint.text()).isEqualTo("c~uniform(0,1);a~normal(0,1,-50,50);b~normal(0,2,-50,50);corr(a,b)=0.6");
    }

    @Test
    void aMatrixThatIsNotACorrelationMatrixIsRefused() {
        AssurancePrior.Field a = new AssurancePrior.Field("a", "u", new PriorDistribution.Uniform(0, 1));
        AssurancePrior.Field b = new AssurancePrior.Field("b", "u", new PriorDistribution.Uniform(0, 1));
        AssurancePrior.Field c = new AssurancePrior.Field("c", "u", new PriorDistribution.Uniform(0, 1));
        assertThatThrownBy(() -> new AssurancePrior(List.of(a, b, c), new double[][] {{1, 0.9, 0.9}, {0.9, 1, -0.9}, {0.9, -0.9, 1}}))
                .hasMessage("the correlations are not a valid correlation matrix (not positive definite)");
    }
}
