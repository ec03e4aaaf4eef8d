package org.dlspark.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.dlspark.data.DataChecksum;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;
import org.dlspark.fetch.Sha256;
import org.dlspark.io.Json;
import org.dlspark.shard.Manifest;

/**
 * What a trained model is and how it was made, {@code run.json} beside its {@code model.zip}: everything evaluation,
 * prediction, serving and the registry need to use the model without the training command line. Text models keep
 * their vocabulary in {@link #VOCABULARY_FILE} beside it.
 *
 * @param model the zoo family
 * @param hyperparameters the overrides of the family's defaults it was built with
 * @param classNames the classes of its outputs, in output order (empty for models that do not classify)
 * @param pixelScaling for image models: how pixels (0..255) become features; null for text models
 * @param data the data it trained on (a Hadoop path)
 * @param dataChecksum the SHA-256 of that data ({@link org.dlspark.data.DataChecksum#ofFolder})
 * @param strategy how it was trained
 * @param epochs epochs trained
 * @param batchSize minibatch size
 * @param seed the seed of weights and data order (and of the email split)
 * @param testLimit how many test examples its metrics cover
 * @param codeVersion the DLSpark build that trained it ({@link CodeVersion})
 * @param modelSha256 the SHA-256 of {@code model.zip}, checked whenever the model is loaded
 * @param created when the run ended, ISO-8601
 */
public record RunInfo(String model, Map<String, String> hyperparameters, List<String> classNames,
        @JsonInclude(JsonInclude.Include.NON_NULL) Manifest.Normaliser pixelScaling, String data, String dataChecksum,
        String strategy, int epochs, int batchSize, long seed, int testLimit, String codeVersion, String created,
        String modelSha256)
        implements Serializable {

    /** The file name inside a run folder. */
    public static final String FILE = "run.json";

    /** A text model's vocabulary, one token per line, line {@code i} being index {@code i}. */
    public static final String VOCABULARY_FILE = "vocabulary.txt";

    /**
     * The description of a model of Fashion-MNIST-sized images that does not classify (the autoencoder, the GAN),
     * trained with the family's default hyperparameters and {@code seed}, saved in {@code modelFile}.
     */
    public static RunInfo ofImageModel(String model, String data, String strategy, int epochs, int batchSize,
            long seed, java.nio.file.Path modelFile) {
        return new RunInfo(model, Map.of("seed", Long.toString(seed)), List.of(),
                new Manifest.Normaliser("scale", 0, 255), data, DataChecksum.ofFolder(data), strategy, epochs,
                batchSize, seed, Integer.MAX_VALUE, CodeVersion.current(), java.time.Instant.now().toString(),
                Sha256.of(modelFile));
    }

    /** Writes this description to {@code file}. */
    public static void write(java.nio.file.Path file, RunInfo info) throws IOException {
        Json.write(file, info);
    }

    /**
     * Reads {@code run.json} in the folder {@code uri} (a Hadoop path).
     *
     * @throws DataFormatException naming the file when it is missing or not a run description
     */
    public static RunInfo read(String uri) {
        String file = uri + "/" + FILE;
        if (!DataFiles.exists(file)) {
            throw new DataFormatException(file + ": missing; a model folder holds model.zip and run.json as written by"
                    + " 'dlspark train'");
        }
        RunInfo info = DataFiles.readJson(file, RunInfo.class, "run description");
        if (info.model() == null || info.classNames() == null) {
            throw new DataFormatException(file + ": names no model or no classes");
        }
        return info;
    }
}
