package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.stats.TestResult;

class TrialAnalysisTest {

    @Test
    void everyMethodAnswersAndTheFlatPriorPosteriorIsTheAncovaEstimate() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml")).scenario();
        Scenario.Analysis plan = new Scenario.Analysis(Scenario.Endpoint.AMYGDALA, Scenario.Visit.POST, 0.05,
                List.of(Scenario.Method.ANCOVA, Scenario.Method.LMM, Scenario.Method.WELCH, Scenario.Method.BAYES), 0, 0);
        TrialPlan tp = TrialPlan.compile(s);
        TrialOutcome trial = VirtualTrial.run(tp, new RandomStreams(3), 0, 40);
        TestResult[][][] r = new TrialAnalysis(plan, tp.controlArm().index()).run(trial);
        assertThat(r).hasDimensions(Scenario.Endpoint.values().length, 3);
        for (TestResult[][] endpoint : r) {
            for (TestResult[] visit : endpoint) {
                assertThat(visit).hasSize(4).allSatisfy(t -> assertThat(t.isDefined()).isTrue());
                TestResult ancova = visit[0];
                TestResult bayes = visit[3];
                assertThat(bayes.estimate()).isCloseTo(ancova.estimate(), within(1e-12));
                assertThat(bayes.stdError()).isCloseTo(ancova.stdError(), within(1e-12));
                double z = Math.abs(ancova.estimate() / ancova.stdError());
                assertThat(bayes.pValue()).isCloseTo(2 * (1 - new NormalDistribution(null, 0, 1).cumulativeProbability(z)), within(1e-9));
                // the mixed model and Welch estimate the same effect as ANCOVA, less efficiently
                assertThat(visit[1].df()).isGreaterThan(0);
                assertThat(visit[2].df()).isBetween(1.0, 80.0);
            }
        }
    }

    @Test
    void aScepticalPriorShrinksTheEstimateTowardItsMean() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml")).scenario();
        TrialPlan tp = TrialPlan.compile(s);
        TrialOutcome trial = VirtualTrial.run(tp, new RandomStreams(3), 0, 12);
        Scenario.Analysis flat = new Scenario.Analysis(Scenario.Endpoint.AMYGDALA, Scenario.Visit.POST, 0.05,
                List.of(Scenario.Method.BAYES), 0, 0);
        Scenario.Analysis sceptical = new Scenario.Analysis(Scenario.Endpoint.AMYGDALA, Scenario.Visit.POST, 0.05,
                List.of(Scenario.Method.BAYES), 0, 0.05);
        TestResult a = new TrialAnalysis(flat, tp.controlArm().index()).run(trial)[0][0][0];
        TestResult b = new TrialAnalysis(sceptical, tp.controlArm().index()).run(trial)[0][0][0];
        // conjugate normal: posterior mean = w * estimate, w = s0^2 / (s0^2 + se^2)
        double w = 0.05 * 0.05 / (0.05 * 0.05 + a.stdError() * a.stdError());
        assertThat(b.estimate()).isCloseTo(w * a.estimate(), within(1e-12));
        assertThat(b.stdError()).isLessThan(a.stdError());
    }
}
