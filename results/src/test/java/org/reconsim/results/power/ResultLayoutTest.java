package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;

class ResultLayoutTest {

    private static final Contrast KETAMINE = new Contrast("ketamine", "midazolam");
    private static final List<AnalysisMethod> METHODS = List.of(AnalysisMethod.WELCH, AnalysisMethod.ANCOVA, AnalysisMethod.LMM);
    private static final List<Integer> SIZES = List.of(30, 10, 20);

    private static ResultLayout layout() {
        return new ResultLayout(SIZES, new AnalysisLayout(List.of(KETAMINE), METHODS), List.of("midazolam", "ketamine"));
    }

    @Test
    void everyKeyHasItsOwnOffsetAndTheKeysComeInOffsetOrder() {
        ResultLayout layout = layout();
        assertThat(layout.size()).isEqualTo(3 * 9 * 3 * 3);
        assertThat(layout.keys()).hasSize(layout.size()).doesNotHaveDuplicates();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < layout.keys().size(); i++) {
            assertThat(layout.offset(layout.keys().get(i))).isEqualTo(i);
            assertThat(seen.add(i)).isTrue();
        }
    }

    /** The order of the loops every class used to write: size, endpoint, visit, method, offset s * cells + (e * V + v) * M + m. */
    @Test
    void theOrderIsTheOrderOfTheOldNestedLoops() {
        ResultLayout layout = layout();
        List<Endpoint> endpoints = TrialAnalysis.ENDPOINTS;
        List<Visit> visits = TrialAnalysis.VISITS;
        int cells = endpoints.size() * visits.size() * METHODS.size();
        int i = 0;
        for (int s = 0; s < SIZES.size(); s++) {
            for (int e = 0; e < endpoints.size(); e++) {
                for (int v = 0; v < visits.size(); v++) {
                    for (int m = 0; m < METHODS.size(); m++) {
                        ResultKey key = new ResultKey(SIZES.get(s), KETAMINE, endpoints.get(e), visits.get(v), METHODS.get(m));
                        assertThat(layout.keys().get(i)).isEqualTo(key);
                        assertThat(layout.offset(key)).isEqualTo(s * cells + (e * visits.size() + v) * METHODS.size() + m).isEqualTo(i);
                        i++;
                    }
                }
            }
        }
        assertThat(i).isEqualTo(layout.size());
    }

    @Test
    void aSizesKeysAreItsBlock() {
        ResultLayout layout = layout();
        List<ResultKey> ten = layout.keys(10);
        assertThat(ten).hasSize(layout.analyses().size()).allSatisfy(k -> assertThat(k.nPerArm()).isEqualTo(10));
        assertThat(layout.offset(ten.get(0))).isEqualTo(layout.analyses().size());
        assertThat(ten.stream().map(ResultKey::analysis).toList()).isEqualTo(layout.analyses().keys());
    }

    /** Arm means: [arm][visit][endpoint] over every visit and endpoint, offset (a * V + v) * E + k, as PowerJob wrote them. */
    @Test
    void armMeansAreByArmThenVisitThenEndpoint() {
        ResultLayout layout = layout();
        Visit[] visits = Visit.values();
        Endpoint[] endpoints = Endpoint.values();
        assertThat(layout.armMeanSize()).isEqualTo(2 * visits.length * endpoints.length);
        assertThat(layout.armMeanKeys()).hasSize(layout.armMeanSize()).doesNotHaveDuplicates();
        int i = 0;
        for (int a = 0; a < 2; a++) {
            for (int v = 0; v < visits.length; v++) {
                for (int k = 0; k < endpoints.length; k++) {
                    ArmMeanKey key = new ArmMeanKey(layout.arms().get(a), visits[v], endpoints[k]);
                    assertThat(layout.armMeanKeys().get(i)).isEqualTo(key);
                    assertThat(layout.armMeanOffset(key)).isEqualTo((a * visits.length + v) * endpoints.length + k).isEqualTo(i);
                    assertThat(layout.armMeanOffset(a, visits[v], endpoints[k])).isEqualTo(i);
                    i++;
                }
            }
        }
    }

    @Test
    void aKeyOutsideTheLayoutIsRefused() {
        ResultLayout layout = layout();
        assertThatThrownBy(() -> layout.offset(new ResultKey(40, KETAMINE, Endpoint.SCR, Visit.POST,
                AnalysisMethod.WELCH))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("40 per arm");
        assertThatThrownBy(() -> layout.offset(new ResultKey(10, KETAMINE, Endpoint.SCR, Visit.PRE,
                AnalysisMethod.WELCH))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> layout.offset(new ResultKey(10, KETAMINE, Endpoint.SCR, Visit.POST,
                AnalysisMethod.BAYES))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> layout.offset(new ResultKey(10, new Contrast("placebo", "midazolam"), Endpoint.SCR,
                Visit.POST, AnalysisMethod.WELCH))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> layout.armMeanOffset(new ArmMeanKey("placebo", Visit.PRE, Endpoint.SCR)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A size is a key, so two equal sizes would name the same results. */
    @Test
    void sizesMustBeDistinct() {
        assertThatThrownBy(() -> new ResultLayout(List.of(10, 10), new AnalysisLayout(List.of(KETAMINE), METHODS), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A second treatment arm adds a contrast block per size; the single-contrast offsets within it keep their formula. */
    @Test
    void contrastsAreBlocksWithinASize() {
        Contrast placebo = new Contrast("placebo", "midazolam");
        AnalysisLayout two = new AnalysisLayout(List.of(KETAMINE, placebo), METHODS);
        AnalysisLayout one = new AnalysisLayout(List.of(KETAMINE), METHODS);
        assertThat(two.size()).isEqualTo(2 * one.size());
        for (AnalysisKey k : one.keys()) {
            assertThat(two.offset(k)).isEqualTo(one.offset(k));
            AnalysisKey other = new AnalysisKey(placebo, k.endpoint(), k.visit(), k.method());
            assertThat(two.offset(other)).isEqualTo(one.size() + one.offset(k));
        }
        assertThat(two.keys()).doesNotHaveDuplicates();
        for (int i = 0; i < two.keys().size(); i++) {
            assertThat(two.offset(two.keys().get(i))).isEqualTo(i);
        }
    }
}
