package org.dlspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dlspark.spark.SparkContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fit given a {@code checkpointDir}, interrupted after its first epoch (its Spark jobs cancelled) and started
 * again, resumes after that epoch and ends with the network of a fit that was never interrupted.
 */
class DlSparkClassifierResumeTest {

    private static JavaSparkContext spark;
    private static SparkSession session;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkContexts.start("ml resume test", "local[2]");
        session = SparkSession.builder().sparkContext(spark.sc()).getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    @Test
    void anInterruptedFitResumesAfterItsLastEpoch() throws Exception {
        Dataset<Row> train = images(3072, 1);
        Dataset<Row> test = images(256, 2);
        Path checkpoints = dir.resolve("checkpoints");
        DlSparkClassifier classifier = new DlSparkClassifier().setEpochs(3).setBatchSize(32).setWorkers(2)
                .setSeed(11).setCheckpointDir(checkpoints.toString());

        CompletableFuture<DlSparkClassificationModel> interrupted = CompletableFuture.supplyAsync(
                () -> classifier.fit(train));
        awaitCheckpointOfEpoch(checkpoints, 1, interrupted);
        while (!interrupted.isDone()) {
            spark.sc().cancelAllJobs(); // the fit runs many short jobs: cancel until one of them ends it
            Thread.sleep(5);
        }
        Exception cancelled = assertThrows(Exception.class, interrupted::join);
        assertTrue(checkpointRecords(checkpoints) >= 1, "the first epoch's checkpoint is kept: " + cancelled);

        String printed = printedBy(() -> classifier.fit(train));
        assertTrue(printed.contains("DlSparkClassifier: resuming after epoch"), printed);
        DlSparkClassificationModel resumed = lastFit;
        assertEquals(0, checkpointRecords(checkpoints), "a completed fit removes its checkpoints");

        DlSparkClassificationModel undisturbed = classifier.copy(org.apache.spark.ml.param.ParamMap.empty())
                .setCheckpointDir("").fit(train);
        assertEquals(undisturbed.transform(test).select("probability").collectAsList(),
                resumed.transform(test).select("probability").collectAsList(),
                "the resumed fit ends where an undisturbed one does");
    }

    private static DlSparkClassificationModel lastFit;

    /** What {@code fit} prints to standard output while it runs (it prints there as well). */
    private static String printedBy(java.util.function.Supplier<DlSparkClassificationModel> fit) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            lastFit = fit.get();
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        original.print(printed);
        return printed;
    }

    /** Waits until the checkpoint of {@code epoch} is written; fails if the fit ends first. */
    private static void awaitCheckpointOfEpoch(Path checkpoints, int epoch, CompletableFuture<?> fit)
            throws Exception {
        while (checkpointRecords(checkpoints) < epoch) {
            if (fit.isDone()) {
                fit.join();
                throw new AssertionError("the fit ended before its checkpoint of epoch " + epoch);
            }
            Thread.sleep(20);
        }
    }

    /** The checkpoint records ({@code epoch-NNNN.json}) in the fits' folders under {@code checkpoints}. */
    private static long checkpointRecords(Path checkpoints) throws Exception {
        if (!Files.isDirectory(checkpoints)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(checkpoints)) {
            return files.filter(file -> file.getFileName().toString().matches("epoch-\\d{4}\\.json")).count();
        }
    }

    /** {@code count} 28x28 images, pixel values 0..255, labelled 1 when bright in their top half, else 0. */
    private static Dataset<Row> images(int count, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean top = random.nextBoolean();
            double[] pixels = new double[28 * 28];
            for (int p = 0; p < pixels.length; p++) {
                boolean bright = (p < 14 * 28) == top;
                pixels[p] = Math.min(255, Math.max(0, (bright ? 140 : 100) + 60 * random.nextGaussian()));
            }
            rows.add(RowFactory.create(Vectors.dense(pixels), top ? 1.0 : 0.0));
        }
        return session.createDataFrame(rows, new StructType().add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.DoubleType));
    }
}
