package org.reconsim.results.analysis;

import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.results.stats.RandomInterceptFit;
import org.reconsim.results.stats.RandomInterceptModel;
import org.reconsim.results.stats.TestResult;

/**
 * {@code lmm}: {@code value ~ arm * visit + (1 | subject)} over every visit, baseline included,
 * REML with Satterthwaite df; the effect at a visit is the model's treated minus control
 * difference there. Fitted once per endpoint for all visits; a patient's missed visits are
 * dropped, the others kept.
 */
public record MixedModelAnalysis() implements EndpointAnalysis {

    @Override
    public List<TestResult> effects(EndpointData data) {
        int n = data.size();
        List<Visit> visits = data.visits();
        int levels = visits.size();
        int[] subject = new int[n * levels];
        int[] visit = new int[n * levels];
        boolean[] treated = new boolean[n * levels];
        double[] value = new double[n * levels];
        int rows = 0;
        for (int i = 0; i < n; i++) {
            for (int v = 0; v < levels; v++) {
                subject[rows] = i;
                visit[rows] = v;
                treated[rows] = data.isTreated(i);
                value[rows] = data.value(i, visits.get(v));
                rows++;
            }
        }
        RandomInterceptFit fit = RandomInterceptModel.fit(subject, visit, treated, value, rows, levels);
        List<TestResult> out = new ArrayList<>(data.testedVisits().size());
        for (Visit at : data.testedVisits()) {
            out.add(fit.armEffect(visits.indexOf(at))); // undefined, with the reason, when the fit is
        }
        return out;
    }
}
