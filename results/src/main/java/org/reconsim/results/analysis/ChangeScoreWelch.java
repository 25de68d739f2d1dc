package org.reconsim.results.analysis;

import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.results.stats.TestResult;
import org.reconsim.results.stats.WelchTest;

/** {@code welch}: Welch's t test of the change from baseline at each visit, treatment minus control. */
public record ChangeScoreWelch() implements EndpointAnalysis {

    @Override
    public List<TestResult> effects(EndpointData data) {
        int n = data.size();
        double[] base = data.baseline();
        double[] xs = new double[n];
        double[] ys = new double[n];
        List<TestResult> out = new ArrayList<>(data.testedVisits().size());
        for (Visit v : data.testedVisits()) {
            int nx = 0;
            int ny = 0;
            for (int i = 0; i < n; i++) {
                double change = data.value(i, v) - base[i];
                if (data.isTreated(i)) {
                    xs[nx++] = change;
                } else {
                    ys[ny++] = change;
                }
            }
            out.add(WelchTest.difference(xs, nx, ys, ny));
        }
        return out;
    }
}
