package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.stats.Ancova;
import org.reconsim.results.stats.TestResult;

/**
 * Every arm against the control, then the named contrasts; each contrast is the two-arm
 * analysis of its own arms' patients, which an independent ANCOVA on that subset reproduces
 * exactly.
 */
class MultiArmAnalysisTest {

    @Test
    void eachContrastIsTheTwoArmAnalysisOfItsArms() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "timing-3arm.yaml")).scenario();
        TrialPlan plan = TrialPlan.compile(s);
        TrialOutcome trial = VirtualTrial.run(plan, new RandomStreams(11), 0, 30);
        TrialResults r = new TrialAnalysis(s.analysis(), plan).analyse(trial);
        assertThat(r.layout().contrasts()).extracting(Contrast::label)
                .containsExactly("ketamine-now-vs-midazolam", "ketamine-8h-vs-midazolam", "now-vs-8h");
        for (Contrast c : r.layout().contrasts()) {
            int treatment = plan.arm(c.treatment()).index();
            int control = plan.arm(c.control()).index();
            List<PatientOutcome> pair = new ArrayList<>();
            for (PatientOutcome p : trial.patients()) {
                if (p.arm() == treatment || p.arm() == control) {
                    pair.add(p);
                }
            }
            assertThat(pair).hasSize(60);
            for (Endpoint e : List.of(Endpoint.AMYGDALA, Endpoint.CAPS5)) {
                double[] post = pair.stream().mapToDouble(p -> p.observed(Visit.POST, e)).toArray();
                double[] pre = pair.stream().mapToDouble(p -> p.observed(Visit.PRE, e)).toArray();
                boolean[] treated = new boolean[pair.size()];
                for (int i = 0; i < treated.length; i++) {
                    treated[i] = pair.get(i).arm() == treatment;
                }
                TestResult direct = Ancova.treatmentEffect(post, pre, treated, pair.size());
                TestResult keyed = r.get(new AnalysisKey(c, e, Visit.POST, AnalysisMethod.ANCOVA));
                assertThat(keyed.estimate()).isEqualTo(direct.estimate());
                assertThat(keyed.pValue()).isEqualTo(direct.pValue());
            }
        }
    }

    @Test
    void onlyScannedVisitsAreAnalysed() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "duek-2023.yaml")).scenario();
        TrialPlan plan = TrialPlan.compile(s);
        TrialResults r = new TrialAnalysis(s.analysis(), plan).analyse(VirtualTrial.run(plan, new RandomStreams(2), 0, 1));
        assertThat(r.layout().visits()).containsExactly(Visit.POST, Visit.FU30);
        assertThat(r.get(new AnalysisKey(new Contrast("ketamine", "midazolam"), Endpoint.AMYGDALA, Visit.FU30,
                AnalysisMethod.ANCOVA)).isDefined()).isTrue();
    }
}
