package org.reconsim.bench;

import java.util.SplittableRandom;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reconsim.results.stats.Ancova;
import org.reconsim.results.stats.RandomInterceptFit;
import org.reconsim.results.stats.RandomInterceptModel;
import org.reconsim.results.stats.TestResult;

/**
 * Per-replicate analyses on 100 patients (50 per arm), synthetic data with a known structure:
 * ANCOVA of the post value on baseline and arm (target under 2 us), and the random-intercept
 * mixed model fitted by REML on 4 visits (400 rows; target under 50 us). Both include the
 * p-value (regularized incomplete beta).
 *
 * <p>{@code missing}: share of post-baseline rows set to NaN (0: complete data; 0.18: the
 * scenario's dropout, as monotone dropout after a random visit), which also splits the REML
 * sufficient statistics into several subject-size groups.
 */
@State(Scope.Thread)
public class StatisticsBench extends Microbenchmark {

    private static final int PATIENTS = 100;
    private static final int VISITS = 4;

    @Param({"0.0", "0.18"})
    public double missing;

    private final double[] baseline = new double[PATIENTS];
    private final double[] post = new double[PATIENTS];
    private final boolean[] treated = new boolean[PATIENTS];
    private final int[] subject = new int[PATIENTS * VISITS];
    private final int[] visit = new int[PATIENTS * VISITS];
    private final boolean[] rowTreated = new boolean[PATIENTS * VISITS];
    private final double[] value = new double[PATIENTS * VISITS];

    @Setup
    public void data() {
        SplittableRandom random = new SplittableRandom(20210601);
        for (int i = 0; i < PATIENTS; i++) {
            treated[i] = i % 2 == 0;
            double intercept = gaussian(random);
            int droppedAfter = random.nextDouble() < missing ? random.nextInt(VISITS - 1) : VISITS;
            for (int v = 0; v < VISITS; v++) {
                int r = i * VISITS + v;
                subject[r] = i;
                visit[r] = v;
                rowTreated[r] = treated[i];
                double effect = treated[i] && v > 0 ? -0.4 : 0;
                value[r] = v > droppedAfter ? Double.NaN : 1 + intercept - 0.1 * v + effect + 0.7 * gaussian(random);
            }
            baseline[i] = value[i * VISITS];
            post[i] = value[i * VISITS + 1];
        }
        if (!RandomInterceptModel.fit(subject, visit, rowTreated, value, value.length, VISITS).isDefined()
                || Double.isNaN(Ancova.treatmentEffect(post, baseline, treated, PATIENTS).pValue())) {
            throw new IllegalStateException("synthetic data give an undefined fit");
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; good enough for synthetic benchmark data
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** {@code Ancova.treatmentEffect}: 100 patients, post ~ baseline + arm, with its t test. */
    @Benchmark
    public TestResult ancova100Patients() {
        return Ancova.treatmentEffect(post, baseline, treated, PATIENTS);
    }

    /** {@code RandomInterceptModel.fit}: 100 patients x 4 visits by REML, with Satterthwaite inputs. */
    @Benchmark
    public RandomInterceptFit remlFit100Patients4Visits() {
        return RandomInterceptModel.fit(subject, visit, rowTreated, value, value.length, VISITS);
    }

    /** The REML fit plus the arm-effect test at one visit (Satterthwaite df and p-value), as a replicate's analysis uses it. */
    @Benchmark
    public TestResult remlFitAndArmTest100Patients4Visits() {
        return RandomInterceptModel.fit(subject, visit, rowTreated, value, value.length, VISITS).armEffect(1);
    }
}
