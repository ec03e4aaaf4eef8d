package org.dlspark.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts the Spark context of a job. The master is, in order: the {@code --master} option, the one spark-submit
 * set, or local mode with one task slot per core.
 */
public final class SparkContexts {

    /** The master used when neither the command line nor spark-submit names one. */
    public static final String DEFAULT_MASTER = "local[*]";

    private SparkContexts() {
    }

    /** A new context for the application {@code appName}; {@code master} may be null. */
    public static JavaSparkContext start(String appName, String master) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        // Spark's console progress bars would interleave with the job's own progress lines.
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        return new JavaSparkContext(conf);
    }
}
