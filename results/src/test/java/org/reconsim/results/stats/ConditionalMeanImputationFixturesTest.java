package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.scenario.Imputation;
import org.reconsim.results.analysis.ConditionalMeanImputationAnalysis;
import org.reconsim.results.analysis.EndpointData;

/**
 * The cmi analyses against {@code fixtures/mi/make_fixtures.R}, section 5: on the 6 simulated
 * trials of the mi fixtures (24 to 160 patients, 1 to 3 post-baseline visits, monotone dropout at
 * random given baseline, one trial with gaps), under MAR, J2R and CR with delta 0 and 2, R
 * computes every conditional mean by Carpenter, Roger &amp; Kenward's joint multivariate normal
 * formulas from lm() fits (not the sequential path of the Java code), the ANCOVA by lm(), and the
 * jackknife over the patients with a baseline, pooled as rbmi's {@code pool} pools
 * {@code method_condmean(type = "jackknife")}. Estimate, standard error, z and p agree to 1e-9
 * relative (15-digit CSVs, different but equivalent solves).
 */
class ConditionalMeanImputationFixturesTest {

    @Test
    void estimateJackknifeErrorAndPEqualR() throws IOException {
        Map<Integer, EndpointData> data = MonotoneImputationFixturesTest.datasets();
        int checked = 0;
        for (String[] row : FixtureCsv.read("/fixtures/mi/cmi.csv", "dataset,strategy,delta,visit,estimate,std_error,statistic,p_value")) {
            EndpointData d = data.get(Integer.parseInt(row[0]));
            double delta = Double.parseDouble(row[2]);
            int visit = Integer.parseInt(row[3]);
            List<TestResult> effects = new ConditionalMeanImputationAnalysis(MonotoneImputationFixturesTest.strategy(row[1]),
                    new Imputation(20, delta, 0)).effects(d);
            TestResult r = effects.get(visit - 1);
            String as = "dataset " + row[0] + " " + row[1] + " delta " + row[2] + " visit " + visit;
            assertThat(r.isDefined()).as(as).isTrue();
            close(r.estimate(), row[4], as + " estimate");
            close(r.stdError(), row[5], as + " std_error");
            close(r.statistic(), row[6], as + " z");
            close(r.pValue(), row[7], as + " p");
            assertThat(r.df()).as(as + " df (normal reference)").isEqualTo(Double.POSITIVE_INFINITY);
            checked++;
        }
        assertThat(checked).isEqualTo((3 + 3 + 2 + 1 + 3 + 3) * 3 * 2); // the datasets' visits x 3 strategies x 2 deltas
    }

    private static void close(double actual, String expected, String as) {
        double e = Double.parseDouble(expected);
        assertThat(actual).as(as).isCloseTo(e, within(1e-9 * Math.abs(e) + 1e-300));
    }
}
