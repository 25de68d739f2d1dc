package org.reconsim.results.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.results.power.PowerRow;

class PowerTableTest {

    /** The terminal table printed NaN where power.csv says NA (no rejections: no sign or exaggeration error). */
    @Test
    void undefinedNumbersPrintAsNaLikeTheCsv() {
        PowerRow none = new PowerRow(4, "ketamine-vs-midazolam", "amygdala", "post", "ancova", 3, 0, 0, 0, 0.56, -0.04, 0.24, 0, 0.71, Double.NaN, Double.NaN,
                0, Double.NaN, 0);
        String text = PowerTable.format(List.of(none));
        assertThat(text).doesNotContain("NaN").contains("-0.0400").endsWith("NA            NA\n");
        // the new columns: directional power, mean z (undefined here), the true d
        assertThat(text).contains("power_dir").contains("mean_z").contains("effect_d").contains("    0.000  ")
                .contains("       NA     0.000");
    }
}
