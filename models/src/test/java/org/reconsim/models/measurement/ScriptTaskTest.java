package org.reconsim.models.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ScriptTaskTest {

    private final ScriptTask task = ScriptTask.duek2023();

    @Test
    void eventsGiveOnsetsDurationsAndBidsLabels() {
        List<ScriptEvent> ev = task.events();
        assertThat(ev).hasSize(9);
        assertThat(ev.get(0)).isEqualTo(new ScriptEvent(10, 30, Script.TRAUMA));
        assertThat(ev.get(1)).isEqualTo(new ScriptEvent(70, 30, Script.SAD));
        assertThat(ev.get(8).onset()).isEqualTo(490);
        assertThat(ev.stream().map(e -> e.script().label()).distinct()).containsExactly("trauma", "sad", "relax");
        assertThat(task.volumes()).isEqualTo(550);
        assertThat(task.durationSeconds()).isEqualTo(550);
    }

    @Test
    void boxcarsCoverThirtyVolumesPerScriptAndDoNotOverlap() {
        double[] sum = new double[task.volumes()];
        for (Script s : Script.values()) {
            double[] b = task.boxcar(s);
            double n = 0;
            for (int j = 0; j < b.length; j++) {
                n += b[j];
                sum[j] += b[j];
            }
            assertThat(n).isEqualTo(90);
        }
        assertThat(sum).containsOnly(0.0, 1.0);
        assertThat(task.boxcar(Script.TRAUMA)[9]).isZero();
        assertThat(task.boxcar(Script.TRAUMA)[10]).isEqualTo(1);
        assertThat(task.boxcar(Script.TRAUMA)[39]).isEqualTo(1);
        assertThat(task.boxcar(Script.TRAUMA)[40]).isZero();
        // shifted window: volumes 15..44
        boolean[] w = task.window(Script.TRAUMA, 5);
        assertThat(w[14]).isFalse();
        assertThat(w[15]).isTrue();
        assertThat(w[44]).isTrue();
        assertThat(w[45]).isFalse();
    }

    @Test
    void regressorIsTheMicrotimeConvolutionOfTheBoxcar() {
        // brute force: boxcar at dt = tr / 16, convolved with the HRF kernel at dt, every 16th bin
        double dt = task.trSeconds() / 16;
        double[] h = Hrf.SPM_CANONICAL.kernel(dt);
        int micro = task.volumes() * 16;
        double[] box = new double[micro];
        for (ScriptEvent e : task.events()) {
            if (e.script() == Script.RELAX) {
                for (int i = (int) Math.round(e.onset() / dt); i < Math.round((e.onset() + e.duration()) / dt); i++) {
                    box[i] = 1;
                }
            }
        }
        double[] x = task.regressor(Script.RELAX, Hrf.SPM_CANONICAL);
        for (int j = 0; j < task.volumes(); j++) {
            double s = 0;
            for (int k = 0; k < h.length && k <= 16 * j; k++) {
                s += h[k] * box[16 * j - k];
            }
            assertThat(x[j]).isCloseTo(s, within(1e-12));
        }
    }

    @Test
    void aLongBlockSettlesAtOne() {
        ScriptTask longBlock = new ScriptTask(1, 120, 40, 0, List.of(Script.TRAUMA));
        double[] x = longBlock.regressor(Script.TRAUMA, Hrf.SPM_CANONICAL);
        // after 32 s (the kernel) the block has filled the whole kernel
        assertThat(x[60]).isCloseTo(1, within(1e-12));
        assertThat(x[0]).isZero();
        assertThat(x[159]).isCloseTo(0, within(1e-12));
    }

    @Test
    void seededOrderPermutesEachCycleAndIsReproducible() {
        ScriptTask a = task.withSeededOrder(4, RandomSource.PHILOX_4X64.create(11L));
        ScriptTask b = task.withSeededOrder(4, RandomSource.PHILOX_4X64.create(11L));
        assertThat(a).isEqualTo(b);
        assertThat(a.order()).hasSize(12);
        for (int c = 0; c < 4; c++) {
            assertThat(EnumSet.copyOf(a.order().subList(3 * c, 3 * c + 3))).isEqualTo(EnumSet.allOf(Script.class));
        }
        // all 6 orders about equally often: 600 draws, 100 expected each, SD about 9
        Map<List<Script>, Integer> counts = new HashMap<>();
        UniformRandomProvider rng = RandomSource.PHILOX_4X64.create(12L);
        for (int i = 0; i < 600; i++) {
            counts.merge(task.withSeededOrder(1, rng).order(), 1, Integer::sum);
        }
        assertThat(counts).hasSize(6);
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(65, 135));
    }
}
