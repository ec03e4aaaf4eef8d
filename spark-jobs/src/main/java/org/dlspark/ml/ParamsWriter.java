package org.dlspark.ml;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.MLWriter;
import org.dlspark.io.Json;
import org.dlspark.model.TrainedModel;
import org.dlspark.run.RunInfo;
import org.dlspark.train.TrainJob;
import scala.collection.JavaConverters;

/**
 * Saves a DLSpark stage in Spark ML's layout ({@code metadata/part-00000}: the class, uid and parameters, which
 * {@code Pipeline} and {@code PipelineModel} read back), and a model's network as a run folder ({@code model.zip},
 * {@code run.json}) that {@code dlspark evaluate}, {@code predict}, {@code serve} and the registry take. The folder
 * is written under a temporary name and renamed when complete.
 */
final class ParamsWriter extends MLWriter {

    /** The folder of Spark ML's metadata, and its one file. */
    static final String METADATA = "metadata/part-00000";

    private final Params stage;
    private final TrainedModel model;
    private final String metrics;

    /**
     * @param model the trained network to save beside the parameters; null for an estimator
     * @param metrics what the model's fit measured, saved as {@code metrics.json}; null for none
     */
    ParamsWriter(Params stage, TrainedModel model, String metrics) {
        this.stage = stage;
        this.model = model;
        this.metrics = metrics;
    }

    @Override
    public void saveImpl(String path) {
        try {
            Path target = new Path(path);
            FileSystem fs = target.getFileSystem(sparkSession().sparkContext().hadoopConfiguration());
            Path temporary = new Path(target.getParent(), "." + target.getName() + ".tmp-" + stage.uid());
            fs.delete(temporary, true);
            write(fs, new Path(temporary, METADATA), Json.toText(metadata()).getBytes(StandardCharsets.UTF_8));
            if (model != null) {
                write(fs, new Path(temporary, TrainJob.MODEL_FILE), model.modelBytes());
                write(fs, new Path(temporary, RunInfo.FILE), Json.toPrettyText(model.info())
                        .getBytes(StandardCharsets.UTF_8));
                if (metrics != null) {
                    write(fs, new Path(temporary, TrainJob.METRICS_FILE), metrics.getBytes(StandardCharsets.UTF_8));
                }
                if (!model.vocabulary().isEmpty()) {
                    write(fs, new Path(temporary, RunInfo.VOCABULARY_FILE), String.join("\n", model.vocabulary())
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!fs.rename(temporary, target)) {
                throw new IOException("cannot rename " + temporary + " to " + target);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }

    /** Spark ML's metadata: what {@code DefaultParamsReader} and {@link ParamsReader} read. */
    private Map<String, Object> metadata() throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("class", stage.getClass().getName());
        metadata.put("timestamp", System.currentTimeMillis());
        metadata.put("sparkVersion", sparkSession().version());
        metadata.put("uid", stage.uid());
        metadata.put("paramMap", values(stage.extractParamMap().toSeq(), true));
        metadata.put("defaultParamMap", values(stage.extractParamMap().toSeq(), false));
        return metadata;
    }

    /** The values set ({@code set}) or left at their defaults, each as its parameter's JSON. */
    private Map<String, Object> values(scala.collection.Seq<ParamPair<?>> pairs, boolean set) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamPair<?> pair : JavaConverters.seqAsJavaList(pairs)) {
            if (stage.isSet(pair.param()) == set) {
                @SuppressWarnings("unchecked")
                org.apache.spark.ml.param.Param<Object> param = (org.apache.spark.ml.param.Param<Object>) pair.param();
                values.put(param.name(), Json.parse(param.jsonEncode(pair.value()), Object.class));
            }
        }
        return values;
    }

    private static void write(FileSystem fs, Path file, byte[] bytes) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(bytes);
        }
    }
}
