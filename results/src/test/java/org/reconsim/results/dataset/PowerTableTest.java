package org.reconsim.results.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.results.power.PowerRow;
import org.reconsim.results.stats.UndefinedReason;

class PowerTableTest {

    private static PowerRow row(int n, long failed, Map<UndefinedReason, Long> why) {
        return new PowerRow(n, "ketamine-vs-midazolam", "amygdala", "post", "ancova", 200, 3, failed, 0.015, 0.005, 0.043, -0.04,
                0.24, 0.003, 0.043, Double.NaN, Double.NaN, 0, Double.NaN, 0, why);
    }

    /** The terminal table printed NaN where power.csv says NA (no rejections: no sign or exaggeration error). */
    @Test
    void undefinedNumbersPrintAsNaLikeTheCsv() {
        PowerRow none = new PowerRow(4, "ketamine-vs-midazolam", "amygdala", "post", "ancova", 3, 0, 0, 0, 0, 0.56, -0.04, 0.24, 0, 0.71,
                Double.NaN, Double.NaN, 0, Double.NaN, 0, PowerRow.noFailures());
        String text = PowerTable.format(List.of(none));
        assertThat(text).doesNotContain("NaN").contains("-0.0400").endsWith("NA            NA\n");
        // the new columns: directional power, mean z (undefined here), the true d
        assertThat(text).contains("power_dir").contains("mean_z").contains("effect_d").contains("    0.000  ")
                .contains("       NA     0.000");
        assertThat(PowerTable.failureNote(List.of(none))).isEmpty();
    }

    /** The failed count, its share and the reasons reach the printed table, its note and power.csv. */
    @Test
    void failedAnalysesAreCountedShownAndExplained(@TempDir Path dir) throws Exception {
        PowerRow failing = row(2, 108, Map.of(UndefinedReason.TOO_FEW_OBSERVATIONS, 100L, UndefinedReason.FLAT_REML, 8L));
        PowerRow fine = row(12, 0, PowerRow.noFailures());
        String text = PowerTable.format(List.of(failing, fine));
        assertThat(text.lines().toList().get(0)).contains("replicates       failed   power");
        assertThat(text.lines().toList().get(1)).contains("  200  108 (54.0%)   0.015  ");
        assertThat(text.lines().toList().get(2)).contains("  200            0   0.015  ");
        assertThat(PowerTable.failureNote(List.of(failing, fine))).isEqualTo(
                "Failed analyses: up to 54.0% of the virtual trials (108 of 200: ancova, 2 per arm, amygdala at post). An analysis that "
                        + "could not be carried out counts as not significant: power = rejections / all replicates, failed ones included.\n"
                        + "Why, over all rows: too_few_observations 100 (too few patients with the values the analysis needs (dropout)); "
                        + "flat_reml 8 (REML criterion flat in the variance ratio (subject and residual variance not identified)). "
                        + "Per trial: replicates.csv (--replicate-table), column failure.\n");
        Path csv = dir.resolve("power.csv");
        PowerTable.writeSweep(csv, List.of(new PowerTable.SweepPoint("direct_effects[0].effect", 0.1 + 0.2, List.of(failing, fine))));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("n_per_arm,contrast,endpoint,visit,analysis,replicates,rejections,failed,failure_rate,failure_reasons,"
                + "power,").endsWith(",sweep_parameter,sweep_value");
        assertThat(lines.get(1)).startsWith("2,ketamine-vs-midazolam,amygdala,post,ancova,200,3,108,0.54,"
                + "too_few_observations:100;flat_reml:8,0.015,").endsWith(",direct_effects[0].effect,0.3");
        assertThat(lines.get(2)).startsWith("12,ketamine-vs-midazolam,amygdala,post,ancova,200,3,0,0,NA,0.015,")
                .endsWith(",direct_effects[0].effect,0.3");
    }

    @Test
    void aRowsReasonsMustAddUpToItsFailedCount() {
        assertThatThrownBy(() -> row(2, 5, Map.of(UndefinedReason.FLAT_REML, 4L))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("5 failed of 200 replicates, by reason {FLAT_REML=4}");
    }
}
