package org.reconsim.results.power;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What one virtual trial contributes to a power analysis: for every sample size, endpoint,
 * visit and analysis method the estimate and two-sided p-value (NaN where the test was
 * undefined), and, when the report needs them, the arm means of the largest trial.
 * It encodes to bytes exactly (doubles as their IEEE bits), so a result that travels through
 * a Spark task or is read back on resume adds to the aggregates exactly as it would have.
 *
 * @param replicate  replicate index
 * @param estimates  [size][endpoint][visit][method], flattened
 * @param pValues    same layout as {@code estimates}
 * @param armMeans   [arm][visit][endpoint] of the largest trial, flattened; empty when not kept
 */
public record ReplicateResult(int replicate, double[] estimates, double[] pValues, double[] armMeans) {

    public ReplicateResult {
        if (estimates.length != pValues.length) {
            throw new IllegalArgumentException("estimates and p-values differ in length");
        }
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

    /** Inverse of {@link #encode()}. */
    public static ReplicateResult decode(byte[] bytes) {
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
            return new ReplicateResult(replicate, estimates, pValues, armMeans);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
