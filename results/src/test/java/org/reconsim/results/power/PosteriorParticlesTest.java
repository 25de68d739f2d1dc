package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.CanonicalForm;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.results.inference.ScenarioSummarySimulator;

/**
 * Whole particles drawn from a posterior as trials draw them: each particle with probability
 * proportional to its weight (a chi-square test of the counts), by inversion of the same uniform
 * a one-field {@link AssurancePrior} takes, and whole (the drawn values are one particle's, so a
 * correlation between two fields survives: the sample correlation of the draws against the
 * particles' weighted correlation, within the delta-method standard error of a correlation).
 */
class PosteriorParticlesTest {

    private static final int DRAWS = 20_000;
    private static final RandomStreams STREAMS = new RandomStreams(2025);
    private static final String KI = "pharmacology.occupancy.ki_micromolar";
    private static final String K_BLOCK = "mechanisms.restabilization_blockade.k_block";

    private static PosteriorParticles.Particle particle(int number, String hypothesis, double weight, double... values) {
        return new PosteriorParticles.Particle(number, hypothesis, weight, values);
    }

    private static PosteriorParticles posterior(List<String> fields, List<PosteriorParticles.Particle> particles) {
        return new PosteriorParticles("posterior.csv", "00", 3, fields, particles);
    }

    /** Six particles, one of weight 0; weights not normalized. */
    private static final List<PosteriorParticles.Particle> SIX = List.of(particle(10, "null", 5, 0.1, 0.2),
            particle(11, "restabilization-blockade", 2, 0.3, 0.4), particle(12, "null", 0, 0.5, 0.6),
            particle(13, "restabilization-blockade", 1.5, 0.7, 0.8), particle(14, "plasticity-window", 1, 0.9, 1.0),
            particle(15, "restabilization-blockade+plasticity-window", 0.5, 1.1, 1.2));

    @Test
    void eachParticleIsDrawnWithProbabilityProportionalToItsWeight() {
        PosteriorParticles p = posterior(List.of("a", "b"), SIX);
        double total = 10;
        int[] counts = new int[SIX.size()];
        for (int r = 0; r < DRAWS; r++) {
            counts[p.drawIndex(STREAMS, r)]++;
        }
        assertThat(counts[2]).as("a particle of weight 0 is never drawn").isZero();
        // Pearson's chi-square over the 5 particles with weight: chi-square with 4 df under the weights
        double chi2 = 0;
        for (int k = 0; k < SIX.size(); k++) {
            double expected = DRAWS * SIX.get(k).weight() / total;
            if (expected > 0) {
                chi2 += (counts[k] - expected) * (counts[k] - expected) / expected;
            }
        }
        assertThat(chi2).isLessThan(new ChiSquaredDistribution(4).inverseCumulativeProbability(0.999));
        // a hypothesis is drawn with its posterior probability: binomial, 4 standard errors
        assertThat(p.hypothesisProbabilities()).containsExactly(java.util.Map.entry("null", 0.5),
                java.util.Map.entry("restabilization-blockade", 0.35), java.util.Map.entry("plasticity-window", 0.1),
                java.util.Map.entry("restabilization-blockade+plasticity-window", 0.05));
        double blockade = (counts[1] + counts[3]) / (double) DRAWS;
        assertThat(blockade).isCloseTo(0.35, within(4 * Math.sqrt(0.35 * 0.65 / DRAWS)));
    }

    @Test
    void theDrawInvertsTheCumulativeWeightsAtTheUniformAOneFieldAssurancePriorTakes() {
        PosteriorParticles p = posterior(List.of("a", "b"), SIX);
        AssurancePrior uniform = AssurancePrior.of(new AssurancePrior.Field("u", "uniform(0,1)", new PriorDistribution.Uniform(0, 1)));
        double[] cumulative = {5, 7, 7, 8.5, 9.5, 10};
        List<PosteriorParticles.Particle> scaled = new ArrayList<>();
        for (PosteriorParticles.Particle q : SIX) {
            scaled.add(particle(q.number(), q.hypothesis(), q.weight() * 8, q.values()));
        }
        PosteriorParticles times8 = posterior(List.of("a", "b"), scaled);
        for (int r = 0; r < 2000; r++) {
            double u = uniform.draw(STREAMS, r)[0];
            int k = 0;
            while (!(u * 10 < cumulative[k])) {
                k++;
            }
            assertThat(p.drawIndex(STREAMS, r)).isEqualTo(k);
            // only relative weights matter (a power of 2 scales every sum exactly)
            assertThat(times8.drawIndex(STREAMS, r)).isEqualTo(k);
        }
    }

    @Test
    void aDrawIsOneWholeParticleSoTheJointIsKept() {
        // particles from a bivariate normal with correlation about 0.995 (y = x + 0.1 e), random weights
        SplittableRandom rng = new SplittableRandom(7);
        List<PosteriorParticles.Particle> ps = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double x = normal(rng);
            ps.add(particle(i, i % 3 == 0 ? "null" : "restabilization-blockade", 0.1 + 0.9 * rng.nextDouble(), x,
                    x + 0.1 * normal(rng)));
        }
        PosteriorParticles p = posterior(List.of(KI, K_BLOCK), ps);
        assertThat(p.columns()).containsExactly("particle", "mechanisms.active", KI, K_BLOCK);
        double[][] drawn = new double[DRAWS][];
        for (int r = 0; r < DRAWS; r++) {
            drawn[r] = p.draw(STREAMS, r);
            PosteriorParticles.Particle q = ps.get((int) drawn[r][0]);
            assertThat(drawn[r][1]).isEqualTo(drawn[r][0]);
            assertThat(new double[] {drawn[r][2], drawn[r][3]}).containsExactly(q.values());
        }
        assertThat(p.category(0, drawn[0][0])).isEqualTo(Integer.toString(ps.get((int) drawn[0][0]).number()));
        assertThat(p.category(1, drawn[0][1])).isEqualTo(ps.get((int) drawn[0][1]).hypothesis());
        assertThat(p.category(2, drawn[0][2])).isNull();

        // the population the draws sample: the particles' weighted distribution, and its correlation
        double[] w = ps.stream().mapToDouble(PosteriorParticles.Particle::weight).toArray();
        double[] x = ps.stream().mapToDouble(q -> q.values()[0]).toArray();
        double[] y = ps.stream().mapToDouble(q -> q.values()[1]).toArray();
        double[] m = Moments.weighted(x, y, w);
        double rho = m[Moments.XY] / Math.sqrt(m[Moments.XX] * m[Moments.YY]);
        assertThat(rho).isGreaterThan(0.99);
        double r = Moments.correlation(drawn);
        assertThat(r).isCloseTo(rho, within(4 * Moments.correlationSe(x, y, w, DRAWS)));
    }

    /** Weighted central moments and the delta-method standard error of a sample correlation. */
    private static final class Moments {
        static final int XX = 0;
        static final int YY = 1;
        static final int XY = 2;

        /** mu20, mu02, mu11 of the weighted points. */
        static double[] weighted(double[] x, double[] y, double[] w) {
            double[] mu = central(x, y, w);
            return new double[] {mu[0], mu[1], mu[2]};
        }

        /**
         * Weighted central moments: mu20, mu02, mu11, mu40, mu04, mu22, mu31, mu13.
         */
        static double[] central(double[] x, double[] y, double[] w) {
            double sw = 0;
            double mx = 0;
            double my = 0;
            for (int i = 0; i < w.length; i++) {
                sw += w[i];
                mx += w[i] * x[i];
                my += w[i] * y[i];
            }
            mx /= sw;
            my /= sw;
            int[][] powers = {{2, 0}, {0, 2}, {1, 1}, {4, 0}, {0, 4}, {2, 2}, {3, 1}, {1, 3}};
            double[] mu = new double[powers.length];
            for (int i = 0; i < w.length; i++) {
                for (int k = 0; k < powers.length; k++) {
                    mu[k] += w[i] / sw * Math.pow(x[i] - mx, powers[k][0]) * Math.pow(y[i] - my, powers[k][1]);
                }
            }
            return mu;
        }

        /**
         * SE of the correlation of n draws from the weighted points, by the delta method
         * (Kendall and Stuart 1977, 10.6): var r = rho^2 / (4n) [mu40/mu20^2 + mu04/mu02^2
         * + 2 mu22/(mu20 mu02) + 4 mu22/mu11^2 - 4 mu31/(mu11 mu20) - 4 mu13/(mu11 mu02)].
         */
        static double correlationSe(double[] x, double[] y, double[] w, int n) {
            double[] mu = central(x, y, w);
            double m20 = mu[0];
            double m02 = mu[1];
            double m11 = mu[2];
            double rho = m11 / Math.sqrt(m20 * m02);
            double bracket = mu[3] / (m20 * m20) + mu[4] / (m02 * m02) + 2 * mu[5] / (m20 * m02) + 4 * mu[5] / (m11 * m11)
                    - 4 * mu[6] / (m11 * m20) - 4 * mu[7] / (m11 * m02);
            return Math.sqrt(rho * rho / (4 * n) * bracket);
        }

        /** The sample correlation of columns 2 and 3 of the draws. */
        static double correlation(double[][] drawn) {
            double[] x = new double[drawn.length];
            double[] y = new double[drawn.length];
            double[] w = new double[drawn.length];
            for (int i = 0; i < drawn.length; i++) {
                x[i] = drawn[i][2];
                y[i] = drawn[i][3];
                w[i] = 1;
            }
            double[] m = weighted(x, y, w);
            return m[XY] / Math.sqrt(m[XX] * m[YY]);
        }
    }

    private static double normal(SplittableRandom rng) {
        return org.reconsim.models.population.StandardNormal.quantile((rng.nextLong() >>> 11) * 0x1.0p-53 + 0x1.0p-54);
    }

    @Test
    void aDrawnParticleSetsItsHypothesisAndEveryFreeField() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml"));
        PosteriorParticles p = posterior(List.of(KI, K_BLOCK), List.of(particle(0, "null", 1, 2.5, 0.25),
                particle(1, "restabilization-blockade+plasticity-window", 1, 0.4, 0.75)));
        Scenario none = p.scenario(loaded, new double[] {0, 0, 2.5, 0.25}).scenario();
        assertThat(ScenarioSummarySimulator.label(none)).isEqualTo("null");
        assertThat(field(none, "/pharmacology/occupancy/ki_micromolar")).isEqualTo(2.5);
        assertThat(field(none, "/mechanisms/restabilization_blockade/k_block")).isEqualTo(0.25);
        Scenario both = p.scenario(loaded, new double[] {1, 1, 0.4, 0.75}).scenario();
        assertThat(ScenarioSummarySimulator.label(both)).isEqualTo("restabilization-blockade+plasticity-window");
        assertThat(field(both, "/pharmacology/occupancy/ki_micromolar")).isEqualTo(0.4);
        assertThat(field(both, "/mechanisms/restabilization_blockade/k_block")).isEqualTo(0.75);
        assertThat(p.discrete()).isTrue();
        assertThat(p.text()).isEqualTo("posterior(posterior.csv,generation=3,particles=2,sha256=00)");
    }

    private static double field(Scenario s, String pointer) {
        return CanonicalForm.toTree(s).at(pointer).asDouble();
    }

    private static Object roundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    /** As a Spark executor receives it: the prior, and a PowerJob carrying it, simulate the same trials after serialization. */
    @Test
    void itTravelsByJavaSerializationInsideAPowerJob() throws Exception {
        PosteriorParticles p = posterior(List.of("a", "b"), SIX);
        Object back = roundTrip(p);
        assertThat(back).isEqualTo(p);
        for (int r = 0; r < 100; r++) {
            assertThat(((PosteriorParticles) back).draw(STREAMS, r)).containsExactly(p.draw(STREAMS, r));
        }
        LoadedScenario loaded = ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml"));
        PowerJob job = new PowerJob(loaded, 5, List.of(6), posterior(List.of(KI, K_BLOCK), List.of(particle(3, "null", 1, 2.5, 0.25),
                particle(4, "restabilization-blockade", 2, 0.4, 0.75))), false);
        PowerJob shipped = (PowerJob) roundTrip(job);
        for (int r = 0; r < 4; r++) {
            assertThat(shipped.simulate(r).encode()).isEqualTo(job.simulate(r).encode());
        }
    }

    @Test
    void whatCannotBeDrawnIsRefused() {
        assertThatThrownBy(() -> posterior(List.of("a"), List.of(particle(0, "null", 0, 1), particle(1, "null", 0, 2))))
                .hasMessage("the particles' weights are all 0");
        assertThatThrownBy(() -> particle(0, "null", -1, 1)).hasMessage("particle 0: weight must be finite and at least 0, got -1.0");
        assertThatThrownBy(() -> posterior(List.of("a", "b"), List.of(particle(0, "null", 1, 1))))
                .hasMessage("particle 0 has 1 values for 2 free fields");
        assertThatThrownBy(() -> posterior(List.of(AssurancePrior.MECHANISMS), List.of(particle(0, "null", 1, 1))))
                .hasMessage("mechanisms.active is each particle's hypothesis, not a free field");
        assertThatThrownBy(() -> posterior(List.of("a"), List.of())).hasMessage("a posterior needs at least one particle");
    }
}
