package org.reconsim.results.evaluation;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The checkpoint of an inference run, kept by replay: every batch of evaluations the run asks an
 * {@link EvaluationEngine} for is appended to the journal with its outputs, and a resumed run,
 * which asks for the same batches in the same order (its methods are deterministic functions of
 * their settings and of the outputs they receive), is answered from the journal until it is used
 * up, then by the engine. The resumed run therefore ends in exactly the state, and writes exactly
 * the bytes, of a run never interrupted, without any method having to save its own state.
 *
 * <p>Each record is checked when replayed: the same evaluation (by the order it was opened in),
 * the same number of inputs and the same 64-bit digest of their bits; any difference means the
 * run no longer asks what it asked (the code changed) and the journal is refused. What the inputs
 * do not show (a changed scenario value) is caught by the header's {@link Header#identity()},
 * which the caller compares.
 *
 * <p>Format (big-endian, {@link DataOutputStream}): the header ({@link #MAGIC}, command, start
 * time, arguments, identity), then records {@code [int evaluation][int n][long digest]
 * n x ([int length][length x double])[long crc32 of the record]}. A record is flushed to the
 * operating system as soon as it is complete, so a killed process loses at most the batch it was
 * computing; a torn last record (killed mid-write) fails its CRC and is cut off when the journal
 * is opened again.
 */
public final class Journal implements AutoCloseable {

    /** First string of every journal: its format and version. */
    public static final String MAGIC = "reconsim-journal 1";

    /**
     * What a journal says about its run.
     *
     * @param command    the command, e.g. {@code calibrate}
     * @param started    when the run started (epoch milliseconds)
     * @param arguments  the run's result-defining arguments, as the command parses them again
     * @param identity   digests of what the run read (scenario, targets), to refuse a changed input
     */
    public record Header(String command, long started, List<String> arguments, List<String> identity) {
        public Header {
            arguments = List.copyOf(arguments);
            identity = List.copyOf(identity);
        }
    }

    private record Entry(int evaluation, long digest, List<double[]> outputs) {
    }

    private final Path file;
    private final Header header;
    private final Deque<Entry> replay;
    private final OutputStream out;
    private int opened;
    private long recorded;
    private final long replayable;

    private Journal(Path file, Header header, Deque<Entry> replay, OutputStream out) {
        this.file = file;
        this.header = header;
        this.replay = replay;
        this.out = out;
        this.replayable = replay.size();
    }

    /** A new journal at {@code file} (which must not exist), its header written. */
    public static Journal create(Path file, Header header) throws IOException {
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(bytes);
            data.writeUTF(MAGIC);
            data.writeUTF(header.command());
            data.writeLong(header.started());
            writeStrings(data, header.arguments());
            writeStrings(data, header.identity());
            data.flush();
            out.write(bytes.toByteArray());
            out.flush();
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        return new Journal(file, header, new ArrayDeque<>(), out);
    }

    /** Reads only the header of the journal at {@code file}. */
    public static Header readHeader(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return header(in, file);
        }
    }

    /**
     * Opens the journal at {@code file} to continue its run: its complete records will be replayed,
     * a torn last record is cut off, and new records are appended after the good ones.
     */
    public static Journal open(Path file) throws IOException {
        Header header;
        Deque<Entry> entries = new ArrayDeque<>();
        long good;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Counting counting = new Counting(new BufferedInputStream(Channels.newInputStream(channel)));
            DataInputStream in = new DataInputStream(counting);
            header = header(in, file);
            good = counting.count;
            while (true) {
                Entry e = readRecord(in);
                if (e == null) {
                    break;
                }
                entries.add(e);
                good = counting.count;
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(good);
        }
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new Journal(file, header, entries, out);
    }

    public Header header() {
        return header;
    }

    public Path file() {
        return file;
    }

    /** Records the journal holds to replay, when it was opened. */
    public long replayable() {
        return replayable;
    }

    /** Records written since it was opened or created. */
    public long recorded() {
        return recorded;
    }

    /**
     * {@code engine} behind this journal: batches are answered from the journal while it has
     * records, then by {@code engine} and recorded.
     */
    public EvaluationEngine over(EvaluationEngine engine) {
        return new EvaluationEngine() {
            @Override
            public Evaluator open(Evaluation evaluation) {
                return new Journaled(opened++, evaluation, engine);
            }

            @Override
            public String describe() {
                return engine.describe();
            }

            @Override
            public void close() {
                engine.close();
            }
        };
    }

    /** The journal refuses to answer: the run asks for other evaluations than it recorded. */
    public static final class MismatchException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        MismatchException(String message) {
            super(message);
        }
    }

    private final class Journaled implements Evaluator {
        private final int ordinal;
        private final Evaluation evaluation;
        private final EvaluationEngine engine;
        private Evaluator inner;

        Journaled(int ordinal, Evaluation evaluation, EvaluationEngine engine) {
            this.ordinal = ordinal;
            this.evaluation = evaluation;
            this.engine = engine;
        }

        @Override
        public List<double[]> evaluate(List<double[]> inputs) {
            long digest = digest(inputs);
            synchronized (Journal.this) {
                Entry next = replay.poll();
                if (next != null) {
                    if (next.evaluation != ordinal || next.outputs.size() != inputs.size() || next.digest != digest) {
                        throw new MismatchException("the run asks for other simulations than its checkpoint recorded (batch of "
                                + inputs.size() + " for evaluation " + ordinal + ", recorded " + next.outputs.size() + " for evaluation "
                                + next.evaluation + "): was reconsim changed since?");
                    }
                    return next.outputs;
                }
            }
            if (inner == null) {
                inner = engine.open(evaluation);
            }
            List<double[]> outputs = inner.evaluate(inputs);
            synchronized (Journal.this) {
                write(ordinal, digest, outputs);
            }
            return outputs;
        }

        @Override
        public void close() {
            if (inner != null) {
                inner.close();
            }
        }
    }

    private void write(int evaluation, long digest, List<double[]> outputs) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + outputs.size() * 64);
            DataOutputStream data = new DataOutputStream(bytes);
            data.writeInt(evaluation);
            data.writeInt(outputs.size());
            data.writeLong(digest);
            for (double[] o : outputs) {
                data.writeInt(o.length);
                for (double v : o) {
                    data.writeDouble(v);
                }
            }
            data.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            data.writeLong(crc.getValue());
            data.flush();
            out.write(bytes.toByteArray());
            out.flush();
            recorded++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** The next complete record, or null at the end or at a torn or corrupt record. */
    private static Entry readRecord(DataInputStream in) throws IOException {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream copy = new DataOutputStream(bytes);
            int evaluation = in.readInt();
            int n = in.readInt();
            long digest = in.readLong();
            if (evaluation < 0 || n < 0) {
                return null;
            }
            copy.writeInt(evaluation);
            copy.writeInt(n);
            copy.writeLong(digest);
            List<double[]> outputs = new ArrayList<>(Math.min(n, 1 << 16));
            for (int k = 0; k < n; k++) {
                int length = in.readInt();
                if (length < 0 || length > 1 << 24) {
                    return null;
                }
                copy.writeInt(length);
                double[] o = new double[length];
                for (int j = 0; j < length; j++) {
                    o[j] = in.readDouble();
                    copy.writeDouble(o[j]);
                }
                outputs.add(o);
            }
            long stored = in.readLong();
            copy.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            return crc.getValue() == stored ? new Entry(evaluation, digest, outputs) : null;
        } catch (EOFException e) {
            return null;
        }
    }

    private static Header header(DataInputStream in, Path file) throws IOException {
        try {
            String magic = in.readUTF();
            if (!magic.equals(MAGIC)) {
                throw new IOException(file + " is not a reconsim checkpoint (it starts '" + magic + "', expected '" + MAGIC + "')");
            }
            return new Header(in.readUTF(), in.readLong(), readStrings(in), readStrings(in));
        } catch (EOFException e) {
            throw new IOException(file + " ends inside its header", e);
        }
    }

    private static void writeStrings(DataOutputStream data, List<String> strings) throws IOException {
        data.writeInt(strings.size());
        for (String s : strings) {
            data.writeUTF(s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 16) {
            throw new IOException("a list of " + n + " strings in the header");
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }

    /** A 64-bit digest of the inputs' bits (SplitMix64's finalizer over a running combination). */
    static long digest(List<double[]> inputs) {
        long h = 0x9E3779B97F4A7C15L * (inputs.size() + 1);
        for (double[] x : inputs) {
            h = mix(h ^ x.length);
            for (double v : x) {
                h = mix(h ^ Double.doubleToRawLongBits(v));
            }
        }
        return h;
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Counts the bytes read, so that the end of the last good record is known. */
    private static final class Counting extends java.io.FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }

    @Override
    public String toString() {
        return "Journal[" + file + ", " + header.command() + ", " + replayable + " records to replay]";
    }
}
