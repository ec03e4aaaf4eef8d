package org.dlspark.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dlspark.train.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineConfigTest {

    @TempDir
    Path dir;

    private PipelineConfig read(String json) throws Exception {
        Path file = dir.resolve("pipeline.json");
        Files.writeString(file, json);
        return PipelineConfig.read(file);
    }

    @Test
    void readsTheExampleConfigurations() throws Exception {
        Path conf = Path.of(System.getProperty("user.dir")).getParent().resolve("conf/pipeline");
        PipelineConfig fashion = PipelineConfig.read(conf.resolve("fashion-cnn.json"));
        assertEquals("cnn", fashion.model());
        assertEquals("production", fashion.alias());
        assertEquals("lstm", PipelineConfig.read(conf.resolve("spam-lstm.json")).model());
    }

    @Test
    void errorsNameTheKey() {
        String base = "\"name\": \"p\", \"input\": \"in\", \"work\": \"w\", \"registry\": \"r\"";
        assertMessage("{" + base + ", \"format\": \"idx\", \"model\": \"cnm\"}", "cnm");
        assertMessage("{" + base + ", \"format\": \"png\", \"model\": \"cnn\"}", "format: must be idx, emails or texts");
        assertMessage("{" + base + ", \"format\": \"idx\", \"model\": \"cnn\", \"train\": {\"out\": \"x\"}}",
                "train.out: is set by the pipeline itself");
        assertMessage("{\"name\": \"a b\", \"input\": \"in\", \"work\": \"w\", \"registry\": \"r\", \"format\": \"idx\","
                + " \"model\": \"cnn\"}", "name: 'a b'");
        assertMessage("{" + base + ", \"format\": \"idx\"}", "model: a value is required");
        assertMessage("{" + base + ", \"format\": \"idx\", \"model\": \"cnn\", \"colour\": 1}", "colour");
    }

    private void assertMessage(String json, String expected) {
        InvalidSettingException error = assertThrows(InvalidSettingException.class, () -> read(json));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
