package org.dlspark.serve;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads a running {@code serve} with requests from this process: {@code concurrency} clients, each sending its next
 * body as soon as the last answer came, until {@code requests} were sent. Counts answers other than 200 and
 * transport errors as failures, and measures requests/s and latency percentiles.
 */
public final class LoadTest {

    /**
     * What a load test measured.
     *
     * @param requests requests sent
     * @param failures answers other than 200, and requests that got no answer
     * @param seconds wall time
     * @param requestsPerSecond throughput
     * @param p50Millis median latency
     * @param p99Millis 99th-percentile latency
     * @param maxMillis largest latency
     */
    public record Result(int requests, int failures, double seconds, double requestsPerSecond, double p50Millis,
            double p99Millis, double maxMillis) {
    }

    private LoadTest() {
    }

    /** Posts {@code bodies} (in turn, as {@code contentType}) to {@code url}, {@code requests} times in all. */
    public static Result run(URI url, String contentType, List<byte[]> bodies, int requests, int concurrency,
            PrintStream out) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long[] latencies = new long[requests];
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", contentType)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i % bodies.size()))).build();
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (java.io.IOException e) {
                            failures.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - sent;
                    }
                    return null;
                }));
            }
            for (Future<?> client1 : running) {
                client1.get();
            }
        } finally {
            clients.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        Result result = new Result(requests, failures.get(), seconds, requests / seconds,
                percentile(latencies, 0.50), percentile(latencies, 0.99), latencies[requests - 1] / 1e6);
        out.printf(Locale.ROOT, "%d requests, %d clients: %.0f requests/s, latency p50 %.2f ms, p99 %.2f ms, max %.2f "
                + "ms, %d failed, %.1f s%n", requests, concurrency, result.requestsPerSecond(), result.p50Millis(),
                result.p99Millis(), result.maxMillis(), result.failures(), seconds);
        return result;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
