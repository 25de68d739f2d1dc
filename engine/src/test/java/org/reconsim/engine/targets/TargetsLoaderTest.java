package org.reconsim.engine.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.Problem;
import org.reconsim.engine.scenario.Visit;

/** Target files bind like scenarios: every problem at once, one line each with file, line, field path and what is allowed. */
class TargetsLoaderTest {

    /** A valid target file: one finding with numbers (Duek 2021's amygdala), one stated only as a claim. */
    static final String VALID = String.join("\n",
            "name: t",                                                               // 1
            "scenario: trial.yaml",                                                  // 2
            "source: A trial report",                                                // 3
            "findings:",                                                             // 4
            "  - id: amygdala-post",                                                 // 5
            "    endpoint: amygdala",                                                // 6
            "    visit: post",                                                       // 7
            "    contrast: {treatment: ketamine, control: midazolam}",               // 8
            "    estimate: -31.78",                                                  // 9
            "    sd: 10.54",                                                         // 10
            "    interval: {lo: -52.57, hi: -11.48, level: 0.95, kind: ci}",         // 11
            "    n: {treatment: 12, control: 12}",                                   // 12
            "    claim: lower",                                                      // 13
            "    source: results",                                                   // 14
            "  - id: symptoms-post",                                                 // 15
            "    endpoint: pcl5",                                                    // 16
            "    visit: post",                                                       // 17
            "    contrast: {treatment: ketamine, control: midazolam}",               // 18
            "    n: {treatment: 14, control: 13}",                                   // 19
            "    claim: improved-equally",                                           // 20
            "    source: abstract",                                                  // 21
            "");

    @TempDir
    static Path dir;

    /** The two-arm scenario (a test resource) the target texts name as {@code trial.yaml}, beside them. */
    static String trial;

    @BeforeAll
    static void writeScenario() throws IOException {
        try (var in = TargetsLoaderTest.class.getResourceAsStream("trial.yaml")) {
            trial = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("trial.yaml"), trial);
    }

    static LoadedTargets parse(String text) throws InvalidScenarioException {
        return TargetsLoader.parse("t.yaml", text, dir);
    }

    static List<String> problems(String text) {
        try {
            parse(text);
        } catch (InvalidScenarioException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("accepted:\n" + text);
    }

    @Test
    void aValidFileBindsEveryFieldAndDerivesZ() throws Exception {
        LoadedTargets t = parse(VALID);
        assertThat(t.scenario().scenario().name()).isEqualTo("trial");
        assertThat(t.targets().findings()).hasSize(2);
        Finding a = t.finding("amygdala-post");
        assertThat(a.endpoint()).isEqualTo(Endpoint.AMYGDALA);
        assertThat(a.visit()).isEqualTo(Visit.POST);
        assertThat(a.contrast().label()).isEqualTo("ketamine-vs-midazolam");
        assertThat(a.interval()).isEqualTo(new Interval(-52.57, -11.48, 0.95, IntervalKind.CI));
        assertThat(a.n()).isEqualTo(new ArmSizes(12, 12));
        assertThat(a.claim()).isEqualTo(Claim.LOWER);
        // z = estimate / sd and d = z * sqrt(1/12 + 1/12), by hand: -3.0152, -1.2309
        assertThat(a.z().getAsDouble()).isCloseTo(-3.0152, within(5e-5));
        assertThat(a.impliedD().getAsDouble()).isCloseTo(-1.2309, within(5e-5));
        Finding s = t.finding("symptoms-post");
        assertThat(s.claim()).isEqualTo(Claim.IMPROVED_EQUALLY);
        assertThat(s.hasEstimate()).isFalse();
        assertThat(s.z()).isEmpty();
        assertThat(s.impliedD()).isEmpty();
        assertThat(s.interval()).isNull();
    }

    @Test
    void unknownFieldNamesTheAllowedOnes() {
        assertThat(problems(VALID.replace("    claim: lower\n", "    claim: lower\n    p_value: 0.003\n"))).containsExactly(
                "t.yaml:14: findings[0].p_value: unknown field; allowed here: id, endpoint, visit, contrast, estimate, sd, "
                        + "interval, n, claim, units, source, note");
        assertThat(problems(VALID.replace("name: t\n", "name: t\ntrial: x\n"))).containsExactly(
                "t.yaml:2: trial: unknown field; allowed here: name, description, scenario, source, findings");
    }

    @Test
    void anSdOrIntervalWithoutItsEstimate() {
        assertThat(problems(VALID.replace("    estimate: -31.78\n", ""))).containsExactly(
                "t.yaml:5: findings[0].estimate: missing: sd and interval belong to a published estimate; give it, "
                        + "or leave the numbers out for a finding stated only as a claim");
        assertThat(problems(VALID.replace("    sd: 10.54\n", ""))).containsExactly(
                "t.yaml:5: findings[0].sd: missing: a published estimate needs its posterior SD (z = estimate / sd)");
    }

    @Test
    void sdMustBePositive() {
        assertThat(problems(VALID.replace("sd: 10.54", "sd: 0"))).containsExactly(
                "t.yaml:10: findings[0].sd: out of range: allowed 0 < x, got 0");
        assertThat(problems(VALID.replace("sd: 10.54", "sd: -10.54"))).containsExactly(
                "t.yaml:10: findings[0].sd: out of range: allowed 0 < x, got -10.54");
    }

    @Test
    void theIntervalMustBeOrderedAndContainTheEstimate() {
        assertThat(problems(VALID.replace("hi: -11.48", "hi: -40"))).containsExactly(
                "t.yaml:11: findings[0].interval: must contain the estimate -31.78, got [-52.57, -40]");
        assertThat(problems(VALID.replace("{lo: -52.57, hi: -11.48", "{lo: -11.48, hi: -52.57"))).containsExactly(
                "t.yaml:11: findings[0].interval.hi: must be greater than lo (-11.48), got -52.57");
        assertThat(problems(VALID.replace("level: 0.95", "level: 95"))).containsExactly(
                "t.yaml:11: findings[0].interval.level: out of range: allowed 0 < x < 1, got 95");
        assertThat(problems(VALID.replace("kind: ci}", "kind: bayes}"))).containsExactly(
                "t.yaml:11: findings[0].interval.kind: expected one of ci, hdi, equal-tailed, got 'bayes'");
    }

    @Test
    void endpointsComeFromTheRegistry() {
        String registered = String.join(", ", Arrays.stream(Endpoint.values()).map(Endpoint::label).toList());
        assertThat(registered).startsWith("amygdala, hippocampus, vmpfc, scr, amygdala_hippocampus, hippocampus_vmpfc, amygdala_vmpfc, pcl5, caps5");
        assertThat(problems(VALID.replace("endpoint: amygdala", "endpoint: insula"))).containsExactly(
                "t.yaml:6: findings[0].endpoint: expected one of " + registered + ", got 'insula'");
    }

    @Test
    void unknownVisit() {
        assertThat(problems(VALID.replace("    visit: post\n    contrast: {treatment: ketamine, control: midazolam}\n    estimate",
                "    visit: week2\n    contrast: {treatment: ketamine, control: midazolam}\n    estimate"))).containsExactly(
                "t.yaml:7: findings[0].visit: expected one of pre, post, fu30, fu90, got 'week2'");
    }

    @Test
    void armsComeFromTheNamedScenario() {
        assertThat(problems(VALID.replace("{treatment: ketamine, control: midazolam}\n    estimate",
                "{treatment: placebo, control: midazolam}\n    estimate"))).containsExactly(
                "t.yaml:8: findings[0].contrast.treatment: 'placebo' is not an arm of scenario 'trial'; allowed: ketamine, midazolam");
        assertThat(problems(VALID.replace("{treatment: ketamine, control: midazolam}\n    estimate",
                "{treatment: midazolam, control: midazolam}\n    estimate"))).containsExactly(
                "t.yaml:8: findings[0].contrast.control: must differ from treatment ('midazolam')");
    }

    @Test
    void claimsComeFromAClosedVocabularyAndAgreeWithTheNumbers() {
        assertThat(problems(VALID.replace("claim: lower", "claim: reduced"))).containsExactly(
                "t.yaml:13: findings[0].claim: expected one of lower, higher, no-difference, both-improve, improved-equally, "
                        + "got 'reduced'");
        assertThat(problems(VALID.replace("claim: lower", "claim: higher"))).containsExactly(
                "t.yaml:13: findings[0].claim: 'higher' contradicts the estimate -31.78 (treatment minus control): "
                        + "higher needs a positive estimate");
        assertThat(problems(VALID.replace("    visit: post\n    contrast: {treatment: ketamine, control: midazolam}\n    n:",
                "    visit: pre\n    contrast: {treatment: ketamine, control: midazolam}\n    n:"))).containsExactly(
                "t.yaml:17: findings[1].visit: 'improved-equally' is a change from pre: use post, fu30 or fu90");
    }

    @Test
    void sizesIdsAndRequiredFields() {
        assertThat(problems(VALID.replace("n: {treatment: 14, control: 13}", "n: {treatment: 0, control: 13}"))).containsExactly(
                "t.yaml:19: findings[1].n.treatment: out of range: allowed 1 <= x, got 0");
        assertThat(problems(VALID.replace("id: symptoms-post", "id: amygdala-post"))).containsExactly(
                "t.yaml:15: findings[1].id: duplicate id 'amygdala-post'");
        assertThat(problems(VALID.replace("    source: abstract\n", ""))).containsExactly(
                "t.yaml:15: findings[1].source: missing required field (Where in the publication the finding is stated "
                        + "(section, page, table))");
        assertThat(problems("name: t\nscenario: trial.yaml\nsource: x\nfindings: []\n")).containsExactly(
                "t.yaml:4: findings: expected at least 1 entries, got 0");
        assertThat(problems("")).containsExactly(
                "t.yaml: the file is empty: a target file needs at least 'name', 'scenario', 'source' and 'findings'");
    }

    @Test
    void aMissingScenarioIsReportedWithTheOperatingSystemsReason() {
        assertThat(problems(VALID.replace("scenario: trial.yaml", "scenario: ../nowhere/trial.yaml"))).containsExactly(
                "t.yaml:2: scenario: cannot read " + dir.getParent().resolve("nowhere/trial.yaml") + ": No such file or directory");
    }

    @Test
    void anInvalidScenarioPassesItsProblemsOn() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), trial.replace("0.045", "-1"));
        assertThat(problems(VALID.replace("scenario: trial.yaml", "scenario: bad.yaml"))).containsExactly(
                "t.yaml:2: scenario: not a valid scenario: " + dir.resolve("bad.yaml")
                        + ":7: design.arms[1].dose_mg_per_kg: out of range: allowed 0 <= x <= 10, got -1");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String bad = VALID.replace("sd: 10.54", "sd: 0").replace("endpoint: pcl5", "endpoint: mood").replace("claim: improved-equally",
                "claim: better");
        assertThat(problems(bad)).hasSize(3).allMatch(line -> line.startsWith("t.yaml:"));
    }

    @Test
    void aTargetFileIsToldFromAScenarioByItsTopLevel() throws Exception {
        Path targets = Files.writeString(dir.resolve("t.yaml"), VALID);
        assertThat(TargetsLoader.isTargetFile(targets)).isTrue();
        assertThat(TargetsLoader.isTargetFile(dir.resolve("trial.yaml"))).isFalse();
        assertThat(TargetsLoader.isTargetFile(dir.resolve("absent.yaml"))).isFalse();
        assertThat(TargetsLoader.load(targets).targets().name()).isEqualTo("t");
        // JSON with the same fields binds to the same findings
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(
                tools.jackson.dataformat.yaml.YAMLMapper.builder().build().readTree(VALID));
        assertThat(TargetsLoader.parse("t.json", json, dir).targets()).isEqualTo(parse(VALID).targets());
    }
}
