package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.Purpose;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.models.population.PatientGenerator;

/**
 * Type S and exaggeration against the closed forms of Gelman & Carlin (2014) for a normal
 * estimate with known standard error s and true effect D: with lambda = D / s and z the
 * two-sided critical value,
 * <pre>
 *   power = Phi(-z - lambda) + 1 - Phi(z - lambda)
 *   type S = Phi(-z - lambda) / power                                   (D > 0)
 *   E(|est|; significant) = D (1 - Phi(a)) + s phi(a) - D Phi(b) + s phi(b),  a = z - lambda, b = -z - lambda
 *   exaggeration = E(|est|; significant) / power / D
 * </pre>
 * Trials are simulated as estimate = D + s * N(0, 1) and tested with the z test; the tolerances
 * are 4 Monte Carlo standard errors of the simulated quantity.
 */
class DesignAnalysisTest {

    private static final NormalDistribution PHI = new NormalDistribution(0, 1);
    private static final double Z = PHI.inverseCumulativeProbability(0.975);
    private static final int TRIALS = 200_000;

    private record Simulated(DesignAnalysis design, long significant, double sdRatio) {
    }

    private static Simulated simulate(double d, double s, int hypothesizedSign) {
        DesignAnalysis design = new DesignAnalysis(1);
        UniformRandomProvider rng = new RandomStreams(42).stream(Purpose.CALIBRATION, 7, (long) (d * 1000));
        long significant = 0;
        RunningMoments ratio = new RunningMoments();
        for (int i = 0; i < TRIALS; i++) {
            double est = d + s * PatientGenerator.standardNormal(rng);
            boolean sig = Math.abs(est / s) > Z;
            design.truth(0, d / 2.0);
            design.estimate(0, est, s, sig, d, hypothesizedSign);
            if (sig) {
                significant++;
                ratio.add(Math.abs(est) / Math.abs(d == 0 ? 1 : d));
            }
        }
        return new Simulated(design, significant, ratio.standardDeviation());
    }

    @Test
    void typeSAndExaggerationMatchGelmanAndCarlinAtALowPoweredDesign() {
        for (double lambda : new double[] {0.5, 1.0, 2.0}) {
            double s = 0.2;
            double d = lambda * s;
            Simulated sim = simulate(d, s, -1);
            double lower = PHI.cumulativeProbability(-Z - lambda);
            double power = lower + 1 - PHI.cumulativeProbability(Z - lambda);
            double typeS = lower / power;
            double a = Z - lambda;
            double b = -Z - lambda;
            double absMean = d * (1 - PHI.cumulativeProbability(a)) + s * PHI.density(a) - d * PHI.cumulativeProbability(b)
                    + s * PHI.density(b);
            double exaggeration = absMean / power / d;
            long k = sim.significant();
            assertThat((double) k / TRIALS).as("power at lambda %s", lambda)
                    .isCloseTo(power, within(4 * Math.sqrt(power * (1 - power) / TRIALS)));
            assertThat(sim.design().typeS(0)).as("type S at lambda %s", lambda)
                    .isCloseTo(typeS, within(4 * Math.sqrt(typeS * (1 - typeS) / k) + 1e-12));
            assertThat(sim.design().exaggeration(0)).as("exaggeration at lambda %s", lambda)
                    .isCloseTo(exaggeration, within(4 * sim.sdRatio() / Math.sqrt(k)));
            // the hypothesis "lower" against a positive truth: directional rejections are the wrong-sign ones
            assertThat((double) sim.design().directional(0) / TRIALS).isCloseTo(lower, within(4 * Math.sqrt(lower / TRIALS)));
            // z = estimate / s has mean lambda, SD 1
            assertThat(sim.design().meanZ(0)).isCloseTo(lambda, within(4 / Math.sqrt(TRIALS)));
            assertThat(sim.design().meanD(0)).isEqualTo(d / 2.0);
        }
    }

    @Test
    void whenTheTrueEffectIsZeroTypeSAndExaggerationAreUndefinedNotHuge() {
        Simulated sim = simulate(0, 0.2, 1);
        assertThat(sim.significant()).isPositive(); // type I errors happened
        assertThat(sim.design().typeS(0)).isNaN();
        assertThat(sim.design().exaggeration(0)).isNaN();
        // half the type I errors point the hypothesized way: alpha / 2
        assertThat((double) sim.design().directional(0) / TRIALS).isCloseTo(0.025, within(4 * Math.sqrt(0.025 * 0.975 / TRIALS)));
    }

    @Test
    void theStateSurvivesACheckpointBitForBit() throws Exception {
        Simulated sim = simulate(0.1, 0.2, -1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sim.design().write(new DataOutputStream(bytes));
        DesignAnalysis back = new DesignAnalysis(1);
        back.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back.typeS(0)).isEqualTo(sim.design().typeS(0));
        assertThat(back.exaggeration(0)).isEqualTo(sim.design().exaggeration(0));
        assertThat(back.meanZ(0)).isEqualTo(sim.design().meanZ(0));
        assertThat(back.directional(0)).isEqualTo(sim.design().directional(0));
        back.estimate(0, 0.9, 0.2, true, 0.1, -1);
        sim.design().estimate(0, 0.9, 0.2, true, 0.1, -1);
        assertThat(back.exaggeration(0)).isEqualTo(sim.design().exaggeration(0));
    }
}
