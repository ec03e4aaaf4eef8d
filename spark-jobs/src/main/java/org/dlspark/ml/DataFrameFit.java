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
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.attribute.Attribute$;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.dlspark.data.text.TextCleaner;
import org.dlspark.data.text.Tokenizer;
import org.dlspark.data.text.Vocabulary;
import org.dlspark.fetch.Sha256;
import org.dlspark.io.Json;
import org.dlspark.model.TrainedModel;
import org.dlspark.run.CodeVersion;
import org.dlspark.run.RunInfo;
import org.dlspark.train.EarlyStopping;
import org.dlspark.train.ClassificationObjective;
import org.dlspark.train.EpochTrainer;
import org.dlspark.train.LearningRateSchedule;
import org.dlspark.train.ProgressPrinter;
import org.dlspark.train.Replica;
import org.dlspark.train.SparkSite;
import org.dlspark.train.Strategy;
import org.dlspark.train.TrainSettings;
import org.dlspark.train.sharing.SharingSettings;
import org.dlspark.zoo.InputSpec;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;

/**
 * One {@link DlSparkClassifier#fit}: checks the DataFrame, builds the zoo network for its classes (and a text
 * model's vocabulary, counted with Spark), and trains it on the DataFrame's executors with the strategy's trainer,
 * as {@code dlspark train} does.
 */
final class DataFrameFit {

    /** Minibatches each worker fits between two parameter averagings, as {@code dlspark train}'s default. */
    private static final int AVERAGING_FREQUENCY = 5;

    /** Tokens seen fewer times are out of the vocabulary, as {@code dlspark preprocess} leaves them by default. */
    private static final int MIN_COUNT = 2;

    private static final String VOCABULARY_SIZE = "vocabularySize";

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
        String label = classifier.getLabelCol();
        InputSpec input = ModelZoo.create(family).input();
        Dataset<Row> rows = dataset.select(col(classifier.getFeaturesCol()), col(label).cast("double"));
        RowCheck.Features kind = features(dataset.schema().apply(classifier.getFeaturesCol()));
        RowCheck check = RowCheck.of(rows.javaRDD(), kind, kind == RowCheck.Features.VECTORS
                ? imageLength(family, (InputSpec.Images) input) : -1, classifier.getFeaturesCol(), label);
        List<String> classNames = classNames(label, check);
        Map<String, String> hyperparameters = classifier.hyperparameterValues();
        if (ModelZoo.keys(family).contains("classes")) {
            hyperparameters.put("classes", Integer.toString(classNames.size()));
        }
        double heldOut = classifier.getValidationFraction();
        long seed = classifier.getSeed();
        Dataset<Row>[] split = heldOut > 0 ? rows.randomSplit(new double[] {1 - heldOut, heldOut}, seed)
                : null;
        JavaRDD<Row> train = split != null ? split[0].javaRDD() : rows.javaRDD();
        Vocabulary vocabulary = input instanceof InputSpec.TokenSequences sequences && kind == RowCheck.Features.OTHER
                ? vocabulary(train, hyperparameters, sequences) : null;
        if (kind == RowCheck.Features.TOKEN_IDS) {
            hyperparameters.put(VOCABULARY_SIZE, Integer.toString(tokenIdVocabulary(hyperparameters, check)));
        }
        ZooModel model = ModelZoo.create(family, hyperparameters);
        RowEncoder encoder = encoder(model.input(), kind, vocabulary, classNames.size());
        TrainSettings settings = settings(model, hyperparameters);
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
        JavaRDD<Row> validation = split != null ? split[1].javaRDD() : spark.emptyRDD();
        String dataId = String.format(Locale.ROOT, "dataframe-%016x", check.contentHash());
        try (SparkSite site = SparkSite.attach(spark, settings.workers());
                FitCheckpoints checkpoints = checkpoints(settings, site.workers(), dataId, classNames)) {
            DataFrameBatches batches = new DataFrameBatches(train, validation, site.workers(), encoder,
                    settings.batchSize());
            out.printf(Locale.ROOT, "DlSparkClassifier: training %s on %d rows, %d epochs, %s; each epoch's "
                    + "accuracy on the %s%n", family, batches.trainExamples(), settings.epochs(),
                    settings.strategy().implementation().describe(site, settings), batches.validationExamples() > 0
                            ? batches.validationExamples() + " rows held out" : "training rows");
            EpochTrainer.Result result = train(model, site, batches, settings, classNames, checkpoints);
            batches.release();
            byte[] bytes = serialize(result.network());
            RunInfo info = new RunInfo(family, hyperparameters, classNames, input instanceof InputSpec.Images
                    ? ImageRows.SCALE : null, kind == RowCheck.Features.TOKEN_IDS ? TrainedModel.TOKEN_IDS
                    : TrainedModel.DATAFRAME, dataId, settings.strategy().option(), settings.epochs(),
                    settings.batchSize(), seed, Integer.MAX_VALUE, CodeVersion.current(), Instant.now().toString(),
                    Sha256.of(bytes));
            if (checkpoints != null) {
                checkpoints.completed();
            }
            FitMetrics metrics = new FitMetrics(family, settings.strategy().option(), site.workers(),
                    result.history().size(), settings.batchSize(), batches.trainExamples(), result.trainSeconds(),
                    result.examplesSeen() / result.trainSeconds(), result.classification(classNames).accuracy(),
                    result.classification(classNames).macroF1(),
                    batches.validationExamples() > 0 ? "rows held out" : "training rows", result.history());
            return new DlSparkClassificationModel(classifier.uid(), new TrainedModel("", info, bytes,
                    vocabulary == null ? List.of() : vocabulary.tokens()), Json.toPrettyText(metrics));
        }
    }

    /**
     * Trains the network of {@code model}, new or from the checkpoint an interrupted run of the same fit left,
     * with the strategy's trainer; keeps a checkpoint after every epoch when {@code checkpoints} is not null.
     */
    private EpochTrainer.Result train(ZooModel model, SparkSite site, DataFrameBatches batches,
            TrainSettings settings, List<String> classNames, FitCheckpoints checkpoints) {
        Optional<FitCheckpoints.Resumed> resumed = checkpoints == null ? Optional.empty() : checkpoints.resumed();
        ComputationGraph network;
        if (resumed.isPresent()) {
            network = resumed.get().network();
            out.printf(Locale.ROOT, "DlSparkClassifier: resuming after epoch %d from %s%n",
                    resumed.get().resumption().earlier().size(), checkpoints.location());
        } else {
            network = model.build();
            model.pretrain(network, site.dataParallel(batches));
        }
        EpochTrainer trainer = settings.strategy().implementation().trainer(site, Replica.of(network), batches,
                new ClassificationObjective(), settings, scratch.resolve("stalls"), out);
        ProgressPrinter progress = new ProgressPrinter(out, settings.epochs());
        return trainer.train(settings.epochs(), batches.trainExamples(), classNames,
                resumed.map(FitCheckpoints.Resumed::resumption).orElse(EpochTrainer.Resumption.NONE),
                settings.stopping(), (report, trained, best) -> {
                    progress.epochDone(report);
                    if (checkpoints != null) {
                        checkpoints.save(report, trained, best);
                    }
                });
    }

    /**
     * The checkpoints of this fit in the classifier's {@code checkpointDir}, or null when it has none. A fit is
     * the same one again when its settings, its workers, its classes and its data's content are.
     */
    private FitCheckpoints checkpoints(TrainSettings settings, int workers, String dataId, List<String> classNames) {
        if (classifier.getCheckpointDir().isBlank()) {
            return null;
        }
        String fingerprint = String.join("\n", settings.model(), new TreeMap<>(settings.hyperparameters())
                .toString(), settings.strategy().option(), "epochs " + settings.epochs(), "batch "
                + settings.batchSize(), "workers " + workers, "validation " + classifier.getValidationFraction(),
                "patience " + classifier.getPatience(), "features " + classifier.getFeaturesCol(), "label "
                + classifier.getLabelCol(), "shape " + classifier.getInputShape(), dataId, classNames.toString());
        return FitCheckpoints.open(classifier.getCheckpointDir(), fingerprint, settings.seed(), out);
    }

    /** What the features column {@code field} holds: vectors, token id arrays, or texts and images. */
    private static RowCheck.Features features(StructField field) {
        if (field.dataType().equals(SQLDataTypes.VectorType())) {
            return RowCheck.Features.VECTORS;
        }
        return ColumnChecks.isTokenIds(field) ? RowCheck.Features.TOKEN_IDS : RowCheck.Features.OTHER;
    }

    /** What turns the features column into the input of a network of {@code input}. */
    private static RowEncoder encoder(InputSpec input, RowCheck.Features kind, Vocabulary vocabulary, int classes) {
        if (input instanceof InputSpec.TokenSequences sequences) {
            return kind == RowCheck.Features.TOKEN_IDS
                    ? new TokenIdRows(sequences.vocabularySize(), sequences.maxLength(), classes)
                    : new TextRows(vocabulary, sequences.maxLength(), classes);
        }
        return ImageRows.of((InputSpec.Images) input, classes);
    }

    /**
     * The embedding rows for token ids up to {@code check}'s largest: the {@code vocabularySize} hyperparameter
     * when given, which must exceed every id, else the largest id plus one.
     *
     * @throws IllegalArgumentException when an id is not below the given size
     */
    private int tokenIdVocabulary(Map<String, String> hyperparameters, RowCheck check) {
        if (!hyperparameters.containsKey(VOCABULARY_SIZE)) {
            return (int) Math.max(check.maxId() + 1, 2);
        }
        int size = givenVocabularySize(hyperparameters);
        if (check.maxId() >= size) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "column '%s' holds token id %d, but the "
                    + "hyperparameter vocabularySize is %d: ids must lie in [0, vocabularySize)",
                    classifier.getFeaturesCol(), check.maxId(), size));
        }
        return size;
    }

    /**
     * Pixels per image of {@code images}, which {@link DlSparkClassifier#inputShape()} must state.
     *
     * @throws IllegalArgumentException when it states another shape
     */
    private int imageLength(String family, InputSpec.Images images) {
        int[] shape = ColumnChecks.shape(classifier.getInputShape());
        if (shape[0] != images.height() || shape[1] != images.width() || shape[2] != images.channels()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "inputShape %d,%d,%d does not fit %s, "
                    + "which takes %dx%dx%d images", shape[0], shape[1], shape[2], family, images.height(),
                    images.width(), images.channels()));
        }
        return shape[0] * shape[1] * shape[2];
    }

    /**
     * The vocabulary of the training texts, counted with Spark as {@code dlspark preprocess} does (tokens seen at
     * least twice, at most the family's {@code vocabularySize}); {@code hyperparameters} take its size.
     */
    private static Vocabulary vocabulary(JavaRDD<Row> train, Map<String, String> hyperparameters,
            InputSpec.TokenSequences defaults) {
        int maxSize = hyperparameters.containsKey(VOCABULARY_SIZE) ? givenVocabularySize(hyperparameters)
                : defaults.vocabularySize();
        Vocabulary vocabulary = Vocabulary.count(train.map(row -> Tokenizer.tokens(TextCleaner.cleanText(
                row.getString(0)))), MIN_COUNT, maxSize);
        hyperparameters.put(VOCABULARY_SIZE, Integer.toString(vocabulary.size()));
        return vocabulary;
    }

    /** The {@code vocabularySize} hyperparameter, which must be a whole number. */
    private static int givenVocabularySize(Map<String, String> hyperparameters) {
        String value = hyperparameters.get(VOCABULARY_SIZE).strip();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hyperparameter " + VOCABULARY_SIZE + ": '" + value + "' is not a "
                    + "whole number", e);
        }
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

    /** The settings of the run: the classifier's, the family's defaults where it leaves them at 0. */
    private TrainSettings settings(ZooModel model, Map<String, String> hyperparameters) {
        int workers = classifier.getWorkers();
        int epochs = classifier.getEpochs() > 0 ? classifier.getEpochs() : model.defaultTraining().epochs();
        int batchSize = classifier.getBatchSize() > 0 ? classifier.getBatchSize()
                : model.defaultTraining().batchSize();
        return new TrainSettings(model.name(), new LinkedHashMap<>(hyperparameters),
                Strategy.of(classifier.getStrategy()), "DataFrame", scratch.toString(), epochs, batchSize, null,
                workers == 0 ? null : workers, AVERAGING_FREQUENCY, SharingSettings.DEFAULTS,
                classifier.getSeed(), Integer.MAX_VALUE, Integer.MAX_VALUE,
                new EarlyStopping(classifier.getPatience()), LearningRateSchedule.CONSTANT,
                false, false, TrainSettings.DEFAULT_DRIVER_READ_LIMIT, null, false, null);
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
