package org.reconsim.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Designs with more than two arms, per-arm infusion timing, named contrasts and scanned
 * visits: the bundled timing-3arm and duek-2023 scenarios load, and every inconsistent design
 * gets its one line.
 */
class MultiArmScenarioTest {

    private static final String THREE_ARMS = String.join("\n",
            "name: t",
            "design:",
            "  arms:",
            "    - {name: now, drug: ketamine, dose_mg_per_kg: 0.5}",
            "    - {name: late, drug: ketamine, dose_mg_per_kg: 0.5, infusion_start_hours: 8}",
            "    - {name: mid, drug: midazolam, dose_mg_per_kg: 0.045}",
            "  control_arm: mid",
            "  contrasts:",
            "    - {name: timing, treatment: now, control: late}",
            "");

    private static List<String> problems(String yaml) {
        try {
            ScenarioLoader.parse("d.yaml", yaml);
            return List.of();
        } catch (InvalidScenarioException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }

    @Test
    void threeArmsWithTheirOwnInfusionStart() throws Exception {
        Scenario s = ScenarioLoader.parse("d.yaml", THREE_ARMS).scenario();
        assertThat(s.design().arms()).extracting(a -> a.infusionStartHours(s.protocol())).containsExactly(0.0, 8.0, 0.0);
        assertThat(s.design().contrasts()).containsExactly(new ArmContrast("timing", "now", "late"));
        Timeline t = Timeline.of(s);
        // the PE sessions follow the protocol's infusion start in every arm
        assertThat(t.sessionStart(0) - t.retrievalEnd()).isCloseTo(24.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(t.infusionStart(8) - t.retrievalEnd()).isCloseTo(8.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void bundledTimingAndDuek2023Scenarios() throws Exception {
        Scenario timing = ScenarioLoader.load(Path.of("../scenarios/timing-3arm.yaml")).scenario();
        assertThat(timing.design().arms()).extracting(Arm::name).containsExactly("ketamine-now", "ketamine-8h", "midazolam");
        assertThat(timing.design().arms().get(1).infusionStartHours(timing.protocol())).isEqualTo(8.0);
        Scenario d23 = ScenarioLoader.load(Path.of("../scenarios/duek-2023.yaml")).scenario();
        assertThat(d23.design().arms()).extracting(a -> a.allocation() * d23.design().nPerArm()).containsExactly(14, 13);
        assertThat(d23.protocol().peSessions().count()).isEqualTo(4);
        assertThat(d23.protocol().visits().scanned()).containsExactly(Visit.PRE, Visit.POST, Visit.FU30);
    }

    @Test
    void contrastsNameTwoDifferentArmsOnce() {
        String bad = THREE_ARMS.replace("    - {name: timing, treatment: now, control: late}", String.join("\n",
                "    - {name: timing, treatment: now, control: lat}",
                "    - {name: timing, treatment: now, control: now}",
                "    - {name: again, treatment: now, control: mid}",
                "    - {name: 'a b', treatment: late, control: now}"));
        assertThat(problems(bad)).containsExactlyInAnyOrder(
                "d.yaml:9: design.contrasts[0].control: 'lat' is not an arm; allowed: now, late, mid",
                "d.yaml:10: design.contrasts[1].name: duplicate contrast name 'timing'",
                "d.yaml:10: design.contrasts[1].control: a contrast compares two different arms, got 'now' twice",
                "d.yaml:11: design.contrasts[2]: now is already compared with mid",
                "d.yaml:12: design.contrasts[3].name: contrast names use letters, digits, '-' and '_' only, got 'a b'");
    }

    @Test
    void scannedVisitsHoldPreAndPostAndEveryAnalysedVisit() {
        String bad = THREE_ARMS + String.join("\n",
                "protocol:",
                "  visits: {scanned: [pre, fu30, fu30]}",
                "analysis:",
                "  primary_visit: fu90",
                "");
        assertThat(problems(bad)).containsExactlyInAnyOrder(
                "d.yaml:11: protocol.visits.scanned: must include pre and post, got [pre, fu30, fu30]",
                "d.yaml:11: protocol.visits.scanned[2]: visits are listed once each, in the order pre, post, fu30, fu90",
                "d.yaml:13: analysis.primary_visit: 'fu90' is not scanned; scanned: pre, fu30, fu30");
    }

    @Test
    void everyArmHoldsTwoPatients() {
        assertThat(problems(THREE_ARMS.replace("  control_arm: mid", "  control_arm: mid\n  n_per_arm: 1")))
                .containsExactly("d.yaml:8: design.n_per_arm: the smallest arm would hold 1 patient: n_per_arm x allocation must be "
                        + "at least 2 in every arm");
    }
}
