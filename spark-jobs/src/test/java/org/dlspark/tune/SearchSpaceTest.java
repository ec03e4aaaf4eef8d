package org.dlspark.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dlspark.train.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchSpaceTest {

    @TempDir
    Path dir;

    private SearchSpace space(String json) throws Exception {
        Path file = dir.resolve("space.json");
        Files.writeString(file, json);
        return SearchSpace.read(file, "cnn");
    }

    @Test
    void drawsSeededPointsInsideTheRanges() throws Exception {
        SearchSpace space = space("{\"learningRate\": {\"logUniform\": [0.0001, 0.01]}, \"batch\": {\"choice\": [32, "
                + "64]}, \"dropout\": {\"uniform\": [0.1, 0.2]}}");
        List<Map<String, String>> points = space.random(20, 7);

        assertEquals(points, space.random(20, 7));
        for (Map<String, String> point : points) {
            double rate = Double.parseDouble(point.get("learningRate"));
            double dropout = Double.parseDouble(point.get("dropout"));
            assertTrue(rate >= 0.0001 && rate <= 0.01, point.toString());
            assertTrue(dropout >= 0.1 && dropout <= 0.2, point.toString());
            assertTrue(List.of("32", "64").contains(point.get("batch")), point.toString());
        }
    }

    @Test
    void gridIsEveryCombinationOfChoices() throws Exception {
        SearchSpace space = space("{\"batch\": {\"choice\": [32, 64]}, \"dense\": {\"choice\": [16, 32, 64]}}");
        assertEquals(6, space.grid().size());
        assertEquals(Map.of("batch", "64", "dense", "64"), space.grid().get(5));
        InvalidSettingException ranges = assertThrows(InvalidSettingException.class,
                () -> space("{\"l2\": {\"uniform\": [0, 1]}}").grid());
        assertTrue(ranges.getMessage().contains("'l2' is a range"), ranges.getMessage());
    }

    @Test
    void errorsNameTheKey() {
        assertMessage("{\"learningRat\": {\"choice\": [1]}}", "'learningRat' is not a hyperparameter of cnn");
        assertMessage("{\"l2\": {\"uniform\": [1, 0]}}", "'l2' needs [low, high]");
        assertMessage("{\"l2\": {\"logUniform\": [0, 1]}}", "low > 0");
        assertMessage("{\"l2\": {}}", "'l2' needs exactly one of");
        assertMessage("{\"l2\": {\"choice\": []}}", "'l2' has no choices");
        assertMessage("{}", "names no hyperparameter");
        assertMessage("[1, 2", "not a readable search space");
    }

    private void assertMessage(String json, String expected) {
        InvalidSettingException error = assertThrows(InvalidSettingException.class, () -> space(json));
        assertTrue(error.getMessage().startsWith("--space: ") && error.getMessage().contains(expected),
                error.getMessage());
    }
}
