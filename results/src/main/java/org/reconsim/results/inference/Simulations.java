package org.reconsim.results.inference;

import java.util.Arrays;

import org.reconsim.results.evaluation.Evaluation;

/**
 * {@link SummarySimulator#simulate} calls as {@link Evaluation}s, so that the inference methods
 * run their simulations on any {@link org.reconsim.results.evaluation.EvaluationEngine}: the input
 * of one simulation is {@code {hypothesis, draw, theta...}} (a draw is below 2^31, exact in a
 * double), its output the statistics.
 */
public final class Simulations {

    private Simulations() {
    }

    /** The input of one simulation. */
    public static double[] input(int hypothesis, double[] theta, long draw) {
        double[] in = new double[2 + theta.length];
        in[0] = hypothesis;
        in[1] = draw;
        System.arraycopy(theta, 0, in, 2, theta.length);
        return in;
    }

    /** {@code simulator} as an evaluation of {@link #input}s. */
    public static Evaluation of(SummarySimulator simulator) {
        return in -> simulator.simulate((int) in[0], Arrays.copyOfRange(in, 2, in.length), (long) in[1]);
    }
}
