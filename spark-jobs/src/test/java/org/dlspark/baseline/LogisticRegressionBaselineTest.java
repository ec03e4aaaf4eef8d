package org.dlspark.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.dlspark.spark.SparkContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The baseline on data a linear model separates: images by their brightest pixel, texts by their words. */
class LogisticRegressionBaselineTest {

    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkContexts.start("baseline test", "local[2]");
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    @Test
    void separatesImagesByTheirPixels() {
        BaselineResult result = LogisticRegressionBaseline.fit(session(), spark.parallelize(images(8, 1), 2),
                spark.parallelize(images(4, 2), 2));
        assertEquals("MLlib logistic regression on pixels", result.method());
        assertEquals(1.0, result.accuracy(), 1e-9);
        assertEquals(1.0, result.macroF1(), 1e-9);
    }

    @Test
    void separatesTextsByTheirTokens() {
        BaselineResult result = LogisticRegressionBaseline.fit(session(), spark.parallelize(texts(8, 1), 2),
                spark.parallelize(texts(4, 2), 2));
        assertEquals("MLlib logistic regression on TF-IDF of the tokens", result.method());
        assertEquals(1.0, result.accuracy(), 1e-9);
        assertTrue(result.seconds() > 0);
    }

    private static SparkSession session() {
        return SparkSession.builder().sparkContext(spark.sc()).getOrCreate();
    }

    /** Minibatches of 8 one-channel 2x2 images: class c has its pixel c bright, the others dim and noisy. */
    private static List<DataSet> images(int batches, long seed) {
        Random random = new Random(seed);
        List<DataSet> all = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            float[] pixels = new float[8 * 4];
            float[] labels = new float[8 * 3];
            for (int example = 0; example < 8; example++) {
                int label = random.nextInt(3);
                for (int pixel = 0; pixel < 4; pixel++) {
                    pixels[example * 4 + pixel] = pixel == label ? 0.9f : 0.2f * random.nextFloat();
                }
                labels[example * 3 + label] = 1;
            }
            all.add(new DataSet(Nd4j.create(pixels, new long[] {8, 1, 2, 2}, 'c'),
                    Nd4j.create(labels, new long[] {8, 3}, 'c')));
        }
        return all;
    }

    /** Minibatches of 8 texts of up to 6 tokens: class 0 uses tokens 2 and 3, class 1 tokens 4 and 5; 0 pads. */
    private static List<DataSet> texts(int batches, long seed) {
        Random random = new Random(seed);
        List<DataSet> all = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            float[] ids = new float[8 * 6];
            float[] mask = new float[8 * 6];
            float[] labels = new float[8 * 2];
            for (int example = 0; example < 8; example++) {
                int label = random.nextInt(2);
                int length = 2 + random.nextInt(5);
                for (int position = 0; position < length; position++) {
                    ids[example * 6 + position] = 2 + 2 * label + random.nextInt(2);
                    mask[example * 6 + position] = 1;
                }
                labels[example * 2 + label] = 1;
            }
            all.add(new DataSet(Nd4j.create(ids, new long[] {8, 6}, 'c'), Nd4j.create(labels, new long[] {8, 2}, 'c'),
                    Nd4j.create(mask, new long[] {8, 6}, 'c'), null));
        }
        return all;
    }
}
