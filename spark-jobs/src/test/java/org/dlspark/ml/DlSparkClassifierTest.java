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
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
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
 * The Spark ML API on images a CNN tells apart at once (a bright top half or a bright bottom half, with noise), and
 * on short texts, in local mode: fitted inside a pipeline, applied, saved and loaded, searched by cross-validation,
 * resumed from its checkpoints after an interruption, and refused on wrong input before training.
 */
class DlSparkClassifierTest {

    private static JavaSparkContext spark;
    private static SparkSession session;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkContexts.start("ml test", "local[2]");
        session = SparkSession.builder().sparkContext(spark.sc()).getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    @Test
    void aPipelineTrainsPredictsAndComesBackFromDisk() throws Exception {
        Dataset<Row> train = images(512, 1);
        Dataset<Row> test = images(128, 2);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new StringIndexer().setInputCol("kind").setOutputCol("label"),
            new DlSparkClassifier().setEpochs(1).setBatchSize(32).setWorkers(2).setSeed(7),
            new IndexToString().setInputCol("prediction").setOutputCol("predictedKind")
                    .setLabels(new String[] {"bottom", "top"})});
        PipelineModel model = pipeline.fit(train);
        Dataset<Row> predicted = model.transform(test);
        assertEquals(List.of("features", "kind", "label", "prediction", "probability", "predictedKind"),
                List.of(predicted.columns()));
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(predicted);
        assertTrue(accuracy >= 0.95, "accuracy " + accuracy);

        String saved = dir.resolve("pipeline").toString();
        model.write().save(saved);
        PipelineModel loaded = PipelineModel.load(saved);
        List<Row> again = loaded.transform(test).select("prediction", "probability").collectAsList();
        assertEquals(predicted.select("prediction", "probability").collectAsList(), again);

        DlSparkClassificationModel stage = (DlSparkClassificationModel) model.stages()[1];
        String alone = dir.resolve("model").toString();
        stage.write().save(alone);
        DlSparkClassificationModel reloaded = DlSparkClassificationModel.load(alone);
        assertEquals(stage.uid(), reloaded.uid());
        assertEquals(List.of("bottom", "top"), reloaded.classNames());
        assertTrue(java.nio.file.Files.isRegularFile(Path.of(alone, "model.zip")), "a run folder");
        assertTrue(java.nio.file.Files.isRegularFile(Path.of(alone, "run.json")), "a run folder");

        org.apache.commons.io.FileUtils.deleteDirectory(Path.of(alone, "metadata").toFile());
        DlSparkClassificationModel runFolder = DlSparkClassificationModel.load(alone);
        assertEquals(predicted.select("prediction").collectAsList(),
                runFolder.transform(test).select("prediction").collectAsList(), "a run folder without metadata");
    }

    @Test
    void aSequenceClassifierLearnsFromAStringColumn() throws Exception {
        Dataset<Row> train = texts(256, 5);
        Dataset<Row> test = texts(64, 6);
        StringIndexer indexer = new StringIndexer().setInputCol("kind").setOutputCol("label");
        DlSparkClassifier classifier = new DlSparkClassifier().setFamily("lstm").setFeaturesCol("text")
                .setEpochs(3).setBatchSize(32).setWorkers(2).setLearningRate(0.01)
                .setHyperparameters(java.util.Map.of("maxLength", "16"));
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {indexer, classifier}).fit(train);
        Dataset<Row> predicted = model.transform(test);
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(predicted);
        assertTrue(accuracy >= 0.9, "accuracy " + accuracy);

        String saved = dir.resolve("text-model").toString();
        ((DlSparkClassificationModel) model.stages()[1]).write().save(saved);
        assertTrue(java.nio.file.Files.isRegularFile(Path.of(saved, "vocabulary.txt")), "the vocabulary is kept");
        assertEquals(predicted.select("prediction").collectAsList(), DlSparkClassificationModel.load(saved)
                .setFeaturesCol("text").transform(test).select("prediction").collectAsList());
        assertMessage("column 'features' holds vector, not texts (string)", () -> classifier.copy(empty())
                .setFeaturesCol("features").fit(images(16, 3).withColumn("label",
                        org.apache.spark.sql.functions.lit(0.0))));
    }

    @Test
    void aSequenceClassifierLearnsFromTokenIds() throws Exception {
        Dataset<Row> train = tokenIds(texts(256, 5));
        Dataset<Row> test = tokenIds(texts(64, 6));
        DlSparkClassifier classifier = new DlSparkClassifier().setFamily("lstm").setFeaturesCol("ids")
                .setEpochs(3).setBatchSize(32).setWorkers(2).setLearningRate(0.01)
                .setHyperparameters(java.util.Map.of("maxLength", "16"));
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {
            new StringIndexer().setInputCol("kind").setOutputCol("label"), classifier}).fit(train);
        Dataset<Row> predicted = model.transform(test);
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(predicted);
        assertTrue(accuracy >= 0.9, "accuracy " + accuracy);

        String saved = dir.resolve("token-id-model").toString();
        DlSparkClassificationModel stage = (DlSparkClassificationModel) model.stages()[1];
        stage.write().save(saved);
        DlSparkClassificationModel loaded = DlSparkClassificationModel.load(saved);
        assertEquals(predicted.select("prediction").collectAsList(), loaded.transform(test).select("prediction")
                .collectAsList());
        assertMessage("column 'text' holds texts, but the model was trained on token ids", () -> loaded
                .copy(empty()).setFeaturesCol("text").transform(test));

        Dataset<Row> indexed = new StringIndexer().setInputCol("kind").setOutputCol("label").fit(train)
                .transform(train);
        assertMessage("column 'ids' holds token id 17, but the hyperparameter vocabularySize is 10",
                () -> classifier.copy(empty()).setHyperparameters(java.util.Map.of("vocabularySize", "10"))
                        .fit(indexed));
        assertMessage("column 'ids' holds 1 token ids that are null or negative", () -> classifier.fit(indexed
                .withColumn("ids", org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.monotonically_increasing_id()
                        .equalTo(0), org.apache.spark.sql.functions.array(org.apache.spark.sql.functions.lit(-1)))
                        .otherwise(org.apache.spark.sql.functions.col("ids")))));
    }

    /** {@code texts} with a column {@code ids}: each word's id in a fixed list of the words {@link #texts} uses. */
    private static Dataset<Row> tokenIds(Dataset<Row> texts) {
        List<String> words = List.of("buy", "cheap", "offer", "free", "money", "win", "prize", "click", "meeting",
                "agenda", "tomorrow", "report", "project", "notes", "review", "team");
        List<Row> rows = new ArrayList<>();
        for (Row row : texts.collectAsList()) {
            int[] ids = java.util.Arrays.stream(row.getString(0).strip().split(" ")).mapToInt(words::indexOf)
                    .map(index -> index + 2).toArray();
            rows.add(RowFactory.create(row.getString(0), row.getString(1), ids));
        }
        return session.createDataFrame(rows, texts.schema().add("ids", DataTypes.createArrayType(
                DataTypes.IntegerType)));
    }

    @Test
    void imagesOfTheImageDataSourceAreResizedToTheModelsInput() throws Exception {
        Dataset<Row> train = pngFolder("png-train", 256, 8);
        Dataset<Row> test = pngFolder("png-test", 64, 9);
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {
            new StringIndexer().setInputCol("kind").setOutputCol("label"),
            new DlSparkClassifier().setFeaturesCol("image").setEpochs(2).setBatchSize(32).setWorkers(2)}).fit(train);
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
                .evaluate(model.transform(test));
        assertTrue(accuracy >= 0.9, "accuracy " + accuracy);
    }

    /**
     * {@code count} 40x36 colour PNG files in class folders {@code top} and {@code bottom}, as the image data source
     * reads them, with the class from the folder name.
     */
    private static Dataset<Row> pngFolder(String name, int count, long seed) throws Exception {
        Random random = new Random(seed);
        Path folder = dir.resolve(name);
        for (int i = 0; i < count; i++) {
            boolean top = random.nextBoolean();
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(36, 40,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 36; x++) {
                    boolean bright = (y < 20) == top;
                    int level = (int) Math.min(255, Math.max(0, (bright ? 180 : 40) + 40 * random.nextGaussian()));
                    image.setRGB(x, y, (level << 16) | (level / 2 << 8) | level);
                }
            }
            Path file = folder.resolve(top ? "top" : "bottom").resolve(i + ".png");
            java.nio.file.Files.createDirectories(file.getParent());
            javax.imageio.ImageIO.write(image, "png", file.toFile());
        }
        return session.read().format("image").load(folder + "/*").withColumn("kind",
                org.apache.spark.sql.functions.regexp_extract(org.apache.spark.sql.functions.col("image.origin"),
                        "/(top|bottom)/", 1));
    }

    @Test
    void crossValidationSearchesItsTypedParameters() {
        DlSparkClassifier classifier = new DlSparkClassifier().setEpochs(1).setBatchSize(32).setWorkers(2);
        Dataset<Row> indexed = new StringIndexer().setInputCol("kind").setOutputCol("label").fit(images(256, 4))
                .transform(images(256, 4));
        CrossValidatorModel model = new CrossValidator().setEstimator(classifier)
                .setEstimatorParamMaps(new ParamGridBuilder().addGrid(classifier.learningRate(),
                        new double[] {0.0003, 0.003}).build())
                .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("accuracy")).setNumFolds(2)
                .setSeed(5).fit(indexed);
        assertEquals(2, model.avgMetrics().length);
        assertTrue(model.bestModel() instanceof DlSparkClassificationModel, model.bestModel().toString());
    }

    @Test
    void wrongInputIsRefusedBeforeTraining() {
        DlSparkClassifier classifier = new DlSparkClassifier().setEpochs(1).setWorkers(2);
        Dataset<Row> indexed = new StringIndexer().setInputCol("kind").setOutputCol("label").fit(images(16, 3))
                .transform(images(16, 3));
        assertMessage("column 'pixels' is missing", () -> classifier.copy(empty()).setFeaturesCol("pixels")
                .fit(indexed));
        assertMessage("column 'kind' holds string", () -> classifier.copy(empty()).setLabelCol("kind")
                .fit(indexed));
        assertMessage("column 'label' holds string, not class indices", () -> classifier.fit(images(16, 3)
                .withColumnRenamed("kind", "label")));
        Dataset<Row> tooShort = session.createDataFrame(List.of(RowFactory.create(Vectors.dense(1, 2, 3), 0.0),
                RowFactory.create(Vectors.dense(4, 5, 6), 1.0)), new StructType().add("features",
                SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType));
        assertMessage("2 vectors are not of length 784 (inputShape), e.g. one of length 3",
                () -> classifier.fit(tooShort));
        assertMessage("column 'label' is null in 16 rows", () -> classifier.fit(indexed.withColumn("label",
                org.apache.spark.sql.functions.lit(null).cast("double"))));
        assertMessage("labels are not class indices", () -> classifier.fit(indexed.withColumn("label",
                org.apache.spark.sql.functions.lit(0.5))));
        assertMessage("the DataFrame is empty", () -> classifier.fit(indexed.limit(0)));
        assertMessage("inputShape 32,32,3 does not fit cnn", () -> classifier.copy(empty())
                .setInputShape("32,32,3").fit(indexed));
        assertThrows(IllegalArgumentException.class, () -> classifier.setFamily("no-such-model"));
    }

    private static org.apache.spark.ml.param.ParamMap empty() {
        return org.apache.spark.ml.param.ParamMap.empty();
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable fit) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, fit);
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    /** {@code count} short texts: "spam" ones of offers, "ham" ones of meetings, words drawn at random. */
    private static Dataset<Row> texts(int count, long seed) {
        String[] spam = {"buy", "cheap", "offer", "free", "money", "win", "prize", "click"};
        String[] ham = {"meeting", "agenda", "tomorrow", "report", "project", "notes", "review", "team"};
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean isSpam = random.nextBoolean();
            String[] words = isSpam ? spam : ham;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 6 + random.nextInt(6); w++) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            rows.add(RowFactory.create(text.toString(), isSpam ? "spam" : "ham"));
        }
        return session.createDataFrame(rows, new StructType().add("text", DataTypes.StringType)
                .add("kind", DataTypes.StringType));
    }

    /** {@code count} 28x28 images, "top" ones bright in their top half, "bottom" ones below. */
    private static Dataset<Row> images(int count, long seed) {
        return TestImages.of(session, count, seed, 180, 40, 40);
    }

    @Test
    void anInterruptedFitResumesAfterItsLastEpoch() throws Exception {
        Dataset<Row> train = lowContrastImages(3072, 1);
        Dataset<Row> test = lowContrastImages(256, 2);
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

        Printed again = fitPrinting(() -> classifier.fit(train));
        assertTrue(again.output().contains("DlSparkClassifier: resuming after epoch"), again.output());
        DlSparkClassificationModel resumed = again.model();
        assertEquals(0, checkpointRecords(checkpoints), "a completed fit removes its checkpoints");

        DlSparkClassificationModel undisturbed = classifier.copy(org.apache.spark.ml.param.ParamMap.empty())
                .setCheckpointDir("").fit(train);
        assertEquals(undisturbed.transform(test).select("probability").collectAsList(),
                resumed.transform(test).select("probability").collectAsList(),
                "the resumed fit ends where an undisturbed one does");
    }

    /** A fitted model, and what its fit printed. */
    private record Printed(DlSparkClassificationModel model, String output) {
    }

    /** Runs {@code fit}, capturing what it prints to standard output (and printing it there too). */
    private static Printed fitPrinting(java.util.function.Supplier<DlSparkClassificationModel> fit) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        DlSparkClassificationModel model;
        try {
            model = fit.get();
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        original.print(printed);
        return new Printed(model, printed);
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

    /** {@code count} 28x28 images of low contrast (a few epochs to learn), labelled 1 for "top", else 0. */
    private static Dataset<Row> lowContrastImages(int count, long seed) {
        return TestImages.of(session, count, seed, 140, 100, 60).withColumn("label",
                org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.col("kind").equalTo("top"), 1.0)
                        .otherwise(0.0));
    }
}
