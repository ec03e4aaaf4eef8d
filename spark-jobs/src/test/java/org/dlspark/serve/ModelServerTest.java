package org.dlspark.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.dlspark.model.PngImages;
import org.dlspark.model.Predictor;
import org.dlspark.model.RunFolders;
import org.dlspark.model.TrainedModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelServerTest {

    private static final int MAX_BODY = 20_000;

    @TempDir
    Path dir;

    private TrainedModel model;
    private ModelServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        model = TrainedModel.load(RunFolders.tinyCnn(dir.resolve("run"), 0.5, 3).toString());
        server = new ModelServer(model, "127.0.0.1", 0, 2, 1, MAX_BODY);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersAsThePredictorDoesForPngAndJson() throws Exception {
        byte[] pixels = new byte[784];
        new Random(5).nextBytes(pixels);
        String expected = new Predictor(model).images(List.of("x"), List.of(pixels)).get(0).className();

        HttpResponse<String> png = post("/predict", "image/png", PngImages.png(pixels, 28, 28));
        StringBuilder json = new StringBuilder("{\"pixels\": [");
        for (int i = 0; i < pixels.length; i++) {
            json.append(i == 0 ? "" : ",").append(Byte.toUnsignedInt(pixels[i]));
        }
        HttpResponse<String> fromJson = post("/predict", "application/json",
                json.append("]}").toString().getBytes(StandardCharsets.UTF_8));

        for (HttpResponse<String> answer : List.of(png, fromJson)) {
            assertEquals(200, answer.statusCode(), answer.body());
            JsonNode body = new ObjectMapper().readTree(answer.body());
            assertEquals(expected, body.get("class").asText());
            assertEquals(10, body.get("probabilities").size());
        }
    }

    @Test
    void refusesBadRequestsWithAMessageAndStaysUp() throws Exception {
        assertStatus(400, post("/predict", "image/png", PngImages.png(new byte[64], 8, 8)), "the model takes 28x28");
        assertStatus(400, post("/predict", "image/png", "GIF89a not really".getBytes(StandardCharsets.UTF_8)),
                "the request body: not a");
        assertStatus(400, post("/predict", "application/json", "{\"pixels\": [300]}".getBytes(StandardCharsets.UTF_8)),
                "784");
        assertStatus(400, post("/predict", "application/json", "not json".getBytes(StandardCharsets.UTF_8)),
                "not a JSON object");
        assertStatus(400, post("/predict", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), "Content-Type");
        assertStatus(400, post("/predict", "image/png", new byte[0]), "empty body");
        assertStatus(413, post("/predict", "image/png", new byte[MAX_BODY + 1]), "over the limit");
        assertStatus(404, post("/model.zip", "image/png", new byte[1]), "unknown path");
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri("/predict")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertStatus(405, get, "POST");

        HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertStatus(200, health, "\"status\":\"ok\"");
    }

    @Test
    void bindsToLoopback() {
        assertTrue(server.toString().contains("http://127.0.0.1:"), server.toString());
    }

    private void assertStatus(int status, HttpResponse<String> answer, String message) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(message), answer.body());
    }

    private HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
