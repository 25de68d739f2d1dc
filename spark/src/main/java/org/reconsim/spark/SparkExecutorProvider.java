package org.reconsim.spark;

import java.util.UUID;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.reconsim.results.power.ReplicateExecutor;
import org.reconsim.results.power.ReplicateExecutorProvider;

/**
 * {@code --engine spark}. Under spark-submit ({@code spark.master} is set as a system property)
 * replicates run on that master; otherwise on an embedded {@code local[threads]} master with the
 * web UI off and the driver bound to the loopback interface. A context that is already running in
 * this JVM (a test's, or the application's) is used as it is and left running.
 */
public final class SparkExecutorProvider implements ReplicateExecutorProvider {

    /** Marks a context as created by this provider, so that only such a context is stopped on close. */
    private static final String OWNER = "spark.reconsim.owner";

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ReplicateExecutor open(int threads, int partitions) {
        SparkConf conf = new SparkConf(); // reads the spark.* system properties spark-submit sets
        String owner = UUID.randomUUID().toString();
        conf.set(OWNER, owner);
        if (!conf.contains("spark.app.name")) {
            conf.setAppName("reconsim");
        }
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[" + Math.max(1, threads) + "]")
                    .set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkContext sc = SparkContext.getOrCreate(conf);
        boolean created = owner.equals(sc.getConf().get(OWNER, ""));
        return new SparkReplicateExecutor(JavaSparkContext.fromSparkContext(sc), partitions, created);
    }
}
