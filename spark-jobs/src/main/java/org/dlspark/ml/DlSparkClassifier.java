package org.dlspark.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.dlspark.data.DataFiles;
import org.dlspark.train.Strategy;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.Task;

/**
 * Fits a zoo classifier to a DataFrame, data-parallel over the DataFrame's executors with the trainers of
 * {@code dlspark train}: Spark ML's {@code Estimator} for DLSpark. The features column holds Spark ML
 * {@code Vector}s of images flattened row by row ({@link #inputShape()}, pixel values 0 to 255) for the image
 * classifiers, strings for the sequence classifiers (whose vocabulary {@code fit} counts with Spark and the model
 * keeps); the label column class indices as {@code StringIndexer} writes them; the number of classes comes from the
 * label column's metadata,
 * else from its largest value. Every input is checked before any training, and a wrong one is refused with an
 * {@link IllegalArgumentException} naming the column.
 */
public final class DlSparkClassifier extends Estimator<DlSparkClassificationModel> implements MLWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> family;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final Param<String> inputShape;
    private final IntParam epochs;
    private final IntParam batchSize;
    private final Param<String> strategy;
    private final IntParam workers;
    private final LongParam seed;
    private final DoubleParam learningRate;
    private final DoubleParam l2;
    private final DoubleParam dropout;
    private final StringArrayParam hyperparameters;
    private final DoubleParam validationFraction;
    private final IntParam patience;
    private final Param<String> checkpointDir;

    /** A classifier with a new unique id. */
    public DlSparkClassifier() {
        this(Identifiable$.MODULE$.randomUID("dlsparkClassifier"));
    }

    /** A classifier with the id {@code uid} (Spark ML's copies and readers use this constructor). */
    public DlSparkClassifier(String uid) {
        this.uid = uid;
        List<String> classifiers = ModelZoo.names().stream()
                .filter(name -> ModelZoo.family(name).task() == Task.CLASSIFICATION).collect(Collectors.toList());
        family = new Param<>(this, "family", "the zoo classifier to train: one of " + classifiers,
                ParamValidators.inArray(classifiers));
        featuresCol = new Param<>(this, "featuresCol", "the features column: image vectors, or texts for the "
                + "sequence classifiers");
        labelCol = new Param<>(this, "labelCol", "the label column: class indices 0, 1, ...");
        predictionCol = new Param<>(this, "predictionCol", "the column the model writes its predicted class to");
        probabilityCol = new Param<>(this, "probabilityCol", "the column the model writes class probabilities to");
        inputShape = new Param<>(this, "inputShape", "the images' height, width and channels, e.g. 28,28,1",
                ColumnChecks.SHAPE_FORMAT);
        epochs = new IntParam(this, "epochs", "passes over the training rows; 0 for the family's default",
                ParamValidators.gtEq(0));
        batchSize = new IntParam(this, "batchSize", "examples per minibatch on each worker; 0 for the family's "
                + "default", ParamValidators.gtEq(0));
        strategy = new Param<>(this, "strategy", "parameter-averaging or gradient-sharing",
                ParamValidators.inArray(List.of(Strategy.PARAMETER_AVERAGING.option(),
                        Strategy.GRADIENT_SHARING.option())));
        workers = new IntParam(this, "workers", "data-parallel workers; 0 for one per task slot",
                ParamValidators.gtEq(0));
        seed = new LongParam(this, "seed", "seeds the weights and the data order");
        learningRate = new DoubleParam(this, "learningRate", "the updater's learning rate (> 0); 0 for the family's",
                ParamValidators.gtEq(0));
        l2 = new DoubleParam(this, "l2", "L2 regularisation (>= 0)", ParamValidators.gtEq(0));
        dropout = new DoubleParam(this, "dropout", "dropout rate in [0, 1)", ParamValidators.inRange(0, 1, true,
                false));
        hyperparameters = new StringArrayParam(this, "hyperparameters",
                "other hyperparameters of the family as key=value ('dlspark zoo NAME' lists them)");
        validationFraction = new DoubleParam(this, "validationFraction", "rows held out for early stopping and the "
                + "per-epoch accuracy, in [0, 1); 0 for none", ParamValidators.inRange(0, 1, true, false));
        patience = new IntParam(this, "patience", "epochs without a better validation accuracy before training "
                + "stops; 0 never stops early", ParamValidators.gtEq(0));
        checkpointDir = new Param<>(this, "checkpointDir", "a folder (local path or Hadoop URI) where fit keeps a "
                + "checkpoint after every epoch, and from which the same fit, interrupted, resumes; empty for none");
        setDefault(family, "cnn");
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
        setDefault(inputShape, "28,28,1");
        setDefault(epochs, 0);
        setDefault(batchSize, 0);
        setDefault(strategy, Strategy.PARAMETER_AVERAGING.option());
        setDefault(workers, 0);
        setDefault(seed, 42L);
        setDefault(learningRate, 0.0);
        setDefault(l2, 0.0);
        setDefault(dropout, 0.0);
        setDefault(hyperparameters, new String[0]);
        setDefault(validationFraction, 0.0);
        setDefault(patience, 0);
        setDefault(checkpointDir, "");
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> family() {
        return family;
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> labelCol() {
        return labelCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    public Param<String> inputShape() {
        return inputShape;
    }

    public IntParam epochs() {
        return epochs;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public Param<String> strategy() {
        return strategy;
    }

    public IntParam workers() {
        return workers;
    }

    public LongParam seed() {
        return seed;
    }

    public DoubleParam learningRate() {
        return learningRate;
    }

    public DoubleParam l2() {
        return l2;
    }

    public DoubleParam dropout() {
        return dropout;
    }

    public StringArrayParam hyperparameters() {
        return hyperparameters;
    }

    public DoubleParam validationFraction() {
        return validationFraction;
    }

    public IntParam patience() {
        return patience;
    }

    public Param<String> checkpointDir() {
        return checkpointDir;
    }

    public String getFamily() {
        return getOrDefault(family);
    }

    public String getFeaturesCol() {
        return getOrDefault(featuresCol);
    }

    public String getLabelCol() {
        return getOrDefault(labelCol);
    }

    public String getPredictionCol() {
        return getOrDefault(predictionCol);
    }

    public String getProbabilityCol() {
        return getOrDefault(probabilityCol);
    }

    public String getInputShape() {
        return getOrDefault(inputShape);
    }

    public int getEpochs() {
        return (Integer) getOrDefault(epochs);
    }

    public int getBatchSize() {
        return (Integer) getOrDefault(batchSize);
    }

    public String getStrategy() {
        return getOrDefault(strategy);
    }

    public int getWorkers() {
        return (Integer) getOrDefault(workers);
    }

    public long getSeed() {
        return (Long) getOrDefault(seed);
    }

    public double getLearningRate() {
        return (Double) getOrDefault(learningRate);
    }

    public double getL2() {
        return (Double) getOrDefault(l2);
    }

    public double getDropout() {
        return (Double) getOrDefault(dropout);
    }

    public double getValidationFraction() {
        return (Double) getOrDefault(validationFraction);
    }

    public int getPatience() {
        return (Integer) getOrDefault(patience);
    }

    public String getCheckpointDir() {
        return getOrDefault(checkpointDir);
    }

    public DlSparkClassifier setFamily(String value) {
        return (DlSparkClassifier) set(family, value);
    }

    public DlSparkClassifier setFeaturesCol(String value) {
        return (DlSparkClassifier) set(featuresCol, value);
    }

    public DlSparkClassifier setLabelCol(String value) {
        return (DlSparkClassifier) set(labelCol, value);
    }

    public DlSparkClassifier setPredictionCol(String value) {
        return (DlSparkClassifier) set(predictionCol, value);
    }

    public DlSparkClassifier setProbabilityCol(String value) {
        return (DlSparkClassifier) set(probabilityCol, value);
    }

    public DlSparkClassifier setInputShape(String value) {
        return (DlSparkClassifier) set(inputShape, value);
    }

    public DlSparkClassifier setEpochs(int value) {
        return (DlSparkClassifier) set(epochs, value);
    }

    public DlSparkClassifier setBatchSize(int value) {
        return (DlSparkClassifier) set(batchSize, value);
    }

    public DlSparkClassifier setStrategy(String value) {
        return (DlSparkClassifier) set(strategy, value);
    }

    public DlSparkClassifier setWorkers(int value) {
        return (DlSparkClassifier) set(workers, value);
    }

    public DlSparkClassifier setSeed(long value) {
        return (DlSparkClassifier) set(seed, value);
    }

    public DlSparkClassifier setLearningRate(double value) {
        return (DlSparkClassifier) set(learningRate, value);
    }

    public DlSparkClassifier setL2(double value) {
        return (DlSparkClassifier) set(l2, value);
    }

    public DlSparkClassifier setDropout(double value) {
        return (DlSparkClassifier) set(dropout, value);
    }

    /** Sets the other hyperparameters, {@code key -> value}. */
    public DlSparkClassifier setHyperparameters(Map<String, String> values) {
        return (DlSparkClassifier) set(hyperparameters, values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toArray(String[]::new));
    }

    public DlSparkClassifier setValidationFraction(double value) {
        return (DlSparkClassifier) set(validationFraction, value);
    }

    public DlSparkClassifier setPatience(int value) {
        return (DlSparkClassifier) set(patience, value);
    }

    public DlSparkClassifier setCheckpointDir(String value) {
        return (DlSparkClassifier) set(checkpointDir, value);
    }

    /**
     * The family's hyperparameters as this classifier sets them: the map of {@link #hyperparameters()}, then the
     * typed ones that differ from "the family's own" (learning rate 0), then the seed.
     */
    Map<String, String> hyperparameterValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String entry : getOrDefault(hyperparameters)) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("hyperparameters: '" + entry + "' is not key=value");
            }
            values.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
        }
        if (getLearningRate() > 0) {
            values.put("learningRate", Double.toString(getLearningRate()));
        }
        if (isSet(l2)) {
            values.put("l2", Double.toString(getL2()));
        }
        if (isSet(dropout)) {
            values.put("dropout", Double.toString(getDropout()));
        }
        values.put("seed", Long.toString(getSeed()));
        return values;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        ColumnChecks.requireFeatures(schema, getFeaturesCol(), ModelZoo.create(getFamily()).input());
        ColumnChecks.requireNumeric(schema, getLabelCol());
        return ColumnChecks.withOutputs(schema, getPredictionCol(), getProbabilityCol());
    }

    @Override
    public DlSparkClassificationModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Path scratch;
        try {
            scratch = Files.createTempDirectory("dlspark-fit-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            DlSparkClassificationModel model = new DataFrameFit(this, dataset, scratch).run();
            return (DlSparkClassificationModel) copyValues(model.setParent(this), ParamMap.empty());
        } finally {
            DataFiles.deleteRecursively(scratch.toUri().toString());
        }
    }

    @Override
    public DlSparkClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    @Override
    public MLWriter write() {
        return new ParamsWriter(this, null, null);
    }

    /** Reads a classifier saved with {@code write().save(path)}. */
    public static ParamsReader<DlSparkClassifier> read() {
        return new ParamsReader<>(DlSparkClassifier.class);
    }

    /** Loads a classifier saved with {@code write().save(path)}. */
    public static DlSparkClassifier load(String path) {
        return read().load(path);
    }
}
