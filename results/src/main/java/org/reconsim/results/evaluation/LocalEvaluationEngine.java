package org.reconsim.results.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.run.ReplicateRunner;

/** Evaluations on a local thread pool ({@link ReplicateRunner}: a bounded window, outputs in input order). */
public final class LocalEvaluationEngine implements EvaluationEngine {

    private final ReplicateRunner runner;

    public LocalEvaluationEngine(int threads) {
        this.runner = new ReplicateRunner(threads);
    }

    @Override
    public Evaluator open(Evaluation evaluation) {
        return new Evaluator() {
            @Override
            public List<double[]> evaluate(List<double[]> inputs) {
                List<double[]> out = new ArrayList<>(inputs.size());
                runner.run(0, inputs.size(), i -> evaluation.evaluate(inputs.get(i)), out::add);
                return out;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String describe() {
        return runner.describe();
    }

    @Override
    public void close() {
        runner.close();
    }
}
