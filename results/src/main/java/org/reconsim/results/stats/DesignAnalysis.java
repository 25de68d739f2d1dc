package org.reconsim.results.stats;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Design analysis of many virtual trials (Gelman & Carlin 2014, Perspect Psychol Sci 9:641),
 * per cell (a sample size, contrast, endpoint, visit and method) and judged against each
 * trial's true effect, not against the mean estimate:
 * <ul>
 *   <li>type S: among significant trials whose true effect is not 0, the share whose estimate
 *       has the other sign than the truth; NaN (written NA) when there is none, in particular
 *       when the true effect is 0 (then every rejection is a type I error, not a sign error);</li>
 *   <li>exaggeration (type M): among those trials the mean |estimate| over the mean |true
 *       effect|, which for one fixed truth D is Gelman & Carlin's E(|estimate| | significant) / |D|;
 *       under assurance (a truth per trial) a ratio of means rather than a mean of ratios, so
 *       that trials whose truth is near 0 do not dominate it;</li>
 *   <li>directional rejections: significant and pointing the hypothesized way;</li>
 *   <li>the mean z = estimate / standard error over trials with a defined test, and the mean
 *       true standardized effect d over all trials.</li>
 * </ul>
 * Trials must be added in a fixed order (replicate order): the sums are floating point. The
 * state is written and read back exactly for checkpoints.
 */
public final class DesignAnalysis {

    private final long[] directional;
    private final long[] judged;
    private final long[] wrongSign;
    /** Sums over the judged trials of |estimate| and of |true effect|. */
    private final double[] absEstimateSum;
    private final double[] absTruthSum;
    private final RunningMoments[] z;
    private final RunningMoments[] d;

    public DesignAnalysis(int cells) {
        directional = new long[cells];
        judged = new long[cells];
        wrongSign = new long[cells];
        absEstimateSum = new double[cells];
        absTruthSum = new double[cells];
        z = new RunningMoments[cells];
        d = new RunningMoments[cells];
        for (int i = 0; i < cells; i++) {
            z[i] = new RunningMoments();
            d[i] = new RunningMoments();
        }
    }

    /** Every trial's true standardized effect (NaN is left out). */
    public void truth(int cell, double trueD) {
        if (!Double.isNaN(trueD)) {
            d[cell].add(trueD);
        }
    }

    /**
     * A trial whose test was defined.
     *
     * @param estimate         estimated effect, treatment minus control
     * @param stdError         its standard error (the posterior SD for a Bayesian analysis)
     * @param significant      whether the test rejected
     * @param trueEffect       the true effect the estimate estimates (same units)
     * @param hypothesizedSign -1 when the hypothesis is "lower", +1 when "higher"
     */
    public void estimate(int cell, double estimate, double stdError, boolean significant, double trueEffect, int hypothesizedSign) {
        if (stdError > 0) {
            z[cell].add(estimate / stdError);
        }
        if (!significant) {
            return;
        }
        if (Math.signum(estimate) == hypothesizedSign) {
            directional[cell]++;
        }
        if (trueEffect != 0 && !Double.isNaN(trueEffect)) {
            judged[cell]++;
            if (Math.signum(estimate) != Math.signum(trueEffect)) {
                wrongSign[cell]++;
            }
            absEstimateSum[cell] += Math.abs(estimate);
            absTruthSum[cell] += Math.abs(trueEffect);
        }
    }

    /** Significant trials pointing the hypothesized way. */
    public long directional(int cell) {
        return directional[cell];
    }

    /** Type S error rate; NaN without a significant trial whose true effect is not 0. */
    public double typeS(int cell) {
        return judged[cell] == 0 ? Double.NaN : (double) wrongSign[cell] / judged[cell];
    }

    /** Exaggeration ratio (type M); NaN without a significant trial whose true effect is not 0. */
    public double exaggeration(int cell) {
        return judged[cell] == 0 ? Double.NaN : absEstimateSum[cell] / absTruthSum[cell];
    }

    /** Mean z over trials with a defined test; NaN without one. */
    public double meanZ(int cell) {
        return z[cell].count() == 0 ? Double.NaN : z[cell].mean();
    }

    /** Mean true d over trials; NaN without one. */
    public double meanD(int cell) {
        return d[cell].count() == 0 ? Double.NaN : d[cell].mean();
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(judged.length);
        for (int i = 0; i < judged.length; i++) {
            out.writeLong(directional[i]);
            out.writeLong(judged[i]);
            out.writeLong(wrongSign[i]);
            out.writeDouble(absEstimateSum[i]);
            out.writeDouble(absTruthSum[i]);
            z[i].write(out);
            d[i].write(out);
        }
    }

    /** Restores a state {@link #write} wrote for as many cells. */
    public void read(DataInputStream in) throws IOException {
        if (in.readInt() != judged.length) {
            throw new IOException("state of a different job: design-analysis cells differ");
        }
        for (int i = 0; i < judged.length; i++) {
            directional[i] = in.readLong();
            judged[i] = in.readLong();
            wrongSign[i] = in.readLong();
            absEstimateSum[i] = in.readDouble();
            absTruthSum[i] = in.readDouble();
            z[i] = RunningMoments.read(in);
            d[i] = RunningMoments.read(in);
        }
    }
}
