package org.reconsim.results.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.stats.TestResult;

class TrialAnalysisTest {

    /**
     * Besides: in these trials dropout happens during therapy, before the post visit, so a
     * patient has every post-baseline visit or none, and the MMRM is then the per-visit ANCOVA
     * of the completers exactly (Zellner 1962; MmrmTest), df n - 3 included.
     */
    @Test
    void everyMethodAnswersAndTheFlatPriorPosteriorIsTheAncovaEstimate() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml")).scenario();
        Analysis plan = new Analysis(Endpoint.AMYGDALA, Visit.POST, 0.05,
                List.of(AnalysisMethod.ANCOVA, AnalysisMethod.LMM, AnalysisMethod.WELCH, AnalysisMethod.BAYES,
                        AnalysisMethod.MMRM), 0, 0);
        TrialPlan tp = TrialPlan.compile(s);
        TrialOutcome trial = VirtualTrial.run(tp, new RandomStreams(3), 0, 40);
        TrialResults r = new TrialAnalysis(plan, tp).analyse(trial);
        Contrast contrast = new Contrast(tp.treatmentArm().name(), tp.controlArm().name());
        assertThat(r.layout().contrasts()).containsExactly(contrast);
        assertThat(r.keys()).hasSize(Endpoint.values().length * 3 * 5);
        for (Endpoint e : Endpoint.values()) {
            for (Visit v : TrialAnalysis.VISITS) {
                TestResult ancova = r.get(new AnalysisKey(contrast, e, v, AnalysisMethod.ANCOVA));
                TestResult lmm = r.get(new AnalysisKey(contrast, e, v, AnalysisMethod.LMM));
                TestResult welch = r.get(new AnalysisKey(contrast, e, v, AnalysisMethod.WELCH));
                TestResult bayes = r.get(new AnalysisKey(contrast, e, v, AnalysisMethod.BAYES));
                TestResult mmrm = r.get(new AnalysisKey(contrast, e, v, AnalysisMethod.MMRM));
                assertThat(List.of(ancova, lmm, welch, bayes, mmrm)).allSatisfy(t -> assertThat(t.isDefined()).isTrue());
                assertThat(mmrm.estimate()).isCloseTo(ancova.estimate(), within(1e-9 * Math.abs(ancova.estimate())));
                assertThat(mmrm.stdError()).isCloseTo(ancova.stdError(), within(1e-9 * ancova.stdError()));
                assertThat(mmrm.df()).isCloseTo(ancova.df(), within(1e-6));
                assertThat(bayes.estimate()).isCloseTo(ancova.estimate(), within(1e-12));
                assertThat(bayes.stdError()).isCloseTo(ancova.stdError(), within(1e-12));
                double z = Math.abs(ancova.estimate() / ancova.stdError());
                assertThat(bayes.pValue()).isCloseTo(2 * (1 - new NormalDistribution(null, 0, 1).cumulativeProbability(z)), within(1e-9));
                // the mixed model and Welch estimate the same effect as ANCOVA, less efficiently
                assertThat(lmm.df()).isGreaterThan(0);
                assertThat(welch.df()).isBetween(1.0, 80.0);
            }
        }
    }

    /** The nested arrays the command line still takes hold the same results as the keys. */
    @Test
    void aScepticalPriorShrinksTheEstimateTowardItsMean() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml")).scenario();
        TrialPlan tp = TrialPlan.compile(s);
        TrialOutcome trial = VirtualTrial.run(tp, new RandomStreams(3), 0, 12);
        Analysis flat = new Analysis(Endpoint.AMYGDALA, Visit.POST, 0.05,
                List.of(AnalysisMethod.BAYES), 0, 0);
        Analysis sceptical = new Analysis(Endpoint.AMYGDALA, Visit.POST, 0.05,
                List.of(AnalysisMethod.BAYES), 0, 0.05);
        AnalysisKey amygdalaPost = new AnalysisKey(new Contrast(tp.treatmentArm().name(), tp.controlArm().name()),
                Endpoint.AMYGDALA, Visit.POST, AnalysisMethod.BAYES);
        TestResult a = new TrialAnalysis(flat, tp).analyse(trial).get(amygdalaPost);
        TestResult b = new TrialAnalysis(sceptical, tp).analyse(trial).get(amygdalaPost);
        // conjugate normal: posterior mean = w * estimate, w = s0^2 / (s0^2 + se^2)
        double w = 0.05 * 0.05 / (0.05 * 0.05 + a.stdError() * a.stdError());
        assertThat(b.estimate()).isCloseTo(w * a.estimate(), within(1e-12));
        assertThat(b.stdError()).isLessThan(a.stdError());
    }
}
