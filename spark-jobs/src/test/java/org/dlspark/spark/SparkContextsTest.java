package org.dlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class SparkContextsTest {

    private static final String PEAKS = ExecutorPeaksPlugin.class.getName();

    @Test
    void addsThePluginWhenNoneIsNamed() {
        SparkConf conf = new SparkConf(false);
        SparkContexts.addPlugin(conf, PEAKS);
        assertEquals(PEAKS, conf.get("spark.plugins"));
    }

    @Test
    void keepsTheUsersPluginsAndNamesOursOnce() {
        SparkConf conf = new SparkConf(false).set("spark.plugins", "com.example.Tracing");
        SparkContexts.addPlugin(conf, PEAKS);
        SparkContexts.addPlugin(conf, PEAKS);
        assertEquals("com.example.Tracing," + PEAKS, conf.get("spark.plugins"));
    }
}
