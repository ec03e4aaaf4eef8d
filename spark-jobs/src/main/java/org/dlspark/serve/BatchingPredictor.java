package org.dlspark.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.dlspark.model.Prediction;
import org.dlspark.model.Predictor;

/**
 * Scores the inputs of concurrent requests together: request threads queue their input and wait; each inference
 * thread (with its own copy of the network) takes whatever is queued (up to a batch size) and runs it through the
 * network in one pass. Under load the network's fixed cost per call is shared by a whole batch; a lone request is
 * scored at once.
 */
final class BatchingPredictor implements AutoCloseable {

    private record Pending(RequestDecoder.Input input, CompletableFuture<Prediction> result) {
    }

    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> inference = new ArrayList<>();

    /** Starts one inference thread per predictor. */
    BatchingPredictor(List<Predictor> predictors, int maxBatch) {
        this.maxBatch = maxBatch;
        for (Predictor predictor : predictors) {
            Thread thread = new Thread(() -> run(predictor), "inference-" + inference.size());
            thread.setDaemon(true);
            thread.start();
            inference.add(thread);
        }
    }

    /** The prediction for {@code input}, scored with whatever else is queued. */
    Prediction predict(RequestDecoder.Input input) throws InterruptedException {
        CompletableFuture<Prediction> result = new CompletableFuture<>();
        queue.put(new Pending(input, result));
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private void run(Predictor predictor) {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            try {
                List<String> ids = batch.stream().map(p -> "request").toList();
                List<Prediction> predictions = batch.get(0).input().image() != null
                        ? predictor.images(ids, batch.stream().map(p -> p.input().image()).toList())
                        : predictor.texts(ids, batch.stream().map(p -> p.input().text()).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result().complete(predictions.get(i));
                }
            } catch (RuntimeException e) {
                batch.forEach(p -> p.result().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    /** Stops the inference threads; requests still queued fail. */
    @Override
    public void close() {
        inference.forEach(Thread::interrupt);
        queue.forEach(p -> p.result().completeExceptionally(new IllegalStateException("the server is stopping")));
    }
}
