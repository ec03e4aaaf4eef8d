package org.dlspark.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dlspark.model.TrainedModel;
import org.dlspark.serve.ModelServer;
import org.dlspark.train.InvalidSettingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dlspark serve}: serves a trained classifier over HTTP until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Serves a trained classifier over HTTP until stopped (Ctrl-C, SIGTERM).",
            "POST /predict with a PNG image (Content-Type: image/png), JSON {\"pixels\": [...]} or {\"text\": \"...\"}"
            + " answers {\"class\", \"label\", \"probabilities\"}; GET /health says the model is loaded."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "URI", required = true,
            description = "A run folder written by 'dlspark train', or a registry version folder (any Hadoop path).")
    private String model;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to bind: loopback unless other machines must reach it.")
    private String host;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "Port (0: any free one).")
    private int port;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "16",
            description = "Requests read and answered at once (they wait while their input is scored).")
    private int threads;

    @Option(names = "--inference-threads", paramLabel = "N",
            description = "Threads scoring queued inputs in batches, each with its own copy of the network. Default: "
                    + "one per core.")
    private Integer inferenceThreads;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Largest request body accepted; larger ones get 413.")
    private int maxBody;

    @Override
    public Integer call() throws Exception {
        int inference = inferenceThreads != null ? inferenceThreads : Runtime.getRuntime().availableProcessors();
        InvalidSettingException.atLeast("--threads", threads, 1);
        InvalidSettingException.atLeast("--inference-threads", inference, 1);
        InvalidSettingException.atLeast("--max-body", maxBody, 1);
        if (port < 0 || port > 65535) {
            throw new InvalidSettingException("--port", "must be 0..65535, got " + port);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (ModelServer server = new ModelServer(TrainedModel.load(model), host, port, threads, inference,
                maxBody)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "stop server"));
            System.out.println("serving " + server + " (POST /predict, GET /health), " + threads + " request threads, "
                    + inference + " inference threads");
            stopped.await();
        }
        return 0;
    }
}
