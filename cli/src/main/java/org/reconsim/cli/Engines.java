package org.reconsim.cli;

import java.util.ServiceLoader;

import org.reconsim.results.evaluation.EvaluationEngine;
import org.reconsim.results.evaluation.EvaluationEngineProvider;
import org.reconsim.results.evaluation.LocalEvaluationEngine;

/** The engine a command names with {@code --engine}: local threads, or one a provider on the class path offers. */
final class Engines {

    private Engines() {
    }

    /** The evaluation engine of the inference commands. */
    static EvaluationEngine evaluation(String engine, Integer partitions, int threads) {
        if (engine.equals("local")) {
            if (partitions != null) {
                throw new InvalidInputException("reconsim: --partitions applies to --engine spark only");
            }
            return new LocalEvaluationEngine(threads);
        }
        for (EvaluationEngineProvider p : ServiceLoader.load(EvaluationEngineProvider.class)) {
            if (p.name().equals(engine)) {
                return p.open(threads, partitions == null ? 0 : partitions);
            }
        }
        throw unknown(engine);
    }

    /** Why {@code engine} cannot be opened: Spark missing from the class path, or a name that is no engine. */
    static InvalidInputException unknown(String engine) {
        if (engine.equals("spark")) {
            return new InvalidInputException("reconsim: --engine spark: the Spark runner is not on the class path; run ./reconsim "
                    + "(it builds spark/ on first use) or spark-submit with spark/target/reconsim-spark.jar (see README)");
        }
        return new InvalidInputException("reconsim: --engine: expected local or spark, got '" + engine + "'");
    }
}
