package org.reconsim.spark;

import java.util.UUID;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark context an engine runs on. Under spark-submit ({@code spark.master} is set as a
 * system property) that master; otherwise an embedded {@code local[threads]} master with the web
 * UI off and the driver bound to the loopback interface. A context already running in this JVM
 * (a test's, or the application's) is used as it is and left running.
 */
final class SparkContexts {

    /** Marks a context as created here, so that only such a context is stopped on close. */
    private static final String OWNER = "spark.reconsim.owner";

    /** A context and whether the caller created it (and must stop it). */
    record Acquired(JavaSparkContext context, boolean owned) {
    }

    private SparkContexts() {
    }

    static Acquired acquire(int threads) {
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
        return new Acquired(JavaSparkContext.fromSparkContext(sc), owner.equals(sc.getConf().get(OWNER, "")));
    }
}
