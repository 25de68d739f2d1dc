package org.reconsim.results.power;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.run.ReplicateRunner;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.stats.BinomialInterval;
import org.reconsim.results.stats.ProportionInterval;
import org.reconsim.results.stats.RunningMoments;
import org.reconsim.results.stats.TestResult;

/**
 * Power by simulation: for each sample size, {@code replicates} virtual trials, each analysed
 * by {@link TrialAnalysis}; rejections at the scenario's alpha are counted and estimates
 * summarized in replicate order (so results do not depend on the thread count).
 */
public final class PowerAnalysis {

    private final TrialPlan plan;
    private final RandomStreams streams;
    private final double alpha;

    public PowerAnalysis(TrialPlan plan, RandomStreams streams) {
        this.plan = plan.withoutSessionDetail();
        this.streams = streams;
        this.alpha = plan.scenario().analysis().alpha();
    }

    /**
     * Runs the sweep.
     *
     * @param sizes       patients per arm
     * @param replicates  trials per size
     * @param runner      thread pool
     * @param progress    called with the number of finished trials (in order)
     */
    public List<PowerRow> run(List<Integer> sizes, int replicates, ReplicateRunner runner, Consumer<Long> progress) {
        List<PowerRow> rows = new ArrayList<>();
        TrialAnalysis analysis = new TrialAnalysis(plan.scenario().analysis(), plan.controlArm().index());
        int endpoints = TrialAnalysis.ENDPOINTS.size();
        int visits = TrialAnalysis.VISITS.size();
        int methods = analysis.methods().size();
        long done = 0;
        for (int n : sizes) {
            long[][][] rejections = new long[endpoints][visits][methods];
            // per significant trial: count with a positive estimate, sum of |estimate| (type S and M)
            long[][][] positive = new long[endpoints][visits][methods];
            double[][][] absSum = new double[endpoints][visits][methods];
            RunningMoments[][][] estimates = new RunningMoments[endpoints][visits][methods];
            for (int e = 0; e < endpoints; e++) {
                for (int v = 0; v < visits; v++) {
                    for (int m = 0; m < methods; m++) {
                        estimates[e][v][m] = new RunningMoments();
                    }
                }
            }
            long[] finished = {done};
            runner.run(0, replicates, r -> {
                TrialOutcome trial = VirtualTrial.run(plan, streams, r, n);
                return analysis.run(trial);
            }, results -> {
                for (int e = 0; e < endpoints; e++) {
                    for (int v = 0; v < visits; v++) {
                        for (int m = 0; m < methods; m++) {
                            TestResult t = results[e][v][m];
                            if (t.isDefined()) {
                                estimates[e][v][m].add(t.estimate());
                                if (t.pValue() < alpha) {
                                    rejections[e][v][m]++;
                                    absSum[e][v][m] += Math.abs(t.estimate());
                                    if (t.estimate() > 0) {
                                        positive[e][v][m]++;
                                    }
                                }
                            }
                        }
                    }
                }
                finished[0]++;
                progress.accept(finished[0]);
            });
            done = finished[0];
            for (int e = 0; e < endpoints; e++) {
                for (int v = 0; v < visits; v++) {
                    for (int m = 0; m < methods; m++) {
                        long k = rejections[e][v][m];
                        ProportionInterval ci = BinomialInterval.wilson(k, replicates, 0.95);
                        ProportionInterval cp = BinomialInterval.clopperPearson(k, replicates, 0.95);
                        double mean = estimates[e][v][m].mean();
                        long wrongSign = mean >= 0 ? k - positive[e][v][m] : positive[e][v][m];
                        double typeS = k == 0 ? Double.NaN : (double) wrongSign / k;
                        double exaggeration = k == 0 || mean == 0 ? Double.NaN : absSum[e][v][m] / k / Math.abs(mean);
                        rows.add(new PowerRow(n, TrialAnalysis.ENDPOINTS.get(e).label(), TrialAnalysis.VISITS.get(v).label(),
                                analysis.methods().get(m).label(), replicates, k, (double) k / replicates, ci.low(), ci.high(),
                                mean, estimates[e][v][m].standardDeviation(), cp.low(), cp.high(), typeS, exaggeration));
                    }
                }
            }
        }
        return rows;
    }
}
