package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reconsim validate} on target files (docs/TARGETS.md): told apart from scenarios by their top level. */
class ValidateTargetsTest {

    private static final String TARGETS = String.join("\n",
            "name: pilot",
            "scenario: ../duek-2021.yaml",
            "source: A trial report",
            "findings:",
            "  - id: amygdala-post",
            "    endpoint: amygdala",
            "    visit: post",
            "    contrast: {treatment: ketamine, control: midazolam}",
            "    estimate: -31.78",
            "    sd: 10.54",
            "    n: {treatment: 12, control: 12}",
            "    claim: lower",
            "    source: results",
            "");

    /** A target file in a folder beside the bundled scenarios, so that {@code ../duek-2021.yaml} resolves. */
    private static Path write(Path dir, String text) throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve("targets"));
        Files.copy(Path.of("..", "scenarios", "duek-2021.yaml"), dir.resolve("duek-2021.yaml"));
        return Files.writeString(scenarios.resolve("pilot.yaml"), text);
    }

    @Test
    void aValidTargetFileExitsZeroWithItsSummary(@TempDir Path dir) throws Exception {
        Path file = write(dir, TARGETS);
        CommandLineTest.Result r = CommandLineTest.run("validate", file.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(file + ": valid targets 'pilot' (1 finding, scenario duek-2021)\n");
    }

    @Test
    void aBadTargetFileExitsTwoWithOneLinePerProblem(@TempDir Path dir) throws Exception {
        Path file = write(dir, TARGETS.replace("sd: 10.54", "sd: 0").replace("control: midazolam", "control: placebo")
                .replace("claim: lower", "claim: smaller"));
        CommandLineTest.Result r = CommandLineTest.run("validate", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(String.join("\n",
                file + ":10: findings[0].sd: out of range: allowed 0 < x, got 0",
                file + ":12: findings[0].claim: expected one of lower, higher, no-difference, both-improve, improved-equally, "
                        + "got 'smaller'",
                ""));
        // once the fields bind, the whole-file checks speak: the arm the scenario does not have
        Path arms = write(dir.resolve("b"), TARGETS.replace("control: midazolam", "control: placebo"));
        CommandLineTest.Result a = CommandLineTest.run("validate", arms.toString());
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err()).isEqualTo(arms + ":8: findings[0].contrast.control: 'placebo' is not an arm of scenario 'duek-2021'; "
                + "allowed: ketamine, midazolam\n");
    }

    @Test
    void aMissingScenarioExitsTwo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("t.yaml"), TARGETS);
        CommandLineTest.Result r = CommandLineTest.run("validate", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(file + ":2: scenario: cannot read " + dir.getParent().resolve("duek-2021.yaml")
                + ": No such file or directory\n");
    }

    @Test
    void theBundledTargetFilesAreValid() {
        for (String name : new String[] {"duek-2021", "duek-2023"}) {
            String file = Path.of("..", "scenarios", "targets", name + ".yaml").toString();
            CommandLineTest.Result r = CommandLineTest.run("validate", file);
            assertThat(r.err()).isEmpty();
            assertThat(r.code()).isZero();
            assertThat(r.out()).isEqualTo(file + ": valid targets '" + name + "' (5 findings, scenario " + name + ")\n");
        }
    }
}
