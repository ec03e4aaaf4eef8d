package org.dlspark.cli;

import picocli.CommandLine.Option;

/** The Spark options of the jobs that spread work over tasks: where to run, and over how many tasks. */
final class SparkOptions {

    @Option(names = "--workers", paramLabel = "W", description = "Spark tasks. Default: one per task slot.")
    Integer workers;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[4] or spark://host:7077. Default: spark-submit's, else local[*].")
    String master;
}
