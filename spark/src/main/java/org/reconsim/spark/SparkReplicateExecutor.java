package org.reconsim.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.reconsim.results.power.PowerJob;
import org.reconsim.results.power.ReplicateExecutor;
import org.reconsim.results.power.ReplicateResult;
import org.reconsim.results.power.ResultLayout;

/**
 * Runs replicates as Spark tasks. The replicate range is cut into fixed-size blocks (the block
 * size does not depend on the partition count, so the work a replicate does never does either);
 * {@code parallelize(blocks, partitions)} spreads them over the partitions in order, each task
 * simulates its blocks and returns the results as their exact bytes ({@link ReplicateResult#encode()}),
 * and the driver decodes them in RDD order, which is replicate order. Outputs are therefore
 * byte-identical to {@link org.reconsim.results.power.LocalReplicateExecutor} on any partitioning.
 *
 * <p>The job travels as a broadcast variable: each executor JVM deserializes it once and its
 * transient compiled state is built once there (a compile costs 0.1-0.3 s), instead of once per task.
 *
 * <p>The range runs as chunks of {@link #CHUNK} replicates, one Spark job each, two queued at a time, so
 * the driver holds a bounded number of results: a million replicates need no more memory than ten thousand.
 */
final class SparkReplicateExecutor implements ReplicateExecutor {

    /** Replicates per block: small enough to balance 2..64 cores on a few hundred replicates, big enough to keep the block list short. */
    static final int BLOCK = 8;

    /** Replicates per chunk, one Spark job; the driver holds at most three chunks of results (a few KB per replicate). */
    static final int CHUNK = 8192;

    private final JavaSparkContext sc;
    private final int partitions;
    private final boolean owned;
    private final int chunk;

    /**
     * @param sc          the context replicates run on
     * @param partitions  partitions per chunk, 0 for the context's default parallelism
     * @param owned       whether {@link #close()} stops the context (only when this executor created it)
     */
    SparkReplicateExecutor(JavaSparkContext sc, int partitions, boolean owned) {
        this(sc, partitions, owned, CHUNK);
    }

    /** With another chunk size (tests: many chunks from few replicates). */
    SparkReplicateExecutor(JavaSparkContext sc, int partitions, boolean owned, int chunk) {
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be >= 0, got " + partitions);
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
        }
        this.sc = sc;
        this.partitions = partitions;
        this.owned = owned;
        this.chunk = chunk;
    }

    int partitions() {
        return partitions == 0 ? sc.defaultParallelism() : partitions;
    }

    @Override
    public void run(PowerJob job, int from, int to, Consumer<ReplicateResult> sink) {
        if (from >= to) {
            return;
        }
        ResultLayout layout = job.layout();
        Broadcast<PowerJob> shared = sc.broadcast(job);
        // two chunks queued at a time: the scheduler starts the next one's tasks as soon as cores free up
        // at the end of the current one, and the driver decodes a chunk while the next ones compute
        ArrayDeque<JavaFutureAction<List<byte[]>>> pending = new ArrayDeque<>();
        try {
            int next = from;
            int expected = from;
            while (next < to || !pending.isEmpty()) {
                while (next < to && pending.size() < 2) {
                    int end = (int) Math.min(to, (long) next + chunk);
                    pending.add(submit(shared, next, end));
                    next = end;
                }
                List<byte[]> results = await(pending.remove());
                for (byte[] bytes : results) {
                    ReplicateResult r = ReplicateResult.decode(layout, bytes);
                    if (r.replicate() != expected) {
                        throw new IllegalStateException("Spark returned replicate " + r.replicate() + " where " + expected + " was due");
                    }
                    sink.accept(r);
                    expected++;
                }
            }
            if (expected != to) {
                throw new IllegalStateException("Spark returned replicates up to " + expected + ", expected up to " + to);
            }
        } finally {
            // a failing sink (or job) leaves nothing running behind it
            pending.forEach(f -> f.cancel(true));
            // and the broadcast goes only when the cancelled jobs have ended: destroyed while the scheduler still
            // serializes a job's tasks, it made Spark log an ERROR with a stack trace (INTERNAL_ERROR_BROADCAST)
            pending.forEach(SparkReplicateExecutor::awaitEnd);
            shared.destroy();
        }
    }

    /** Waits until a cancelled job has ended, however it ended (its results are not wanted). */
    private static void awaitEnd(JavaFutureAction<List<byte[]>> cancelled) {
        try {
            cancelled.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException e) {
            // the cancellation, or the job's own failure: either way it has ended
        }
    }

    /** Starts the Spark job for replicates {@code from} .. {@code to - 1}. */
    private JavaFutureAction<List<byte[]>> submit(Broadcast<PowerJob> shared, int from, int to) {
        List<int[]> blocks = new ArrayList<>((to - from + BLOCK - 1) / BLOCK);
        for (int b = from; b < to; b += BLOCK) {
            blocks.add(new int[] {b, Math.min(to, b + BLOCK)});
        }
        return sc.parallelize(blocks, partitions()).mapPartitions(new Simulate(shared)).collectAsync();
    }

    private static List<byte[]> await(JavaFutureAction<List<byte[]>> pending) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("a Spark job failed: " + cause.getMessage(), cause);
        }
    }

    /** The task: simulate the replicates of each block, in order, yielding their bytes lazily. */
    private static final class Simulate implements FlatMapFunction<Iterator<int[]>, byte[]> {

        private static final long serialVersionUID = 1L;

        private final Broadcast<PowerJob> job;

        Simulate(Broadcast<PowerJob> job) {
            this.job = job;
        }

        @Override
        public Iterator<byte[]> call(Iterator<int[]> blocks) {
            PowerJob j = job.value();
            return new Iterator<>() {
                private int r;
                private int end;

                @Override
                public boolean hasNext() {
                    while (r >= end && blocks.hasNext()) {
                        int[] b = blocks.next();
                        r = b[0];
                        end = b[1];
                    }
                    return r < end;
                }

                @Override
                public byte[] next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return j.simulate(r++).encode();
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
