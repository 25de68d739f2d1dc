package org.reconsim.results.power;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.reconsim.engine.EngineVersion;
import org.reconsim.models.population.StandardNormal;

/**
 * A power analysis over one or more sweep points (one {@link PowerJob} each), run point after
 * point, each in replicate order into its {@link PowerAccumulator}. With a precision target,
 * replicates are added to a point until every Wilson half-width is that narrow; replicates
 * 0 .. r-1 are the same trials whatever the final count (common random numbers), so growing a
 * run gives what a run of the final size gives.
 *
 * <p>The whole state (which point, how many replicates, every accumulator) is small and can be
 * written as a checkpoint at any replicate boundary ({@link #writeCheckpoint}); a sweep rebuilt
 * from the same jobs and restored from it ({@link #restore}) finishes with byte-identical
 * results, because the accumulators are restored bit for bit and the remaining replicates arrive
 * in the same order.
 */
public final class PowerSweep {

    /** First line of a checkpoint file. */
    static final String MAGIC = "reconsim power checkpoint 3"; // 3: failed analyses by reason

    private final List<PowerJob> points;
    private final Double precision;
    private final int[] targets;
    private final PowerAccumulator[] accumulators;
    private int current;
    private ResultLog log;
    private long restoredLogPosition = -1;

    /**
     * @param points      one job per sweep point (the last one keeps the report's details)
     * @param replicates  replicates per point (the starting count when {@code precision} is set)
     * @param precision   largest Wilson 95% half-width wanted, or null
     */
    public PowerSweep(List<PowerJob> points, int replicates, Double precision) {
        this.points = List.copyOf(points);
        this.precision = precision;
        this.targets = new int[points.size()];
        this.accumulators = new PowerAccumulator[points.size()];
        for (int k = 0; k < targets.length; k++) {
            targets[k] = replicates;
            accumulators[k] = points.get(k).accumulator();
        }
    }

    /**
     * Where every replicate's results also go, in order (e.g. the per-replicate table). Its
     * position at each checkpoint is stored with it, so a resumed run can cut the log back to
     * exactly the replicates the checkpoint holds.
     */
    public interface ResultLog {
        void append(int point, ReplicateResult result);

        /** Makes everything appended durable and returns the log's length in bytes. */
        long flush() throws IOException;
    }

    /** Sends every replicate's results to {@code log} as well. */
    public void log(ResultLog log) {
        this.log = log;
    }

    /** The log position stored in the checkpoint {@link #restore} read (-1 if it had no log). */
    public long restoredLogPosition() {
        return restoredLogPosition;
    }

    /** Called at replicate boundaries; decides whether to checkpoint (e.g. every few seconds). */
    @FunctionalInterface
    public interface Checkpointer {
        void at(PowerSweep sweep, boolean pointFinished);
    }

    /**
     * Runs what is left.
     *
     * @param progress     called with the number of (replicate x sample size) trials analysed so far
     * @param checkpointer called after every replicate and after every finished point
     */
    public void run(ReplicateExecutor executor, LongConsumer progress, Checkpointer checkpointer) {
        while (current < points.size()) {
            PowerJob job = points.get(current);
            PowerAccumulator acc = accumulators[current];
            while (true) {
                if (acc.replicates() < targets[current]) {
                    int point = current;
                    executor.run(job, acc.replicates(), targets[current], r -> {
                        acc.add(r);
                        if (log != null) {
                            log.append(point, r);
                        }
                        progress.accept(trialsDone());
                        checkpointer.at(this, false);
                    });
                }
                int needed = precision == null ? targets[current] : replicatesFor(acc.rows(), precision);
                if (needed <= targets[current]) {
                    break;
                }
                targets[current] = needed;
            }
            current++;
            checkpointer.at(this, true);
        }
    }

    /** Whether every point has all its replicates. */
    public boolean finished() {
        return current == points.size();
    }

    /** Trials analysed so far (replicates x sample sizes, over all points). */
    public long trialsDone() {
        long done = 0;
        for (int k = 0; k < points.size(); k++) {
            done += (long) accumulators[k].replicates() * points.get(k).sizes().size();
        }
        return done;
    }

    /** Trials the sweep is known to need (precision may add more). */
    public long trialsPlanned() {
        long total = 0;
        for (int k = 0; k < points.size(); k++) {
            total += (long) targets[k] * points.get(k).sizes().size();
        }
        return total;
    }

    /** The accumulator of each point. */
    public List<PowerAccumulator> accumulators() {
        return List.of(accumulators);
    }

    /**
     * Replicates that make every Wilson half-width at most h: the normal approximation
     * z^2 p (1 - p) / h^2 at the worst row, z = {@link StandardNormal#Z_975} (never below 1.25
     * times the current count), rounded up to 100.
     */
    public static int replicatesFor(List<PowerRow> rows, double h) {
        double widest = 0;
        int current = 0;
        for (PowerRow r : rows) {
            widest = Math.max(widest, (r.ciHigh() - r.ciLow()) / 2);
            current = (int) Math.max(current, r.replicates());
        }
        if (widest <= h) {
            return current;
        }
        double worst = 0;
        for (PowerRow r : rows) {
            worst = Math.max(worst, r.power() * (1 - r.power()));
        }
        long n = (long) Math.ceil(StandardNormal.Z_975 * StandardNormal.Z_975 * Math.max(worst, 0.0025) / (h * h) * 1.05);
        n = Math.max(n, (long) (current * 1.25));
        return (int) Math.min(100_000_000L, ((n + 99) / 100) * 100);
    }

    /**
     * Writes a checkpoint to {@code file} atomically (temporary file, fsync, rename): a kill at
     * any moment leaves either the previous checkpoint or this one, never a torn file.
     *
     * @param header  what the caller needs to rebuild the jobs (e.g. the command line), stored first
     */
    public void writeCheckpoint(Path file, List<String> header) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
            out.writeUTF(MAGIC);
            out.writeUTF(EngineVersion.RECONSIM);
            out.writeInt(header.size());
            for (String h : header) {
                out.writeUTF(h);
            }
            out.writeInt(points.size());
            for (PowerJob job : points) {
                out.writeUTF(job.scenarioSha256());
            }
            out.writeInt(current);
            out.writeLong(log == null ? -1 : log.flush());
            for (int k = 0; k < points.size(); k++) {
                out.writeInt(targets[k]);
                accumulators[k].write(out);
            }
            out.writeUTF("end");
            out.flush();
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The header a checkpoint was written with; fails with a message if the file is not a checkpoint of this version. */
    public static List<String> readHeader(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            return header(in);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new BufferedInputStream(raw));
    }

    private static List<String> header(DataInputStream in) throws IOException {
        String magic;
        try {
            magic = in.readUTF();
        } catch (IOException e) {
            throw new IOException("not a reconsim power checkpoint");
        }
        if (!MAGIC.equals(magic)) {
            throw new IOException("not a reconsim power checkpoint");
        }
        String version = in.readUTF();
        if (!EngineVersion.RECONSIM.equals(version)) {
            throw new IOException("written by reconsim " + version + "; this is reconsim " + EngineVersion.RECONSIM
                    + " (results would not be comparable)");
        }
        int n = in.readInt();
        List<String> header = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            header.add(in.readUTF());
        }
        return header;
    }

    /** Restores this (fresh) sweep, built from the same jobs, from {@code file}. */
    public void restore(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            header(in);
            int n = in.readInt();
            if (n != points.size()) {
                throw new IOException("the checkpoint has " + n + " sweep points; this run has " + points.size());
            }
            for (PowerJob job : points) {
                if (!in.readUTF().equals(job.scenarioSha256())) {
                    throw new IOException("the scenario has changed since the checkpoint was written");
                }
            }
            int at = in.readInt();
            long logPosition = in.readLong();
            for (int k = 0; k < points.size(); k++) {
                targets[k] = in.readInt();
                accumulators[k].read(in);
            }
            if (!"end".equals(in.readUTF())) {
                throw new IOException("the checkpoint is damaged");
            }
            current = at;
            restoredLogPosition = logPosition;
        }
    }
}
