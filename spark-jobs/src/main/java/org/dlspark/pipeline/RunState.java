package org.dlspark.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dlspark.io.Json;

/**
 * The state record of one pipeline run, {@code state.json} in its folder, rewritten (atomically) after every stage:
 * the input's checksum, what each finished stage produced, and the outcome once the run ended.
 *
 * @param run the run's number
 * @param inputChecksum the SHA-256 of the input data when the run started
 * @param stages each finished stage's result ("done", the registered version, the promotion's verdict)
 * @param accuracy the new model's test accuracy, once evaluated
 * @param outcome how the run ended, or null while it has not
 * @param failure why its last attempt failed, or null
 */
public record RunState(int run, String inputChecksum, Map<Stage, String> stages,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double accuracy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Outcome outcome,
        @JsonInclude(JsonInclude.Include.NON_NULL) String failure) {

    static final String FILE = "state.json";

    /** A new run's state. */
    static RunState start(int run, String inputChecksum) {
        return new RunState(run, inputChecksum, new LinkedHashMap<>(), null, null, null);
    }

    RunState withStage(Stage stage, String result) {
        Map<Stage, String> done = new LinkedHashMap<>(stages);
        done.put(stage, result);
        return new RunState(run, inputChecksum, done, accuracy, outcome, null);
    }

    RunState withAccuracy(double value) {
        return new RunState(run, inputChecksum, stages, value, outcome, failure);
    }

    RunState ended(Outcome how) {
        return new RunState(run, inputChecksum, stages, accuracy, how, null);
    }

    RunState failed(String why) {
        return new RunState(run, inputChecksum, stages, accuracy, null, why);
    }

    /** Whether the run ended (promoted or not, or skipped). */
    boolean finished() {
        return outcome != null;
    }

    /** Writes this state into {@code folder}, replacing the last one only once the new one is complete. */
    void write(Path folder) throws IOException {
        Path temporary = folder.resolve("." + FILE + ".tmp");
        Json.write(temporary, this);
        Files.move(temporary, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The state in {@code folder}. */
    static RunState read(Path folder) throws IOException {
        return Json.parse(Files.readString(folder.resolve(FILE)), RunState.class);
    }
}
