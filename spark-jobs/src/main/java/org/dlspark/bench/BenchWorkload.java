package org.dlspark.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What every setting of the benchmark trains for one model: the same data, epochs and minibatches, so that the
 * settings differ only in how they train. {@code batchSize} is the minibatch of one process; data-parallel workers
 * each fit {@code batchSize / workers} examples per iteration, so that every setting takes the same steps per
 * epoch over the same number of examples per step ({@code train-defaults} excepted:
 * {@link BenchSetting#batchPerWorker}).
 *
 * @param model the zoo name
 * @param data the model's data folder
 * @param epochs passes over the training examples
 * @param batchSize examples per iteration, over all workers
 * @param trainLimit training examples used (at most)
 * @param testLimit test examples the accuracy is measured on (at most)
 */
public record BenchWorkload(String model, String data, int epochs, int batchSize, int trainLimit, int testLimit) {

    /** Validates the values. */
    public BenchWorkload {
        if (epochs < 2) {
            throw new IllegalArgumentException("--epochs must be at least 2 (the first warms up), got " + epochs);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("--batch must be at least 2 (two workers share it), got " + batchSize);
        }
    }

    /**
     * The benchmark's workload for {@code model} unless overridden: the CNN on all 60,000 images for 3 epochs, as
     * {@code train} trains it, so that the median epoch (30 s at 2,000 examples/s) lies past the JIT's warm-up (a
     * 7-second epoch of 12,800 images measured mostly the warm-up), tested on all 10,000; or a text model on all
     * the emails for 3.
     */
    public static BenchWorkload defaults(String model, String data) {
        return switch (model) {
            case "lstm", "attention", "rnn" -> new BenchWorkload(model, data, 3, 128, Integer.MAX_VALUE,
                    Integer.MAX_VALUE);
            default -> new BenchWorkload(model, data, 3, 64, 60_000, 10_000);
        };
    }

    /** The options of the PyTorch peer's script for this workload in {@code setting}, short of its folders. */
    public List<String> peerOptions(BenchSetting setting) {
        return new ArrayList<>(List.of("--model", model, "--epochs", Integer.toString(epochs), "--batch",
                Integer.toString(batchSize), "--threads", Integer.toString(setting.nativeThreads())));
    }

    /**
     * The {@code train} options of this workload for one process of {@code setting}, short of the strategy and the
     * run folder. Processes side by side each train half of a limited training set (all of an unlimited one).
     */
    public List<String> trainOptions(BenchSetting setting) {
        int examples = trainLimit == Integer.MAX_VALUE ? trainLimit : trainLimit / setting.processes();
        return new ArrayList<>(List.of("--model", model, "--data", data, "--epochs", Integer.toString(epochs),
                "--batch", Integer.toString(setting.batchPerWorker(batchSize)), "--train-limit",
                Integer.toString(examples), "--test-limit", Integer.toString(testLimit), "--baseline", "false"));
    }
}
