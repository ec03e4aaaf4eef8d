package org.dlspark.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dlspark serve} run as a user runs it, on a free loopback port: started with the given arguments, asked
 * over HTTP, stopped when closed.
 */
final class ServedModel implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process server;
    private final URI base;
    private final HttpClient client = HttpClient.newHttpClient();

    private ServedModel(Process server, URI base) {
        this.server = server;
        this.base = base;
    }

    /** Starts {@code dlspark serve --port 0} with {@code args} and waits until it serves. */
    static ServedModel start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(DlSparkProcess.REPO.resolve("scripts/dlspark").toString(),
                "serve", "--port", "0"));
        command.addAll(List.of(args));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> printed = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            printed.add(line);
            Matcher serving = SERVING.matcher(line);
            if (serving.find()) {
                Thread drain = new Thread(() -> lines.lines().forEach(rest -> { }));
                drain.setDaemon(true);
                drain.start();
                return new ServedModel(server, URI.create("http://127.0.0.1:" + serving.group(1)));
            }
        }
        throw new AssertionError("the server ended without serving:\n" + String.join("\n", printed));
    }

    /** The answer to a POST of {@code body} as {@code type} to {@code path}. */
    HttpResponse<String> post(String path, String type, byte[] body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer to a GET of {@code path}. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        server.waitFor(30, TimeUnit.SECONDS);
    }
}
