package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconsim.cli.CommandLineTest.DUEK;
import static org.reconsim.cli.CommandLineTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.cli.CommandLineTest.Result;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What power prints and reports of a sweep, an assurance run and a single size: every sweep
 * point under its own label as a person writes it, fields that cannot vary refused, assurance
 * named as such, the target marked.
 */
class PowerReportCommandTest {

    private static final String K_BLOCK = "mechanisms.restabilization_blockade.k_block";

    /** The JSON the report embeds for tools ({@code <script type="application/json" id="reconsim-power">}). */
    static JsonNode reportData(Path report) throws Exception {
        String html = Files.readString(report);
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"reconsim-power\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("embedded data in " + report).isTrue();
        return JsonMapper.builder().build().readTree(m.group(1).replace("<\\/", "</"));
    }

    /** 0:0.3:0.1 in doubles is 0, 0.1, 0.2, 0.30000000000000004: the grid is decimal, and every output says 0.3. */
    @Test
    void everySweepPointIsInTheReportUnderItsOwnLabel(@TempDir Path dir) throws Exception {
        Result r = run("power", DUEK, "--n-per-arm", "6,8", "--replicates", "20", "--sweep", K_BLOCK + "=0:0.3:0.1",
                "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> labels = List.of("0", "0.1", "0.2", "0.3");
        assertThat(r.out()).contains("Sweep of " + K_BLOCK + " over 0, 0.1, 0.2, 0.3\n");
        for (String v : labels) {
            assertThat(r.out()).contains("\n" + K_BLOCK + " = " + v + "\n");
        }
        assertThat(r.out()).doesNotContain("0.30000000000000004").doesNotContain("E-17").doesNotContain(" = 0.0\n");
        List<String> csv = Files.readAllLines(dir.resolve("power.csv"));
        assertThat(csv.stream().skip(1).map(l -> l.substring(l.lastIndexOf(',') + 1)).distinct().toList()).isEqualTo(labels);

        JsonNode data = reportData(dir.resolve("report.html"));
        assertThat(data.get("kind").asString()).isEqualTo("power");
        assertThat(data.get("sweep").get("field").asString()).isEqualTo(K_BLOCK);
        assertThat(data.get("sweep").get("scenario_value").asString()).isEqualTo("1");
        List<String> values = new ArrayList<>();
        data.get("sweep").get("values").forEach(v -> values.add(v.asString()));
        assertThat(values).isEqualTo(labels);
        assertThat(data.get("points")).hasSize(4);
        for (int k = 0; k < 4; k++) {
            JsonNode point = data.get("points").get(k);
            assertThat(point.get("label").asString()).isEqualTo(K_BLOCK + " = " + labels.get(k));
            // every point's own rows, not the last point's: at k_block 0 there is no effect, at 0.3 there is
            assertThat(point.get("rows")).hasSize(2 * 9 * 3);
        }
        String html = Files.readString(dir.resolve("report.html"));
        for (String v : labels) {
            // one legend entry per point in each of the three visits' figures
            assertThat(html.split(Pattern.quote("</svg>" + K_BLOCK + " = " + v + "</span>"), -1)).hasSize(1 + 3);
        }
        assertThat(html).contains("Sweep of <code>" + K_BLOCK + "</code></strong> over 4 values: 0, 0.1, 0.2, 0.3 (the scenario's "
                + "own value: 1)");
    }

    @Test
    void fieldsThatCannotVaryAreRefusedInOneLine(@TempDir Path dir) {
        String[][] cases = {
            {"design.n_per_arm=12,24", "reconsim: --sweep design.n_per_arm: cannot vary: the sample sizes are the power curve's axis; "
                    + "give them with --n-per-arm (e.g. 12,24,48 or 10:60:10)"},
            {"simulation.seed=1,2", "reconsim: --sweep simulation.seed: cannot vary: the seed addresses the virtual trials, it is not a "
                    + "parameter; give it with --seed"},
            {"simulation.replicates=100,200", "reconsim: --sweep simulation.replicates: cannot vary: the replicate count is how many "
                    + "virtual trials each point runs, not a parameter; give it with --replicates"},
        };
        for (String[] c : cases) {
            Path out = dir.resolve(c[0].substring(0, c[0].indexOf('=')));
            Result bad = run("power", DUEK, "--sweep", c[0], "--out", out.toString());
            assertThat(bad.code()).as(c[0]).isEqualTo(2);
            assertThat(bad.err()).as(c[0]).isEqualTo(c[1] + "\n");
            assertThat(out).doesNotExist();
        }
        // an arm's allocation is a design a power sweep may compare (calibration refuses it: the published trial's is fixed)
        assertThat(SweepSpec.fixedReason("design.arms[0].allocation")).isNull();
    }

    @Test
    void aSingleSizeShowsPointsAndSaysSoAndAssuranceIsNamed(@TempDir Path dir) throws Exception {
        Result r = run("power", DUEK, "--n-per-arm", "6", "--replicates", "20", "--assurance", K_BLOCK + "=uniform(0,1)", "--out",
                dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Assurance of ketamine vs midazolam (duek-2021, 20 virtual trials per sample size")
                .contains("Assurance: each virtual trial drew its own " + K_BLOCK + " from the prior " + K_BLOCK
                        + "~uniform(0,1); the power column is assurance");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<h1>Assurance: duek-2021</h1>").contains("<strong>Assurance run.</strong> Each virtual trial drew its own "
                + K_BLOCK + " from the prior " + K_BLOCK + "~uniform(0,1); the curves are assurance").contains("One sample size was run: 6 patients per arm.")
                .contains("assurance (probability, 0-1)")
                .contains("r=\"3.5\"").doesNotContain("patients per arm</text>"); // points with bars, no curve panel
        JsonNode data = reportData(dir.resolve("report.html"));
        assertThat(data.get("kind").asString()).isEqualTo("assurance");
        assertThat(data.get("assurance_prior").asString()).isEqualTo(K_BLOCK + "~uniform(0,1)");
        assertThat(data.get("sizes")).hasSize(1);
        assertThat(html).contains("<li>mechanisms true for the virtual patients: restabilization-blockade</li>");
        Result drawn = run("power", DUEK, "--n-per-arm", "6", "--replicates", "20", "--assurance",
                "mechanisms.active=discrete(restabilization-blockade:0.5,null:0.5)", "--out", dir.resolve("m").toString(), "--quiet");
        assertThat(drawn.code()).as(drawn.err()).isZero();
        assertThat(Files.readString(dir.resolve("m/report.html")))
                .contains("<li>mechanisms true for the virtual patients: drawn for each trial (assurance, below)</li>");
    }
}
