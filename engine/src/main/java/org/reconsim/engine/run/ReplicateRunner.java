package org.reconsim.engine.run;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Runs independent replicates on a thread pool and hands their results to a sink in
 * replicate order, whatever order they finish in. At most a few tasks per thread are in
 * flight, so memory stays flat however many replicates run.
 */
public final class ReplicateRunner implements AutoCloseable {

    private final int threads;
    private final ExecutorService pool;

    public ReplicateRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
        ThreadFactory daemon = r -> {
            Thread t = new Thread(r, "reconsim-replicate");
            t.setDaemon(true);
            return t;
        };
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemon);
    }

    public int threads() {
        return threads;
    }

    /** How manifests and messages name a run on these threads: {@code local (2 threads)}. */
    public String describe() {
        return "local (" + threads + (threads == 1 ? " thread)" : " threads)");
    }

    /** Runs {@code work} for each index in [from, to) and passes results to {@code sink} in index order. */
    public <T> void run(int from, int to, IntFunction<T> work, Consumer<T> sink) {
        if (pool == null) {
            for (int i = from; i < to; i++) {
                sink.accept(work.apply(i));
            }
            return;
        }
        int window = threads * 4;
        Deque<Future<T>> inFlight = new ArrayDeque<>();
        int next = from;
        try {
            while (next < to || !inFlight.isEmpty()) {
                while (next < to && inFlight.size() < window) {
                    final int i = next++;
                    inFlight.addLast(pool.submit(() -> work.apply(i)));
                }
                sink.accept(inFlight.removeFirst().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inFlight.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            inFlight.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
