package org.reconsim.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.reconsim.results.evaluation.Evaluation;
import org.reconsim.results.evaluation.EvaluationEngine;
import org.reconsim.results.evaluation.Evaluator;

/**
 * Evaluations as Spark tasks. An opened {@link Evaluation} travels once, as a broadcast variable
 * (each executor JVM deserializes it once and rebuilds its compiled state there: a trial model
 * compiles its plans again from its scenario's canonical JSON); each batch is one Spark job over
 * {@code parallelize(inputs, partitions)}, and {@code collect} returns the outputs in input order.
 * The outputs are the evaluation's, a pure function of each input, so every output file is
 * byte-identical to the local engine's on any partitioning.
 */
final class SparkEvaluationEngine implements EvaluationEngine {

    private final JavaSparkContext sc;
    private final int partitions;
    private final boolean owned;

    /**
     * @param sc          the context evaluations run on
     * @param partitions  partitions per batch, 0 for the context's default parallelism
     * @param owned       whether {@link #close()} stops the context (only when this engine's provider created it)
     */
    SparkEvaluationEngine(JavaSparkContext sc, int partitions, boolean owned) {
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be >= 0, got " + partitions);
        }
        this.sc = sc;
        this.partitions = partitions;
        this.owned = owned;
    }

    private int partitions() {
        return partitions == 0 ? sc.defaultParallelism() : partitions;
    }

    @Override
    public Evaluator open(Evaluation evaluation) {
        Broadcast<Evaluation> shared = sc.broadcast(evaluation);
        return new Evaluator() {
            @Override
            public List<double[]> evaluate(List<double[]> inputs) {
                if (inputs.isEmpty()) {
                    return List.of();
                }
                int slices = Math.max(1, Math.min(partitions(), inputs.size()));
                List<double[]> out = sc.parallelize(new ArrayList<>(inputs), slices).mapPartitions(new Evaluate(shared)).collect();
                if (out.size() != inputs.size()) {
                    throw new IllegalStateException("Spark returned " + out.size() + " outputs for " + inputs.size() + " inputs");
                }
                return out;
            }

            @Override
            public void close() {
                shared.destroy();
            }
        };
    }

    /** The task: each input of the partition through the broadcast evaluation, in order. */
    private static final class Evaluate implements FlatMapFunction<Iterator<double[]>, double[]> {

        private static final long serialVersionUID = 1L;

        private final Broadcast<Evaluation> evaluation;

        Evaluate(Broadcast<Evaluation> evaluation) {
            this.evaluation = evaluation;
        }

        @Override
        public Iterator<double[]> call(Iterator<double[]> inputs) {
            Evaluation f = evaluation.value();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return inputs.hasNext();
                }

                @Override
                public double[] next() {
                    return f.evaluate(inputs.next());
                }
            };
        }
    }

    @Override
    public String describe() {
        int p = partitions();
        return "spark " + sc.master() + ", " + p + (p == 1 ? " partition" : " partitions");
    }

    @Override
    public void close() {
        if (owned) {
            sc.stop();
        }
    }
}
