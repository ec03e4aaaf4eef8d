package org.dlspark.train.sharing;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.train.IterationProfile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one worker reports at the end of its epoch in a {@link MeshStage} (gradient sharing or parameter averaging).
 *
 * @param rank the worker's rank
 * @param parameters the trained parameters (worker 0 only; the others hold the same, see {@code parametersHash})
 * @param parametersHash a hash of the worker's parameters: every worker must report the same
 * @param updaterState the worker's updater state (its own, from its own gradients)
 * @param residual the part of the worker's updates not sent yet (gradient sharing; null for averaging)
 * @param watch the run's divergence watch as the epoch left it (gradient sharing; null for averaging)
 * @param lossSum the sum of its minibatch losses
 * @param minibatches the minibatches it fitted
 * @param iterations the exchange rounds it took part in
 * @param bytesSent bytes it published to its peers
 * @param rejected pieces it dropped: unsigned, altered, stale, repeated or impossible ones
 * @param timer where its iterations spent their time
 */
public record WorkerOutcome(int rank, INDArray parameters, int parametersHash, INDArray updaterState,
        float[] residual, DivergenceWatch watch, double lossSum, int minibatches, int iterations, long bytesSent,
        long rejected, IterationProfile.Timer timer) implements Serializable {

    /**
     * The outcome of worker {@code rank} whose replica ended as {@code network}: its parameters (worker 0 only),
     * their hash and a copy of its updater state, with the figures it and its {@code mesh} counted.
     */
    static WorkerOutcome of(int rank, ComputationGraph network, float[] residual, DivergenceWatch watch,
            double lossSum, int minibatches, int iterations, AeronMesh mesh, IterationProfile.Timer timer) {
        INDArray updaterState = network.getUpdater().getStateViewArray();
        return new WorkerOutcome(rank, rank == 0 ? network.params().dup() : null,
                Arrays.hashCode(network.params().toFloatVector()), updaterState == null ? null : updaterState.dup(),
                residual, watch, lossSum, minibatches, iterations, mesh.bytesSent(), mesh.rejected(), timer);
    }

    /** The epoch's loss: the mean of every minibatch loss of every worker, as {@code metrics.jsonl} reports it. */
    static double meanLoss(List<WorkerOutcome> outcomes) {
        return outcomes.stream().mapToDouble(WorkerOutcome::lossSum).sum()
                / Math.max(1, outcomes.stream().mapToInt(WorkerOutcome::minibatches).sum());
    }
}
