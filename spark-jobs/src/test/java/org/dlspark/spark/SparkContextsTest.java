package org.dlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class SparkContextsTest {

    private static final String PEAKS = ExecutorPeaksPlugin.class.getName();

    @Test
    void countsTheTaskSlotsOfLocalMastersOnly() {
        assertEquals(OptionalInt.of(1), SparkContexts.localSlots("local"));
        assertEquals(OptionalInt.of(3), SparkContexts.localSlots("local[3]"));
        assertEquals(OptionalInt.of(4), SparkContexts.localSlots("local[4,2]"));
        assertEquals(OptionalInt.of(Runtime.getRuntime().availableProcessors()), SparkContexts.localSlots("local[*]"));
        assertEquals(OptionalInt.empty(), SparkContexts.localSlots("spark://127.0.0.1:7077"));
        assertEquals(OptionalInt.empty(), SparkContexts.localSlots("local-cluster[2,1,1024]"));
    }

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
