package org.dlspark.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;
import org.dlspark.fetch.Sha256;
import org.dlspark.run.RunInfo;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.TrainJob;

/**
 * A trained model as later jobs use it: the serialised network ({@code model.zip}, checked against the SHA-256 that
 * {@code run.json} records), what it is ({@code run.json}) and, for a text model, its vocabulary, read from a run folder or registry version on any Hadoop file system. The
 * network is kept as bytes, so that it can be shipped to Spark executors and restored there.
 *
 * @param location the folder it was read from
 * @param info its run description
 * @param modelBytes the content of {@code model.zip}
 * @param vocabulary a text model's vocabulary (token {@code i} is index {@code i}); empty for image models and models of token ids
 */
public record TrainedModel(String location, RunInfo info, byte[] modelBytes, List<String> vocabulary)
        implements Serializable {

    /**
     * The {@code data} of a text model trained on token ids through the Spark ML API: it has no vocabulary, and
     * takes token ids, not texts.
     */
    public static final String TOKEN_IDS = "DataFrame of token ids";

    /** The {@code data} of a model fitted on a DataFrame through the Spark ML API: it names no data set. */
    public static final String DATAFRAME = "DataFrame";

    /**
     * Reads the model in {@code uri}: a folder holding {@code model.zip} and {@code run.json}, or the
     * {@code model.zip} inside one.
     *
     * @throws DataFormatException naming the file that is missing or corrupt
     */
    public static TrainedModel load(String uri) {
        String folder = trimSlash(uri);
        if (folder.endsWith("/" + TrainJob.MODEL_FILE)) {
            folder = folder.substring(0, folder.length() - TrainJob.MODEL_FILE.length() - 1);
        }
        String modelFile = folder + "/" + TrainJob.MODEL_FILE;
        if (!DataFiles.exists(modelFile)) {
            throw new DataFormatException(modelFile + ": missing; --model names a run folder (or its model.zip) "
                    + "written by 'dlspark train', or a registry version");
        }
        RunInfo info = RunInfo.read(folder);
        byte[] bytes = DataFiles.readAll(modelFile);
        if (info.modelSha256() != null && !info.modelSha256().equals(Sha256.of(bytes))) {
            throw new DataFormatException(modelFile + ": SHA-256 " + Sha256.of(bytes) + " differs from the "
                    + info.modelSha256() + " recorded in " + RunInfo.FILE + ": the file is truncated or altered");
        }
        List<String> vocabulary = List.of();
        String vocabularyFile = folder + "/" + RunInfo.VOCABULARY_FILE;
        if (info.pixelScaling() == null && !TOKEN_IDS.equals(info.data())) {
            if (!DataFiles.exists(vocabularyFile)) {
                throw new DataFormatException(vocabularyFile + ": missing; a text model needs its vocabulary");
            }
            vocabulary = List.of(new String(DataFiles.readAll(vocabularyFile), StandardCharsets.UTF_8).split("\n"));
        }
        TrainedModel model = new TrainedModel(folder, info, bytes, vocabulary);
        if (info.modelSha256() == null) {
            model.network(); // no checksum to trust (older run folders): restore once to refuse a corrupt file now
        }
        return model;
    }

    /**
     * A fresh copy of the network.
     *
     * @throws DataFormatException naming the model file when it is not a DL4J model
     */
    public ComputationGraph network() {
        try (InputStream in = new ByteArrayInputStream(modelBytes)) {
            return ModelSerializer.restoreComputationGraph(in, false);
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(location + "/" + TrainJob.MODEL_FILE + ": not a readable DL4J model: "
                    + e.getMessage(), e);
        }
    }

    /** The classes of the model's outputs, in output order. */
    public List<String> classNames() {
        return info.classNames();
    }

    private static String trimSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /**
     * The data set to judge the model on: {@code given}, else the one it was trained on.
     *
     * @throws InvalidSettingException naming {@code option} when none is given and the model was fitted on a
     *     DataFrame, which names no data set
     */
    public String dataFolder(String given, String option) {
        if (given != null) {
            return given;
        }
        if (info.data().startsWith(DATAFRAME)) {
            throw new InvalidSettingException(option, "needed: " + location + " was fitted on a DataFrame through "
                    + "the Spark ML API, and names no data set to judge it on");
        }
        return info.data();
    }
}
