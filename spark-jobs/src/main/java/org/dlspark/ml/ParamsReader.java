package org.dlspark.ml;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.MLReader;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;
import org.dlspark.io.Json;

/** Reads a DLSpark stage that {@link ParamsWriter} saved: a new instance with the saved uid and parameters. */
class ParamsReader<T extends Params> extends MLReader<T> {

    private final Class<T> type;

    ParamsReader(Class<T> type) {
        this.type = type;
    }

    @Override
    public T load(String path) {
        JsonNode metadata = metadata(path);
        T stage = create(metadata.get("uid").asText(), path);
        setParameters(stage, metadata.get("paramMap"));
        return stage;
    }

    /** A new stage with {@code uid}, the network saved at {@code path} where there is one. */
    protected T create(String uid, String path) {
        try {
            return type.getConstructor(String.class).newInstance(uid);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " has no constructor taking its uid", e);
        }
    }

    /** Whether {@code path} holds Spark ML metadata, as a stage saved through Spark ML does. */
    static boolean hasMetadata(String path) {
        return DataFiles.exists(path + "/" + ParamsWriter.METADATA);
    }

    /** The saved metadata of the stage at {@code path}. */
    static JsonNode metadata(String path) {
        String file = path + "/" + ParamsWriter.METADATA;
        if (!DataFiles.exists(file)) {
            throw new DataFormatException(file + ": missing; " + path + " was not saved by a DLSpark stage's write()");
        }
        try {
            return Json.parse(new String(DataFiles.readAll(file), StandardCharsets.UTF_8), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not Spark ML metadata: " + e.getMessage(), e);
        }
    }

    /** Sets each parameter of {@code values} (name to JSON) that {@code stage} has. */
    static void setParameters(Params stage, JsonNode values) {
        if (values == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = values.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (stage.hasParam(field.getKey())) {
                @SuppressWarnings("unchecked")
                Param<Object> param = (Param<Object>) stage.getParam(field.getKey());
                stage.set(param, param.jsonDecode(field.getValue().toString()));
            }
        }
    }
}
