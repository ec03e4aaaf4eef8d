package org.dlspark.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.dlspark.data.DataFormatException;
import org.dlspark.io.Json;
import org.dlspark.model.Prediction;
import org.dlspark.model.Predictor;
import org.dlspark.model.TrainedModel;

/**
 * Serves a trained classifier over HTTP: {@code POST /predict} scores one input, {@code GET /health} says the model is
 * loaded. The model comes only from the path given at start-up; requests never name files. Bodies over the size
 * limit, bodies that are not an input the model takes, unknown paths and wrong methods get 4xx answers with a JSON
 * message, and the server carries on.
 */
public final class ModelServer implements AutoCloseable {

    static {
        // Answers are small: without TCP_NODELAY, Nagle's algorithm and delayed ACKs hold each one back ~40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The most requests scored in one pass of the network. */
    private static final int MAX_BATCH = 64;

    private final TrainedModel model;
    private final RequestDecoder decoder;
    private final HttpServer server;
    private final ExecutorService threads;
    private final BatchingPredictor predictor;

    /**
     * Starts serving.
     *
     * @param host the address to bind, 127.0.0.1 unless the model is to be reachable from other machines
     * @param port the port, 0 for any free one
     * @param threads requests read and answered at once
     * @param inferenceThreads threads scoring the queued inputs together, each with its own copy of the network
     * @param maxBodyBytes the largest request body accepted
     */
    public ModelServer(TrainedModel model, String host, int port, int threads, int inferenceThreads,
            int maxBodyBytes) throws IOException {
        this.model = model;
        List<Predictor> networks = new ArrayList<>();
        for (int i = 0; i < inferenceThreads; i++) {
            networks.add(new Predictor(model));
        }
        this.predictor = new BatchingPredictor(networks, MAX_BATCH);
        this.decoder = new RequestDecoder(networks.get(0).inputs(), maxBodyBytes);
        this.server = HttpServer.create(new InetSocketAddress(host, port), 256);
        this.threads = Executors.newFixedThreadPool(threads);
        server.setExecutor(this.threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/health")) {
                if (!method.equals("GET")) {
                    answer(exchange, 405, Map.of("error", "GET /health"));
                    return;
                }
                answer(exchange, 200, Map.of("status", "ok", "model", model.info().model(), "location",
                        model.location(), "classes", model.classNames()));
            } else if (path.equals("/predict")) {
                if (!method.equals("POST")) {
                    answer(exchange, 405, Map.of("error", "POST an input to /predict"));
                    return;
                }
                predict(exchange);
            } else {
                answer(exchange, 404, Map.of("error", "unknown path " + path + "; POST /predict or GET /health"));
            }
        } catch (RuntimeException e) {
            answer(exchange, 500, Map.of("error", "internal error: " + e));
        }
    }

    private void predict(HttpExchange exchange) throws IOException {
        RequestDecoder.Input input;
        try {
            input = decoder.decode(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Content-Length"), exchange.getRequestBody());
        } catch (RequestDecoder.TooLargeException e) {
            answer(exchange, 413, Map.of("error", e.getMessage()));
            return;
        } catch (DataFormatException e) {
            answer(exchange, 400, Map.of("error", e.getMessage()));
            return;
        }
        Prediction prediction;
        try {
            prediction = predictor.predict(input);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 503, Map.of("error", "the server is stopping"));
            return;
        }
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int c = 0; c < model.classNames().size(); c++) {
            probabilities.put(model.classNames().get(c), prediction.probabilities().get(c));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("class", prediction.className());
        body.put("label", prediction.label());
        body.put("probabilities", probabilities);
        answer(exchange, 200, body);
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        drain(exchange.getRequestBody());
        byte[] bytes = Json.toText(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Reads what is left of a request body (up to a bound), so that the connection can be reused. */
    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        long left = 1 << 20;
        for (int n = body.read(buffer); n > 0 && left > 0; n = body.read(buffer)) {
            left -= n;
        }
    }

    /** Stops accepting requests, lets running ones finish (up to 2 seconds) and releases the threads. */
    @Override
    public void close() {
        server.stop(2);
        predictor.close();
        threads.shutdown();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s) on http://%s:%d", model.location(), model.info().model(),
                server.getAddress().getHostString(), port());
    }
}
