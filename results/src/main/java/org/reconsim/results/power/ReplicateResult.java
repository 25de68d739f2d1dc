package org.reconsim.results.power;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.results.stats.TestResult;
import org.reconsim.results.stats.UndefinedReason;

/**
 * What one virtual trial contributes to a power analysis: for every {@link ResultKey} of its
 * {@link ResultLayout} (sample size, contrast, endpoint, visit, method) the estimate, its
 * standard error and the two-sided p-value (NaN where the test was undefined, with the
 * {@link UndefinedReason} why); the true effect
 * of each (contrast, endpoint, visit) the trial's patients were drawn under (ATE and d,
 * {@link Truths}); under assurance the values this trial drew from the prior; when the
 * layout keeps them, the arm means of the largest trial ({@link ArmMeanKey}); and with interim
 * analyses the z of every group-sequential look ({@link SequentialPlan}).
 *
 * <p>The numbers are kept flat in layout offset order: a power run makes millions of these,
 * and the flat form is also the wire form. It encodes to bytes exactly (replicate, the five
 * lengths, then per offset the estimate's, standard error's and p-value's IEEE bits, per offset
 * the undefined reason's code (0 defined, else 1 + its ordinal), per effect
 * the ATE's and d's, the drawn values', the arm means', then the look statistics' bits),
 * so a result that travels through a Spark task or is read back on resume adds to the
 * aggregates exactly as it would have; the layout itself is not encoded, both sides know it
 * from the job.
 */
public final class ReplicateResult {

    private static final double[] NONE = new double[0];
    private static final Visit[] VISITS = Visit.values();
    private static final Endpoint[] ENDPOINTS = Endpoint.values();
    private static final UndefinedReason[] REASONS = UndefinedReason.values();

    private final int replicate;
    private final ResultLayout layout;
    private final double[] estimates;
    private final double[] stdErrors;
    private final double[] pValues;
    /** Per offset: 0 where the test was defined, else 1 + the ordinal of its {@link UndefinedReason}. */
    private final byte[] reasons;
    private final double[] trueAte;
    private final double[] trueD;
    private final double[] drawn;
    private final double[] armMeans;
    private final double[] lookZ;

    /** Takes the arrays (in {@code layout} order) without copying: only the builder and the decoder, which own them, call it. */
    private ReplicateResult(int replicate, ResultLayout layout, double[] estimates, double[] stdErrors, double[] pValues,
                            byte[] reasons, double[] trueAte, double[] trueD, double[] drawn, double[] armMeans, double[] lookZ) {
        int effects = layout.analyses().effectCount();
        if (estimates.length != layout.size() || stdErrors.length != layout.size() || pValues.length != layout.size()
                || reasons.length != layout.size()
                || trueAte.length != effects || trueD.length != effects
                || (armMeans.length != layout.armMeanSize() && armMeans.length != 0)) {
            throw new IllegalArgumentException("replicate " + replicate + " has " + estimates.length + " estimates, " + pValues.length
                    + " p-values, " + trueAte.length + " true effects and " + armMeans.length
                    + " arm means, which is not the shape of " + layout);
        }
        this.replicate = replicate;
        this.layout = layout;
        this.estimates = estimates;
        this.stdErrors = stdErrors;
        this.pValues = pValues;
        this.reasons = reasons;
        this.trueAte = trueAte;
        this.trueD = trueD;
        this.drawn = drawn;
        this.armMeans = armMeans;
        this.lookZ = lookZ;
    }

    /** Replicate index. */
    public int replicate() {
        return replicate;
    }

    public ResultLayout layout() {
        return layout;
    }

    /** The estimate of one result; NaN where the test was undefined. */
    public double estimate(ResultKey key) {
        return estimates[layout.offset(key)];
    }

    /** The two-sided p-value of one result; NaN where the test was undefined. */
    public double pValue(ResultKey key) {
        return pValues[layout.offset(key)];
    }

    /** Why one result's test was undefined; null where it was defined. */
    public UndefinedReason failure(ResultKey key) {
        return reasonOf(reasons[layout.offset(key)]);
    }

    private static UndefinedReason reasonOf(byte code) {
        return code == 0 ? null : REASONS[code - 1];
    }

    /** The standard error of one result's estimate (for bayes the posterior SD); NaN where the test was undefined. */
    public double stdError(ResultKey key) {
        return stdErrors[layout.offset(key)];
    }

    /** The true effect (ATE, outcome units) that one result estimates, for the patients of this trial's draw. */
    public double trueEffect(ResultKey key) {
        return trueAte[layout.effectOf(layout.offset(key))];
    }

    /** The standardized true effect d that one result estimates. */
    public double trueD(ResultKey key) {
        return trueD[layout.effectOf(layout.offset(key))];
    }

    /** The values this trial drew from the assurance prior, in the prior's field order (a copy; empty without a prior). */
    public double[] drawn() {
        return drawn.clone();
    }

    /** Whether this result carries the arm means of its largest trial. */
    public boolean hasArmMeans() {
        return armMeans.length > 0;
    }

    /** The mean observed value in one arm at one visit; NaN where nobody was measured. */
    public double armMean(ArmMeanKey key) {
        if (!hasArmMeans()) {
            throw new IllegalStateException("replicate " + replicate + " carries no arm means");
        }
        return armMeans[layout.armMeanOffset(key)];
    }

    /**
     * The z of a group-sequential look in the hypothesized direction, at its
     * {@link SequentialPlan#offset}; NaN where the look's test was undefined.
     */
    public double lookZ(int offset) {
        return lookZ[offset];
    }

    /** Number of look statistics (0 without interim analyses). */
    public int lookCount() {
        return lookZ.length;
    }

    /** The estimate at a layout offset (the accumulator walks every offset once per replicate). */
    double estimateAt(int offset) {
        return estimates[offset];
    }

    double pValueAt(int offset) {
        return pValues[offset];
    }

    double stdErrorAt(int offset) {
        return stdErrors[offset];
    }

    /** The undefined reason at a layout offset, null where the test was defined. */
    UndefinedReason failureAt(int offset) {
        return reasonOf(reasons[offset]);
    }

    /** The true ATE of effect {@code effect} ({@link ResultLayout#effectOf}). */
    double trueEffectAt(int effect) {
        return trueAte[effect];
    }

    double trueDAt(int effect) {
        return trueD[effect];
    }

    double armMeanAt(int offset) {
        return armMeans[offset];
    }

    /** The bytes of this result: replicate, the five lengths, then the doubles' bits. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(28 + reasons.length + 8 * (3 * estimates.length + 2 * trueAte.length
                + drawn.length + armMeans.length + lookZ.length));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(replicate);
        out.writeInt(estimates.length);
        out.writeInt(trueAte.length);
        out.writeInt(drawn.length);
        out.writeInt(armMeans.length);
        out.writeInt(lookZ.length);
        for (int i = 0; i < estimates.length; i++) {
            out.writeDouble(estimates[i]);
            out.writeDouble(stdErrors[i]);
            out.writeDouble(pValues[i]);
        }
        out.write(reasons);
        for (int i = 0; i < trueAte.length; i++) {
            out.writeDouble(trueAte[i]);
            out.writeDouble(trueD[i]);
        }
        for (double v : drawn) {
            out.writeDouble(v);
        }
        for (double m : armMeans) {
            out.writeDouble(m);
        }
        for (double z : lookZ) {
            out.writeDouble(z);
        }
    }

    /** Inverse of {@link #encode()}, for a result of a job with this layout. */
    public static ReplicateResult decode(ResultLayout layout, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int replicate = in.readInt();
            double[] estimates = new double[in.readInt()];
            double[] stdErrors = new double[estimates.length];
            double[] pValues = new double[estimates.length];
            byte[] reasons = new byte[estimates.length];
            double[] trueAte = new double[in.readInt()];
            double[] trueD = new double[trueAte.length];
            double[] drawn = new double[in.readInt()];
            double[] armMeans = new double[in.readInt()];
            double[] lookZ = new double[in.readInt()];
            for (int i = 0; i < estimates.length; i++) {
                estimates[i] = in.readDouble();
                stdErrors[i] = in.readDouble();
                pValues[i] = in.readDouble();
            }
            in.readFully(reasons);
            for (int i = 0; i < reasons.length; i++) {
                if (reasons[i] < 0 || reasons[i] > REASONS.length) {
                    throw new IOException("corrupt result: undefined reason code " + reasons[i]);
                }
            }
            for (int i = 0; i < trueAte.length; i++) {
                trueAte[i] = in.readDouble();
                trueD[i] = in.readDouble();
            }
            for (int i = 0; i < drawn.length; i++) {
                drawn[i] = in.readDouble();
            }
            for (int i = 0; i < armMeans.length; i++) {
                armMeans[i] = in.readDouble();
            }
            for (int i = 0; i < lookZ.length; i++) {
                lookZ[i] = in.readDouble();
            }
            return new ReplicateResult(replicate, layout, estimates, stdErrors, pValues, reasons, trueAte, trueD, drawn, armMeans, lookZ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects one replicate's results, size by size, into arrays it then hands to the result without copying. */
    static final class Builder {

        private final int replicate;
        private final ResultLayout layout;
        private final double[] estimates;
        private final double[] stdErrors;
        private final double[] pValues;
        private final byte[] reasons;
        private double[] trueAte;
        private double[] trueD;
        private double[] drawn = NONE;
        private double[] armMeans = NONE;
        private double[] lookZ = NONE;

        Builder(ResultLayout layout, int replicate) {
            this.replicate = replicate;
            this.layout = layout;
            this.estimates = new double[layout.size()];
            this.stdErrors = new double[estimates.length];
            this.pValues = new double[estimates.length];
            this.reasons = new byte[estimates.length];
        }

        /** The true effects of the trial's patients (required). */
        Builder truth(Truths truths) {
            this.trueAte = truths.ate();
            this.trueD = truths.d();
            return this;
        }

        /** The values the trial drew from the assurance prior. */
        Builder drawn(double[] values) {
            this.drawn = values.clone();
            return this;
        }

        /** Adds the analyses of the trial of one of the layout's sizes. */
        Builder add(TrialResults results) {
            if (!results.layout().equals(layout.analyses())) {
                throw new IllegalArgumentException(results.layout() + " is not the layout of " + layout);
            }
            // a size's block holds its analyses in AnalysisLayout order, the order of TrialResults
            int start = layout.sizeBlock(results.nPerArm());
            for (int k = 0; k < layout.analyses().size(); k++) {
                TestResult t = results.at(k);
                boolean defined = t.isDefined();
                estimates[start + k] = defined ? t.estimate() : Double.NaN;
                stdErrors[start + k] = defined ? t.stdError() : Double.NaN;
                pValues[start + k] = defined ? t.pValue() : Double.NaN;
                reasons[start + k] = defined ? 0 : (byte) (1 + t.reason().ordinal());
            }
            return this;
        }

        /** Sets the arm means: the mean observed value per arm, visit and endpoint of {@code trial} (NaN where nobody was measured). */
        Builder armMeans(TrialOutcome trial) {
            double[] sum = new double[layout.armMeanSize()];
            int[] count = new int[sum.length];
            for (PatientOutcome p : trial.patients()) {
                for (Visit v : VISITS) {
                    for (Endpoint e : ENDPOINTS) {
                        double x = p.observed(v, e);
                        if (!Double.isNaN(x)) {
                            int at = layout.armMeanOffset(p.arm(), v, e);
                            sum[at] += x;
                            count[at]++;
                        }
                    }
                }
            }
            for (int j = 0; j < sum.length; j++) {
                sum[j] = count[j] == 0 ? Double.NaN : sum[j] / count[j];
            }
            this.armMeans = sum;
            return this;
        }

        /** Sets the z of every group-sequential look ({@link LookStatistics#observe}), taken without copying. */
        Builder lookZ(double[] z) {
            this.lookZ = z;
            return this;
        }

        ReplicateResult build() {
            if (trueAte == null) {
                throw new IllegalStateException("replicate " + replicate + " has no true effects");
            }
            return new ReplicateResult(replicate, layout, estimates, stdErrors, pValues, reasons, trueAte, trueD, drawn, armMeans, lookZ);
        }
    }
}
