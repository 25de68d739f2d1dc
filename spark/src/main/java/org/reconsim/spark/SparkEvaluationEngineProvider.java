package org.reconsim.spark;

import org.reconsim.results.evaluation.EvaluationEngine;
import org.reconsim.results.evaluation.EvaluationEngineProvider;

/** {@code --engine spark} for check, calibrate, discriminate and sensitivity: evaluations on the context of {@link SparkContexts}. */
public final class SparkEvaluationEngineProvider implements EvaluationEngineProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public EvaluationEngine open(int threads, int partitions) {
        SparkContexts.Acquired c = SparkContexts.acquire(threads);
        return new SparkEvaluationEngine(c.context(), partitions, c.owned());
    }
}
