package org.dlspark.train;

import java.util.Locale;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * How the learning rate changes over the epochs, written on the command line as {@code constant},
 * {@code step:FACTOR:EVERY} (multiplied by FACTOR every EVERY epochs) or {@code exponential:GAMMA} (multiplied by
 * GAMMA every epoch). It scales each layer's own learning rate, so layers keep their ratios.
 *
 * @param kind constant, step or exponential
 * @param factor the multiplier (1 for constant)
 * @param every epochs between two steps (1 unless step)
 */
public record LearningRateSchedule(String kind, double factor, int every) {

    /** The learning rates the model was configured with, unchanged. */
    public static final LearningRateSchedule CONSTANT = new LearningRateSchedule("constant", 1, 1);

    /**
     * Reads the command-line form.
     *
     * @throws InvalidSettingException naming {@code --lr-schedule} when it is malformed or out of range
     */
    public static LearningRateSchedule parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":");
        try {
            LearningRateSchedule schedule = switch (parts[0]) {
                case "constant" -> parts.length == 1 ? CONSTANT : null;
                case "step" -> parts.length == 3
                        ? new LearningRateSchedule("step", Double.parseDouble(parts[1]), Integer.parseInt(parts[2]))
                        : null;
                case "exponential" -> parts.length == 2
                        ? new LearningRateSchedule("exponential", Double.parseDouble(parts[1]), 1) : null;
                default -> null;
            };
            if (schedule == null) {
                throw new InvalidSettingException("--lr-schedule", "'" + text
                        + "' is none of constant, step:FACTOR:EVERY, exponential:GAMMA");
            }
            if (!(schedule.factor > 0 && schedule.factor <= 1) || schedule.every < 1) {
                throw new InvalidSettingException("--lr-schedule", "'" + text
                        + "': the factor must be in (0, 1] and EVERY at least 1");
            }
            return schedule;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException("--lr-schedule", "'" + text + "' holds a malformed number");
        }
    }

    /**
     * Sets this schedule on every layer of a new {@code network} that has a learning rate. The schedule replaces the
     * rate inside each layer's updater configuration, which the network's updater reads at every step; DL4J's own
     * {@code setLearningRate} is not used because it rebuilds the updater state and fails with a
     * NullPointerException in 1.0.0-M2 on networks with batch normalisation (whose running mean and variance have
     * no updater state).
     */
    public void applyTo(ComputationGraph network) {
        if (kind.equals("constant")) {
            return;
        }
        for (GraphVertex vertex : network.getVertices()) {
            if (vertex.hasLayer() && vertex.getLayer().conf().getLayer() instanceof BaseLayer layer) {
                IUpdater updater = layer.getIUpdater();
                if (updater != null && updater.hasLearningRate()) {
                    updater.setLrAndSchedule(Double.NaN, schedule(updater.getLearningRate(0, 0)));
                }
            }
        }
    }

    private ISchedule schedule(double initial) {
        return kind.equals("step") ? new StepSchedule(ScheduleType.EPOCH, initial, factor, every)
                : new ExponentialSchedule(ScheduleType.EPOCH, initial, factor);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case "step" -> "step:" + factor + ":" + every;
            case "exponential" -> "exponential:" + factor;
            default -> kind;
        };
    }
}
