package org.dlspark.ml;

import static org.apache.spark.sql.functions.col;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.Attribute$;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.dlspark.fetch.Sha256;
import org.dlspark.model.TrainedModel;
import org.dlspark.run.CodeVersion;
import org.dlspark.run.RunInfo;
import org.dlspark.train.EarlyStopping;
import org.dlspark.train.EpochTrainer;
import org.dlspark.train.LearningRateSchedule;
import org.dlspark.train.ProgressPrinter;
import org.dlspark.train.SparkSite;
import org.dlspark.train.Strategy;
import org.dlspark.train.TrainSettings;
import org.dlspark.train.sharing.SharingSettings;
import org.dlspark.zoo.InputSpec;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;

/**
 * One {@link DlSparkClassifier#fit}: checks the DataFrame, builds the zoo network for its shape and classes, and
 * trains it on the DataFrame's executors with the strategy's trainer, as {@code dlspark train} does.
 */
final class DataFrameFit {

    /** Minibatches each worker fits between two parameter averagings, as {@code dlspark train}'s default. */
    private static final int AVERAGING_FREQUENCY = 5;

    private final DlSparkClassifier classifier;
    private final Dataset<?> dataset;
    private final Path scratch;
    private final PrintStream out = System.out;

    DataFrameFit(DlSparkClassifier classifier, Dataset<?> dataset, Path scratch) {
        this.classifier = classifier;
        this.dataset = dataset;
        this.scratch = scratch;
    }

    DlSparkClassificationModel run() {
        String family = classifier.getFamily();
        String features = classifier.getFeaturesCol();
        String label = classifier.getLabelCol();
        InputSpec.Images images = imageInput(family);
        int[] shape = ColumnChecks.shape(classifier.getInputShape());
        if (shape[0] != images.height() || shape[1] != images.width() || shape[2] != images.channels()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "inputShape %d,%d,%d does not fit %s, "
                    + "which takes %dx%dx%d images", shape[0], shape[1], shape[2], family, images.height(),
                    images.width(), images.channels()));
        }
        Dataset<Row> rows = dataset.select(col(features), col(label).cast("double"));
        RowCheck check = RowCheck.of(rows.javaRDD(), shape[0] * shape[1] * shape[2], features, label);
        List<String> classNames = classNames(label, check);
        Map<String, String> hyperparameters = classifier.hyperparameterValues();
        if (ModelZoo.keys(family).contains("classes")) {
            hyperparameters.put("classes", Integer.toString(classNames.size()));
        }
        ZooModel model = ModelZoo.create(family, hyperparameters);
        TrainSettings settings = settings(family, hyperparameters);
        double heldOut = classifier.getValidationFraction();
        long seed = classifier.getSeed();
        Dataset<Row>[] split = heldOut > 0 ? rows.randomSplit(new double[] {1 - heldOut, heldOut}, seed)
                : null;
        JavaRDD<Row> train = split != null ? split[0].javaRDD() : rows.javaRDD();
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
        JavaRDD<Row> validation = split != null ? split[1].javaRDD() : spark.emptyRDD();
        try (SparkSite site = SparkSite.attach(spark, settings.workers())) {
            DataFrameBatches batches = new DataFrameBatches(train, validation, site.workers(),
                    ImageRows.of(images, classNames.size()), settings.batchSize());
            out.printf(Locale.ROOT, "DlSparkClassifier: training %s on %d rows, %d epochs, %s%n", family,
                    batches.trainExamples(), settings.epochs(),
                    settings.strategy().implementation().describe(site, settings));
            ComputationGraph network = model.build();
            model.pretrain(network, site.dataParallel(batches));
            EpochTrainer trainer = settings.strategy().implementation().trainer(site, network, batches, settings,
                    scratch.resolve("stalls"), out);
            ProgressPrinter progress = new ProgressPrinter(out, settings.epochs());
            EpochTrainer.Result result = trainer.train(settings.epochs(), batches.trainExamples(), classNames,
                    EpochTrainer.Resumption.NONE, settings.stopping(), (report, trained, best) ->
                            progress.epochDone(report));
            batches.release();
            byte[] bytes = serialize(result.network());
            RunInfo info = new RunInfo(family, hyperparameters, classNames, ImageRows.SCALE, "DataFrame",
                    "dataframe-" + Integer.toHexString(rows.semanticHash()),
                    settings.strategy().option(), settings.epochs(), settings.batchSize(), seed, Integer.MAX_VALUE,
                    CodeVersion.current(), Instant.now().toString(), Sha256.of(bytes));
            return new DlSparkClassificationModel(classifier.uid(), new TrainedModel("", info, bytes, List.of()));
        }
    }

    /** The image input of {@code family}, which must classify images. */
    private static InputSpec.Images imageInput(String family) {
        InputSpec input = ModelZoo.create(family).input();
        if (!(input instanceof InputSpec.Images images)) {
            throw new IllegalArgumentException("family: " + family + " classifies token sequences; "
                    + "DlSparkClassifier trains the image classifiers on vectors of pixels");
        }
        return images;
    }

    /**
     * The class names: the label column's, as {@code StringIndexer} records them in its metadata, else the indices
     * up to the largest label.
     */
    private List<String> classNames(String label, RowCheck check) {
        Attribute attribute = Attribute$.MODULE$.fromStructField(dataset.schema().apply(label));
        if (attribute instanceof NominalAttribute nominal && nominal.values().isDefined()) {
            String[] values = nominal.values().get();
            if (check.maxLabel() >= values.length) {
                throw new IllegalArgumentException("column '" + label + "' holds class " + (long) check.maxLabel()
                        + ", but its metadata names " + values.length + " classes");
            }
            return List.of(values);
        }
        List<String> names = new ArrayList<>();
        IntStream.rangeClosed(0, (int) check.maxLabel()).forEach(index -> names.add(Integer.toString(index)));
        if (names.size() < 2) {
            throw new IllegalArgumentException("column '" + label + "' holds a single class; a classifier needs two");
        }
        return names;
    }

    private TrainSettings settings(String family, Map<String, String> hyperparameters) {
        int workers = classifier.getWorkers();
        return new TrainSettings(family, new LinkedHashMap<>(hyperparameters),
                Strategy.of(classifier.getStrategy()), "DataFrame", scratch.toString(),
                classifier.getEpochs(), classifier.getBatchSize(), null,
                workers == 0 ? null : workers, AVERAGING_FREQUENCY, SharingSettings.DEFAULTS,
                classifier.getSeed(), Integer.MAX_VALUE, Integer.MAX_VALUE,
                new EarlyStopping(classifier.getPatience()), LearningRateSchedule.CONSTANT,
                false, false, TrainSettings.DEFAULT_DRIVER_READ_LIMIT, null, false);
    }

    private static byte[] serialize(ComputationGraph network) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ModelSerializer.writeModel(network, bytes, true);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
