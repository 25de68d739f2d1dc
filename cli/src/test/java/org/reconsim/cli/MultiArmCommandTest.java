package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three-arm timing design and the 2023 trial through validate, run, generate and power. */
class MultiArmCommandTest {

    static final String TIMING = Path.of("..", "scenarios", "timing-3arm.yaml").toString();
    static final String DUEK_2023 = Path.of("..", "scenarios", "duek-2023.yaml").toString();

    @Test
    void timingDesignRunsThroughEveryCommand(@TempDir Path dir) throws Exception {
        assertThat(CommandLineTest.run("validate", TIMING).code()).isZero();
        CommandLineTest.Result run = CommandLineTest.run("run", TIMING, "--n-per-arm", "10", "--out", dir.resolve("run").toString());
        assertThat(run.code()).isZero();
        List<String> estimates = Files.readAllLines(dir.resolve("run/estimates.csv"));
        assertThat(estimates.stream().skip(1).map(l -> l.split(",")[2]).distinct())
                .containsExactly("ketamine-now-vs-midazolam", "ketamine-8h-vs-midazolam", "now-vs-8h");
        assertThat(CommandLineTest.run("generate", TIMING, "--n-per-arm", "5", "--out", dir.resolve("gen").toString()).code())
                .isZero();
        assertThat(Files.readAllLines(dir.resolve("gen/subjects.csv")).stream().skip(1).map(l -> l.split(",")[2]).distinct())
                .containsExactlyInAnyOrder("ketamine-now", "ketamine-8h", "midazolam");
        CommandLineTest.Result power = CommandLineTest.run("power", TIMING, "--replicates", "20", "--n-per-arm", "8", "--out",
                dir.resolve("power").toString());
        assertThat(power.code()).isZero();
        assertThat(power.out()).startsWith("Power of 3 contrasts (timing-3arm, 20 virtual trials");
        List<String> rows = Files.readAllLines(dir.resolve("power/power.csv"));
        int endpoints = org.reconsim.engine.scenario.Endpoint.values().length;
        // a row per contrast, endpoint and post-baseline visit
        assertThat(rows).hasSize(1 + 3 * endpoints * 3);
        assertThat(rows.stream().skip(1).map(l -> l.split(",")[1]).distinct())
                .containsExactly("ketamine-now-vs-midazolam", "ketamine-8h-vs-midazolam", "now-vs-8h");
        // under restabilization blockade the 8-h arm meets a closed window: its true brain effect is nil
        // (|d| < 0.01; only the PE sessions' own windows see the drug's last traces), the immediate arm's is not
        List<String> header = List.of(rows.get(0).split(","));
        int d = header.indexOf("effect_d");
        for (String endpoint : List.of("amygdala", "hippocampus", "scr", "amygdala_hippocampus", "caps5")) {
            double late = effectD(rows, d, "ketamine-8h-vs-midazolam", endpoint);
            double now = effectD(rows, d, "ketamine-now-vs-midazolam", endpoint);
            assertThat(Math.abs(late)).as(endpoint).isLessThan(0.01);
            assertThat(now).as(endpoint).isLessThan(-0.05);
        }
    }

    private static double effectD(List<String> rows, int column, String contrast, String endpoint) {
        return rows.stream().map(l -> l.split(",")).filter(c -> c[1].equals(contrast) && c[2].equals(endpoint) && c[3].equals("post"))
                .mapToDouble(c -> Double.parseDouble(c[column])).findFirst().orElseThrow();
    }

    @Test
    void duek2023PrintsItsArmSizesAndNoNinetyDayRows(@TempDir Path dir) throws Exception {
        CommandLineTest.Result run = CommandLineTest.run("run", DUEK_2023, "--out", dir.resolve("run").toString());
        assertThat(run.out()).startsWith("Simulated 1 trial(s) of 14 ketamine, 13 midazolam patients; wrote ");
        CommandLineTest.Result power = CommandLineTest.run("power", DUEK_2023, "--replicates", "10", "--out",
                dir.resolve("power").toString());
        assertThat(power.code()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("power/power.csv"));
        assertThat(rows.stream().skip(1).map(l -> l.split(",")[3]).distinct()).containsExactly("post", "fu30");
        CommandLineTest.Result one = CommandLineTest.run("power", CommandLineTest.DUEK, "--n-per-arm", "1", "--out",
                dir.resolve("one").toString());
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).isEqualTo("reconsim: --n-per-arm: 1 gives arm 'ketamine' 1 patient (n_per_arm x allocation); "
                + "every arm needs at least 2\n");
        assertThat(dir.resolve("one")).doesNotExist();
    }
}
