package org.reconsim.results.analysis;

import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.results.stats.Ancova;
import org.reconsim.results.stats.TestResult;

/**
 * {@code ancova}: {@code value_at_visit ~ baseline + arm} at each visit, in closed form;
 * patients who missed the visit are left out of it.
 */
public record AncovaAnalysis() implements EndpointAnalysis {

    @Override
    public List<TestResult> effects(EndpointData data) {
        double[] base = data.baseline();
        boolean[] treated = data.treated();
        List<TestResult> out = new ArrayList<>(data.testedVisits().size());
        for (Visit v : data.testedVisits()) {
            out.add(Ancova.treatmentEffect(data.valuesAt(v), base, treated, data.size()));
        }
        return out;
    }
}
