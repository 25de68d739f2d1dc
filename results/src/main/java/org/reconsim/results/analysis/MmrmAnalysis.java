package org.reconsim.results.analysis;

import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.scenario.Visit;
import org.reconsim.results.stats.Mmrm;
import org.reconsim.results.stats.MmrmFit;
import org.reconsim.results.stats.TestResult;

/**
 * {@code mmrm}: the baseline-adjusted mixed model for repeated measures over the post-baseline
 * visits, {@code value ~ visit * (arm + baseline)} with an unstructured covariance, REML with
 * Satterthwaite df ({@link Mmrm}); the effect at a visit is the treated minus control
 * difference there, adjusted for baseline. Fitted once per endpoint for all visits; a
 * patient's missed visits are dropped and the others kept (valid under missingness at random),
 * a patient with no post-baseline value leaves the fit. An undefined fit (its reason is
 * {@link MmrmFit#reason()}) gives undefined results at every visit.
 */
public record MmrmAnalysis() implements EndpointAnalysis {

    @Override
    public List<TestResult> effects(EndpointData data) {
        List<Visit> post = data.postBaselineVisits();
        List<TestResult> out = new ArrayList<>(data.testedVisits().size());
        if (post.isEmpty()) {
            return out; // nothing to test: tested visits are post-baseline visits
        }
        double[][] values = data.postBaselineValues();
        MmrmFit fit = Mmrm.fit(data.baseline(), data.treated(), values, data.size());
        for (Visit at : data.testedVisits()) {
            out.add(fit.treatmentEffect(post.indexOf(at)));
        }
        return out;
    }
}
