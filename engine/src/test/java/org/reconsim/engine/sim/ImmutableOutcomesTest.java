package org.reconsim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Timeline;

/** Outcomes and plans are shared across threads and tables: no caller may change one through an array. */
class ImmutableOutcomesTest {

    @Test
    void patientOutcomeCopiesItsVisitArraysOut() throws Exception {
        TrialPlan plan = TrialPlan.compile(VirtualTrialTest.duek());
        PatientOutcome p = VirtualTrial.run(plan, new RandomStreams(3), 0, 2).patients().get(0);
        double[] trace = p.traceStrength();
        p.traceStrength()[0] = 99;
        p.fearAtHome()[1] = 99;
        assertThat(p.traceStrength()).isEqualTo(trace);
        assertThat(p.fearAtHome()[1]).isNotEqualTo(99);
        assertThat(p.observed(0, 0)).isEqualTo(p.observed()[0][0]);
    }

    @Test
    void scanRecordCopiesItsArraysInAndOut() {
        double[][] series = {{1, 2}, {3, 4}};
        double[] coupling = {0.2, 0.3, 0.4};
        PatientOutcome.ScanRecord s = new PatientOutcome.ScanRecord(0, series, new double[][] {{1, 0, 2}}, new double[] {5, 6, 7},
                coupling, null);
        series[0][0] = 99;
        coupling[0] = 99;
        s.roiSeries()[1][1] = 99;
        s.glm()[0][0] = 99;
        assertThat(s.roiSeries()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(s.coupling()[0]).isEqualTo(0.2);
        assertThat(s.glm()[0][0]).isEqualTo(1);
        assertThat(s.eda()).isNull();
    }

    @Test
    void timelineAndPlanCopyTheirArrays() throws Exception {
        double[] starts = {1, 2};
        Timeline t = new Timeline(0, 1, 1, starts, 1, new double[] {0, 1, 2, 3});
        starts[0] = 50;
        t.sessionStarts()[1] = 50;
        assertThat(t.sessionCount()).isEqualTo(2);
        assertThat(t.sessionStart(0)).isEqualTo(1);
        assertThat(t.sessionStart(1)).isEqualTo(2);
        TrialPlan plan = TrialPlan.compile(VirtualTrialTest.duek());
        assertThat(plan.withRecording(true, false).roi(0)).isEqualTo(plan.roi(0));
        assertThat(plan.arms()).isUnmodifiable();
        assertThat(new TrialOutcome(0, 1, new java.util.ArrayList<>(List.of())).patients()).isUnmodifiable();
    }
}
