package org.reconsim.bench;

import java.util.SplittableRandom;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reconsim.engine.rng.Purpose;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.models.population.PatientGenerator;

/**
 * Not targets: the building blocks the profiles (docs/PERFORMANCE.md) found dominating the
 * engine, the latent-cause response and the ANCOVA, measured alone so their share can be checked.
 */
@State(Scope.Thread)
public class ComponentsBench extends Microbenchmark {

    private static final int N = 4096;

    private final double[] erfcArguments = new double[N];
    private int next;
    private double tStatistic = -2.1;
    private RandomStreams streams;
    private UniformRandomProvider stream;
    private long patient;

    @Setup
    public void tables() {
        SplittableRandom random = new SplittableRandom(20210601);
        for (int i = 0; i < N; i++) {
            // where erfc is neither 0 nor 2 to double precision: CR = 0.5 erfc((theta - V) / (lambda sqrt 2))
            // for V within ~0.1 of theta, and the standard normal's tail refinement (|x| / sqrt 2 in 1.4..6)
            erfcArguments[i] = -6 + 12 * random.nextDouble();
        }
        streams = new RandomStreams(20210601);
        stream = streams.stream(Purpose.MEMORY, 0, 0);
    }

    /** commons-math3 {@code Erf.erfc} (regularized gamma Q by continued fraction): what the models call. */
    @Benchmark
    public double erfcCommonsMath3() {
        return Erf.erfc(erfcArguments[next++ & (N - 1)]);
    }

    /** commons-numbers-gamma 1.2 {@code Erfc.value} (Boost rational approximations): a candidate replacement. */
    @Benchmark
    public double erfcCommonsNumbers() {
        return Erfc.value(erfcArguments[next++ & (N - 1)]);
    }

    /** The two-sided t p-value ANCOVA computes for 100 patients (df 97), as {@code StudentT}: {@code I_x(df/2, 1/2)}. */
    @Benchmark
    public double tTestPValueDf97() {
        double df = 97;
        return Beta.regularizedBeta(df / (df + tStatistic * tStatistic), 0.5 * df, 0.5);
    }

    /** The same p-value by commons-numbers-gamma 1.2 {@code RegularizedBeta.value}: a candidate replacement. */
    @Benchmark
    public double tTestPValueDf97CommonsNumbers() {
        double df = 97;
        return RegularizedBeta.value(df / (df + tStatistic * tStatistic), 0.5 * df, 0.5);
    }

    /** Opening one coordinate-addressed Philox stream, as the engine does 7 times per patient. */
    @Benchmark
    public UniformRandomProvider openPatientStream() {
        return streams.stream(Purpose.POPULATION, patient++, 3);
    }

    /** One 64-bit draw from a Philox-4x64 stream. */
    @Benchmark
    public long philoxNextLong() {
        return stream.nextLong();
    }

    /** One standard normal deviate by inversion ({@code PatientGenerator.standardNormal}), ~30 per patient. */
    @Benchmark
    public double standardNormalDeviate() {
        return PatientGenerator.standardNormal(stream);
    }
}
