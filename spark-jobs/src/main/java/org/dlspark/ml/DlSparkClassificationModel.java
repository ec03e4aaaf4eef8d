package org.dlspark.ml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.data.DataFiles;
import org.dlspark.data.text.Vocabulary;
import org.dlspark.model.TrainedModel;
import org.dlspark.train.TrainJob;
import org.dlspark.zoo.InputSpec;
import org.dlspark.zoo.ModelZoo;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained DLSpark classifier (of images or texts) as a Spark ML {@code Transformer}: {@link #transform} keeps every row and column and
 * adds the predicted class index and the class probabilities, computed in minibatches on the executors, the network
 * shipped once per executor. Saved with {@code write().save(path)} on any Hadoop path, alone or in a
 * {@code PipelineModel}, as a run folder that the command line reads too; {@link #load} also reads a run folder
 * written by {@code dlspark train}.
 */
public final class DlSparkClassificationModel extends Model<DlSparkClassificationModel> implements MLWritable {

    private static final long serialVersionUID = 1L;

    /** Rows predicted together. */
    private static final int INFERENCE_BATCH = 256;

    private final String uid;
    private final TrainedModel trained;
    private final String metrics;
    private final InputSpec input;
    private final Param<String> featuresCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final Param<String> inputShape;

    /**
     * The model of {@code trained}, with the id {@code uid} and what its fit measured ({@code metrics.json}; null
     * when unknown).
     */
    DlSparkClassificationModel(String uid, TrainedModel trained, String metrics) {
        this.uid = uid;
        this.trained = trained;
        this.metrics = metrics;
        this.input = ModelZoo.create(trained.info().model(), trained.info().hyperparameters()).input();
        if (trained.classNames().isEmpty()) {
            throw new IllegalArgumentException(trained.info().model() + " does not classify: "
                    + "DlSparkClassificationModel applies the classifiers");
        }
        featuresCol = new Param<>(this, "featuresCol", "the features column: image vectors, or texts");
        predictionCol = new Param<>(this, "predictionCol", "the column written with the predicted class index");
        probabilityCol = new Param<>(this, "probabilityCol", "the column written with the class probabilities");
        inputShape = new Param<>(this, "inputShape", "the images' height, width and channels, e.g. 28,28,1 "
                + "(image classifiers only)",
                ColumnChecks.SHAPE_FORMAT);
        setDefault(featuresCol, "features");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
        setDefault(inputShape, input instanceof InputSpec.Images images
                ? images.height() + "," + images.width() + "," + images.channels() : "1,1,1");
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> featuresCol() {
        return featuresCol;
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

    public DlSparkClassificationModel setFeaturesCol(String value) {
        return (DlSparkClassificationModel) set(featuresCol, value);
    }

    public DlSparkClassificationModel setPredictionCol(String value) {
        return (DlSparkClassificationModel) set(predictionCol, value);
    }

    public DlSparkClassificationModel setProbabilityCol(String value) {
        return (DlSparkClassificationModel) set(probabilityCol, value);
    }

    /** The class names, in the order of the class indices it predicts. */
    public List<String> classNames() {
        return trained.classNames();
    }

    /** The zoo family of the network. */
    public String family() {
        return trained.info().model();
    }

    @Override
    public StructType transformSchema(StructType schema) {
        String column = getOrDefault(featuresCol);
        ColumnChecks.requireFeatures(schema, column, input);
        if (input instanceof InputSpec.TokenSequences) {
            boolean ids = ColumnChecks.isTokenIds(schema.apply(column));
            if (ids != trained.vocabulary().isEmpty()) {
                throw new IllegalArgumentException("column '" + column + "' holds " + (ids ? "token ids" : "texts")
                        + ", but the model was trained on " + (ids ? "texts" : "token ids"));
            }
        }
        return ColumnChecks.withOutputs(schema, getOrDefault(predictionCol), getOrDefault(probabilityCol));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType output = transformSchema(dataset.schema());
        RowEncoder encoder = encoder();
        int features = dataset.schema().fieldIndex(getOrDefault(featuresCol));
        String column = getOrDefault(featuresCol);
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
        Broadcast<TrainedModel> network = spark.broadcast(trained);
        JavaRDD<Row> rows = dataset.toDF().javaRDD().mapPartitions(partition -> predict(
                TaskThreadNetworks.of(network.value()), encoder, features, column, partition));
        return dataset.sparkSession().createDataFrame(rows, output);
    }

    /**
     * What turns the features column into the network's input: pixels scaled as in training, texts by the model's
     * vocabulary, or token ids when it was trained on ids (and so has no vocabulary).
     */
    private RowEncoder encoder() {
        if (input instanceof InputSpec.TokenSequences sequences && trained.vocabulary().isEmpty()) {
            return new TokenIdRows(sequences.vocabularySize(), sequences.maxLength(), classNames().size());
        }
        if (input instanceof InputSpec.TokenSequences sequences) {
            return new TextRows(Vocabulary.of(trained.vocabulary()), sequences.maxLength(), classNames().size());
        }
        int[] shape = ColumnChecks.shape(getOrDefault(inputShape));
        return new ImageRows(shape[0], shape[1], shape[2], classNames().size(), trained.info().pixelScaling());
    }

    /** The rows of {@code partition}, each with its prediction and probabilities appended. */
    private static Iterator<Row> predict(ComputationGraph network, RowEncoder encoder, int features, String column,
            Iterator<Row> partition) {
        List<Row> predicted = new ArrayList<>();
        List<Row> pending = new ArrayList<>(INFERENCE_BATCH);
        while (partition.hasNext()) {
            pending.add(partition.next());
            if (pending.size() == INFERENCE_BATCH || !partition.hasNext()) {
                for (Row row : pending) {
                    if (row.isNullAt(features)) {
                        throw new IllegalArgumentException("column '" + column + "' is null in a row");
                    }
                }
                INDArray[] inputs;
                try {
                    inputs = encoder.inputs(pending, features);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("column '" + column + "': " + e.getMessage(), e);
                }
                INDArray probabilities = network.output(false, new INDArray[] {inputs[0]},
                        inputs[1] == null ? null : new INDArray[] {inputs[1]})[0];
                for (int n = 0; n < pending.size(); n++) {
                    double[] row = probabilities.getRow(n).toDoubleVector();
                    Object[] values = new Object[pending.get(n).size() + 2];
                    for (int i = 0; i < pending.get(n).size(); i++) {
                        values[i] = pending.get(n).get(i);
                    }
                    values[values.length - 2] = (double) probabilities.getRow(n).argMax().getInt(0);
                    values[values.length - 1] = Vectors.dense(row);
                    predicted.add(RowFactory.create(values));
                }
                pending.clear();
            }
        }
        return predicted.iterator();
    }

    @Override
    public DlSparkClassificationModel copy(ParamMap extra) {
        DlSparkClassificationModel copy = new DlSparkClassificationModel(uid, trained, metrics);
        return (DlSparkClassificationModel) copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new ParamsWriter(this, trained, metrics);
    }

    /** Reads a model saved with {@code write().save(path)}, or a run folder of {@code dlspark train}. */
    public static MLReader<DlSparkClassificationModel> read() {
        return new ParamsReader<>(DlSparkClassificationModel.class) {
            @Override
            public DlSparkClassificationModel load(String path) {
                if (!hasMetadata(path)) {
                    return new DlSparkClassificationModel(Identifiable$.MODULE$.randomUID("dlsparkModel"),
                            TrainedModel.load(path), savedMetrics(path));
                }
                return super.load(path);
            }

            @Override
            protected DlSparkClassificationModel create(String uid, String path) {
                return new DlSparkClassificationModel(uid, TrainedModel.load(path), savedMetrics(path));
            }
        };
    }

    /** The {@code metrics.json} saved in {@code path}, or null when there is none. */
    private static String savedMetrics(String path) {
        String file = path + "/" + TrainJob.METRICS_FILE;
        return DataFiles.exists(file) ? new String(DataFiles.readAll(file), StandardCharsets.UTF_8) : null;
    }

    /** Loads a model saved with {@code write().save(path)}, or a run folder of {@code dlspark train}. */
    public static DlSparkClassificationModel load(String path) {
        return read().load(path);
    }
}
