package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconsim.cli.CommandLineTest.DUEK;
import static org.reconsim.cli.CommandLineTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.cli.CommandLineTest.Result;

/**
 * {@code power --target-power}: a stochastic root search for the size, not a grid read-off. The
 * size it returns has simulated power at or above the target while the size below it does not,
 * its power's interval brackets the target, and the size's interval contains it; the same search
 * on another thread count gives the same files; what it sizes for is chosen by --endpoint,
 * --visit, --analysis and --contrast, each refused in one line when the scenario has no such name.
 */
class SampleSizeCommandTest {

    /** duek-2021 as a conventional power analysis: no mechanism, a PCL-5 effect of -8 points at every visit. */
    static Path pcl5Effect(Path dir) throws Exception {
        String text = Files.readString(Path.of(DUEK));
        String active = "  active: [restabilization-blockade]\n";
        assertThat(text).contains(active);
        Path file = dir.resolve("pcl5-effect.yaml");
        Files.writeString(file, text.replace(active, "  active: []\n")
                + "direct_effects:\n  - endpoint: pcl5\n    effect: -8\n");
        return file;
    }

    private static List<String> cells(Path csv, int line) throws Exception {
        return List.of(Files.readAllLines(csv).get(line).split(",", -1));
    }

    @Test
    void theSizeFoundReachesTheTargetAndTheOneBelowDoesNot(@TempDir Path dir) throws Exception {
        Path scenario = pcl5Effect(dir);
        Result r = run("power", scenario.toString(), "--target-power", "0.8", "--endpoint", "pcl5", "--n-per-arm", "2,200",
                "--replicates", "100", "--threads", "2", "--out", dir.resolve("two").toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> header = cells(dir.resolve("two/sample-size.csv"), 0);
        List<String> row = cells(dir.resolve("two/sample-size.csv"), 1);
        assertThat(header).containsExactlyElementsOf(org.reconsim.results.dataset.SampleSizeTable.COLUMNS);
        assertThat(row.subList(0, 5)).containsExactly("0.8", "ketamine-vs-midazolam", "pcl5", "post", "ancova");
        int n = Integer.parseInt(row.get(5));
        int low = Integer.parseInt(row.get(9));
        int high = Integer.parseInt(row.get(10));
        assertThat(low).isLessThanOrEqualTo(n);
        assertThat(high).isGreaterThanOrEqualTo(n).isLessThanOrEqualTo(200);
        assertThat(Double.parseDouble(row.get(6))).isGreaterThanOrEqualTo(0.8);
        assertThat(Double.parseDouble(row.get(7))).isLessThanOrEqualTo(0.8); // the interval at n brackets the target
        assertThat(Double.parseDouble(row.get(8))).isGreaterThanOrEqualTo(0.8);
        // power.csv has every row of every size simulated; at n - 1 the pcl5 post power is below the target
        List<String> power = Files.readAllLines(dir.resolve("two/power.csv"));
        String below = power.stream().filter(l -> l.startsWith((n - 1) + ",ketamine-vs-midazolam,pcl5,post,ancova,")).findFirst()
                .orElseThrow();
        assertThat(Double.parseDouble(below.split(",")[10])).isLessThan(0.8);
        assertThat(power.stream().filter(l -> l.startsWith(n + ",")).count()).isGreaterThan(20); // all endpoints and visits
        assertThat(r.out()).contains("Target power >= 0.80 for pcl5 at post (ancova, ketamine-vs-midazolam): " + n
                + " patients per arm").contains("95% interval of the size " + low + "-" + high + " per arm.");

        Result one = run("power", scenario.toString(), "--target-power", "0.8", "--endpoint", "pcl5", "--n-per-arm", "2,200",
                "--replicates", "100", "--threads", "1", "--out", dir.resolve("one").toString(), "--quiet");
        assertThat(one.code()).as(one.err()).isZero();
        for (String f : List.of("power.csv", "sample-size.csv", "report.html")) {
            assertThat(Files.readString(dir.resolve("one").resolve(f))).as(f).isEqualTo(Files.readString(dir.resolve("two").resolve(f)));
        }
        String html = Files.readString(dir.resolve("two/report.html"));
        assertThat(html).contains("\"target_size\":" + n).contains("\"target_size_low\":" + low)
                .contains("\"target_endpoint\":\"pcl5\"").contains("class=\"target\""); // the target line
    }

    @Test
    void aTargetNotReachedWithinTheBoundsSaysSo(@TempDir Path dir) throws Exception {
        Result r = run("power", pcl5Effect(dir).toString(), "--target-power", "0.99", "--endpoint", "pcl5", "--visit", "fu90",
                "--n-per-arm", "2,8", "--replicates", "40", "--out", dir.resolve("out").toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Target power >= 0.99 for pcl5 at fu90 (ancova, ketamine-vs-midazolam): not reached up to 8 "
                + "patients per arm");
        assertThat(cells(dir.resolve("out/sample-size.csv"), 1).subList(5, 11)).containsExactly("NA", "NA", "NA", "NA", "NA", "NA");
    }

    @Test
    void namesTheScenarioDoesNotHaveAreRefusedBeforeAnythingRuns(@TempDir Path dir) {
        Path out = dir.resolve("out");
        Result r = run("power", DUEK, "--target-power", "0.8", "--endpoint", "pcl6", "--visit", "wk03", "--analysis", "mmrm",
                "--contrast", "a-vs-b", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("reconsim: --contrast a-vs-b: expected one of ketamine-vs-midazolam\n"
                + "reconsim: --endpoint pcl6: expected one of amygdala, hippocampus, vmpfc, scr, amygdala_hippocampus, "
                + "hippocampus_vmpfc, amygdala_vmpfc, pcl5, caps5\n"
                + "reconsim: --visit wk03: expected one of post, fu30, fu90\n"
                + "reconsim: --analysis mmrm: expected one of ancova (the scenario's analysis.methods)\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void choosingARowNeedsATargetAndASearchNeitherPrecisionNorAReplicateTable(@TempDir Path dir) {
        Result r = run("power", DUEK, "--endpoint", "caps5", "--out", dir.resolve("a").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(PowerRequest.SIZE_FOR_NEEDS_TARGET + "\n");
        r = run("power", DUEK, "--target-power", "0.8", "--precision", "0.01", "--out", dir.resolve("b").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(PowerRequest.TARGET_OR_PRECISION + "\n");
        r = run("power", DUEK, "--target-power", "0.8", "--replicate-table", "--out", dir.resolve("c").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(PowerRequest.TARGET_OR_TABLE + "\n");
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(dir.resolve("b")).doesNotExist();
        assertThat(dir.resolve("c")).doesNotExist();
    }

    @Test
    void aSweepGetsASizePerPoint(@TempDir Path dir) throws Exception {
        Result r = run("power", pcl5Effect(dir).toString(), "--target-power", "0.5", "--endpoint", "pcl5", "--n-per-arm", "2,64",
                "--replicates", "40", "--sweep", "direct_effects[0].effect=-12,-8", "--out", dir.resolve("out").toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("out/sample-size.csv"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).endsWith(",direct_effects[0].effect,-12");
        assertThat(lines.get(2)).endsWith(",direct_effects[0].effect,-8");
        // a larger effect needs fewer patients
        assertThat(Integer.parseInt(lines.get(1).split(",")[5])).isLessThan(Integer.parseInt(lines.get(2).split(",")[5]));
    }
}
