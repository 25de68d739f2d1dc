package org.reconsim.cli;

/**
 * How a power run executes, as opposed to what it computes ({@link PowerRequest}): none of these
 * change a result, so a resumed run takes them afresh from its own command line.
 *
 * @param engine            where replicates run: "local" (threads) or "spark"
 * @param partitions        Spark partitions per sweep point; null for Spark's default parallelism
 * @param threads           worker threads; null for all cores
 * @param checkpointSeconds seconds between checkpoints
 * @param quiet             print nothing but results and errors
 * @param progress          show a progress bar even when stderr is not a terminal
 * @param force             replace an earlier run in the output folder (--force; a resumed run ignores it)
 */
record PowerExecution(String engine, Integer partitions, Integer threads, double checkpointSeconds, boolean quiet,
                      boolean progress, boolean force) {

    /** Without --force. */
    PowerExecution(String engine, Integer partitions, Integer threads, double checkpointSeconds, boolean quiet, boolean progress) {
        this(engine, partitions, threads, checkpointSeconds, quiet, progress, false);
    }
}
