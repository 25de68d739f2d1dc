package org.reconsim.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.results.power.PowerRow;

/** The power report states each Bayesian rule and labels its power row P(rule says effect). */
class DecisionRulesTest {

    private static LoadedScenario duekWith(String methods, String extra) throws Exception {
        String text = Files.readString(Path.of("..", "scenarios", "duek-2021.yaml"));
        String alpha = "  alpha: 0.05\n";
        assertThat(text).contains(alpha);
        return ScenarioLoader.parse("rules.yaml", text.replace(alpha, "  alpha: 0.1\n  methods: " + methods + "\n" + extra));
    }

    private static PowerRow row(String analysis, int n, long rejections) {
        double p = rejections / 1000.0;
        return new PowerRow(n, "ketamine-midazolam", "amygdala", "post", analysis, 1000, rejections, 0, p, p - 0.01, p + 0.01,
                -1, 2, p - 0.011, p + 0.011, Double.NaN, Double.NaN, p / 2, -0.1, 0, java.util.Map.of());
    }

    @Test
    void aBayesianFirstAnalysisIsReportedAsItsRule(@TempDir Path dir) throws Exception {
        LoadedScenario loaded = duekWith("[bayes-t, ancova, bayes]", "  bayes_t:\n    effect_sd_per_sigma: 0.5\n");
        List<PowerRow> rows = List.of(row("bayes-t", 12, 80), row("ancova", 12, 101), row("bayes", 12, 120), row("bayes-t", 24, 95));
        Path file = dir.resolve("report.html");
        PowerReport.write(file, loaded, rows, 1, null);
        String html = Files.readString(file);
        assertThat(html).contains("<h2>Bayesian decision rules</h2>")
                .contains("bayes-t says effect when the central 90% credible interval of the effect")
                .contains("exceeds 0.95; in the hypothesized direction when P(effect in that direction | data) &gt; 0.95. "
                        + "P(rule says effect) at amygdala post: 12 per arm 0.080 (0.070-0.090); 24 per arm 0.095 (0.085-0.105)</li>")
                .contains("bayes says effect when the central 90% interval of the normal posterior")
                .contains("<th>power (Bayesian: P(rule says effect))</th>")
                .contains(">P(rule says effect) (probability, 0-1)</text>"); // the power curves' y axis: bayes-t is the first analysis
        assertThat(html.indexOf("<li>bayes-t")).isLessThan(html.indexOf("<li>bayes says"));
    }

    @Test
    void withoutABayesianAnalysisThereIsNoRuleSection(@TempDir Path dir) throws Exception {
        LoadedScenario loaded = duekWith("[ancova]", "");
        Path file = dir.resolve("report.html");
        PowerReport.write(file, loaded, List.of(row("ancova", 12, 101)), 1, null);
        String html = Files.readString(file);
        assertThat(html).doesNotContain("Bayesian decision rules").doesNotContain("P(rule says effect)").contains("<th>power</th>");
    }
}
