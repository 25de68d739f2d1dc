package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.ScenarioLoader;

/**
 * Multiple imputation under MAR holds its level under the null, on the trials of
 * {@link MmrmNullValidationTest} ({@code scenarios/duek-2021.yaml}, no mechanism, no expectancy,
 * 18% dropout at random given baseline PCL-5; 4000 trials at 96 per arm and their first 12), with
 * the default {@code analysis.imputation} (M = 20, delta 0). In the validation profile.
 *
 * <p>At 96 per arm {@code mi}'s rejections at alpha 0.05 must lie inside the central 99.9% of
 * Binomial(4000, 0.05) at every endpoint and visit (156 to 247). At 12 per arm Rubin's rules
 * are conservative (Rubin's total variance carries the posterior's small-sample inflation of
 * the residual variance, about {@code df / (df - 2)} with 15 to 17 residual df among the
 * completers, and the Barnard-Rubin t reference widens the interval again: measured 3.2% to
 * 4.6%), so there {@code mi} is held only to not exceed the band's top: never anticonservative.
 * The reference-based {@code mi-j2r} and {@code mi-cr} are conservative under the null at both
 * sizes (Rubin's variance overstates their estimator's, which the reference arm's data anchor:
 * Seaman, White &amp; Leacy 2014; Cro, Carpenter &amp; Kenward 2019), and are held to the band's
 * top too. The run prints every rate, quoted in docs/POWER.md.
 */
@Tag("slow")
class MultipleImputationNullValidationTest {

    private static final int REPLICATES = 4000;
    private static final List<Integer> SIZES = List.of(12, 96);

    @Test
    void miHoldsItsLevelOnEveryEndpointAndVisit() throws Exception {
        String text = MmrmNullValidationTest.nullWithMarDropout().replace("  methods: [mmrm, lmm, ancova]\n",
                "  methods: [mi, mi-j2r, mi-cr, ancova]\n");
        assertThat(text).contains("methods: [mi, mi-j2r, mi-cr, ancova]");
        Scenario scenario = ScenarioLoader.parse("null-mar.yaml", text).scenario();
        MmrmNullValidationTest.NullCounts counts = MmrmNullValidationTest.count(scenario, SIZES, REPLICATES);
        List<AnalysisKey> keys = counts.keys();
        AtomicIntegerArray rejected = counts.rejected();
        AtomicIntegerArray undefined = counts.undefined();
        double alpha = scenario.analysis().alpha();

        BinomialDistribution level = new BinomialDistribution(null, REPLICATES, alpha);
        int low = level.inverseCumulativeProbability(0.0005);
        int high = level.inverseCumulativeProbability(0.9995);
        System.out.printf("null, MAR dropout 18%%, %d trials, M = %d; mi band %d..%d rejections%n", REPLICATES,
                scenario.analysis().imputation().m(), low, high);
        System.out.printf("%-9s %-22s %-5s %7s %7s %7s %7s   undefined mi, j2r, cr%n", "n_per_arm", "endpoint", "visit", "mi",
                "mi-j2r", "mi-cr", "ancova");
        SoftAssertions softly = new SoftAssertions();
        for (int s = 0; s < SIZES.size(); s++) {
            for (int k = 0; k < keys.size(); k++) {
                AnalysisKey key = keys.get(k);
                if (!key.method().equals(AnalysisMethod.MI)) {
                    continue;
                }
                int mi = rejected.get(s * keys.size() + k);
                int j2r = rejected.get(s * keys.size() + keys.indexOf(other(key, AnalysisMethod.MI_J2R)));
                int cr = rejected.get(s * keys.size() + keys.indexOf(other(key, AnalysisMethod.MI_CR)));
                if (SIZES.get(s) >= 96) {
                    softly.assertThat(mi).as(SIZES.get(s) + " per arm, " + key).isBetween(low, high);
                } else {
                    softly.assertThat(mi).as(SIZES.get(s) + " per arm, " + key).isLessThanOrEqualTo(high);
                }
                softly.assertThat(j2r).as(SIZES.get(s) + " per arm, j2r, " + key).isLessThanOrEqualTo(high);
                softly.assertThat(cr).as(SIZES.get(s) + " per arm, cr, " + key).isLessThanOrEqualTo(high);
                System.out.printf("%-9d %-22s %-5s %7.4f %7.4f %7.4f %7.4f   %d, %d, %d%n", SIZES.get(s), key.endpoint().label(),
                        key.visit().label(), rate(mi), rate(j2r), rate(cr),
                        rate(rejected.get(s * keys.size() + keys.indexOf(other(key, AnalysisMethod.ANCOVA)))),
                        undefined.get(s * keys.size() + k),
                        undefined.get(s * keys.size() + keys.indexOf(other(key, AnalysisMethod.MI_J2R))),
                        undefined.get(s * keys.size() + keys.indexOf(other(key, AnalysisMethod.MI_CR))));
            }
        }
        softly.assertAll();
    }

    private static AnalysisKey other(AnalysisKey key, AnalysisMethod method) {
        return new AnalysisKey(key.contrast(), key.endpoint(), key.visit(), method);
    }

    private static double rate(int rejections) {
        return rejections / (double) REPLICATES;
    }
}
