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

/**
 * What one virtual trial contributes to a power analysis: for every {@link ResultKey} of its
 * {@link ResultLayout} (sample size, contrast, endpoint, visit, method) the estimate and
 * two-sided p-value (NaN where the test was undefined), and, when the layout keeps them, the
 * arm means of the largest trial ({@link ArmMeanKey}).
 *
 * <p>The numbers are kept flat in layout offset order: a power run makes millions of these,
 * and the flat form is also the wire form. It encodes to bytes exactly (replicate, the two
 * lengths, then per offset the estimate's and p-value's IEEE bits, then the arm means' bits),
 * so a result that travels through a Spark task or is read back on resume adds to the
 * aggregates exactly as it would have; the layout itself is not encoded, both sides know it
 * from the job.
 */
public final class ReplicateResult {

    private static final double[] NO_ARM_MEANS = new double[0];
    private static final Visit[] VISITS = Visit.values();
    private static final Endpoint[] ENDPOINTS = Endpoint.values();

    private final int replicate;
    private final ResultLayout layout;
    private final double[] estimates;
    private final double[] pValues;
    private final double[] armMeans;

    /** Takes the arrays (in {@code layout} order) without copying: only the builder and the decoder, which own them, call it. */
    private ReplicateResult(int replicate, ResultLayout layout, double[] estimates, double[] pValues, double[] armMeans) {
        if (estimates.length != layout.size() || pValues.length != layout.size()
                || (armMeans.length != layout.armMeanSize() && armMeans.length != 0)) {
            throw new IllegalArgumentException("replicate " + replicate + " has " + estimates.length + " estimates, " + pValues.length
                    + " p-values and " + armMeans.length + " arm means, which is not the shape of " + layout);
        }
        this.replicate = replicate;
        this.layout = layout;
        this.estimates = estimates;
        this.pValues = pValues;
        this.armMeans = armMeans;
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

    /** The estimate at a layout offset (the accumulator walks every offset once per replicate). */
    double estimateAt(int offset) {
        return estimates[offset];
    }

    double pValueAt(int offset) {
        return pValues[offset];
    }

    double armMeanAt(int offset) {
        return armMeans[offset];
    }

    /** The bytes of this result: replicate, lengths, then the doubles' bits. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 8 * (2 * estimates.length + armMeans.length));
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
        out.writeInt(armMeans.length);
        for (int i = 0; i < estimates.length; i++) {
            out.writeDouble(estimates[i]);
            out.writeDouble(pValues[i]);
        }
        for (double m : armMeans) {
            out.writeDouble(m);
        }
    }

    /** Inverse of {@link #encode()}, for a result of a job with this layout. */
    public static ReplicateResult decode(ResultLayout layout, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int replicate = in.readInt();
            double[] estimates = new double[in.readInt()];
            double[] pValues = new double[estimates.length];
            double[] armMeans = new double[in.readInt()];
            for (int i = 0; i < estimates.length; i++) {
                estimates[i] = in.readDouble();
                pValues[i] = in.readDouble();
            }
            for (int i = 0; i < armMeans.length; i++) {
                armMeans[i] = in.readDouble();
            }
            return new ReplicateResult(replicate, layout, estimates, pValues, armMeans);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects one replicate's results, size by size, into arrays it then hands to the result without copying. */
    static final class Builder {

        private final int replicate;
        private final ResultLayout layout;
        private final double[] estimates;
        private final double[] pValues;
        private double[] armMeans = NO_ARM_MEANS;

        Builder(ResultLayout layout, int replicate) {
            this.replicate = replicate;
            this.layout = layout;
            this.estimates = new double[layout.size()];
            this.pValues = new double[estimates.length];
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
                pValues[start + k] = defined ? t.pValue() : Double.NaN;
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

        ReplicateResult build() {
            return new ReplicateResult(replicate, layout, estimates, pValues, armMeans);
        }
    }
}
