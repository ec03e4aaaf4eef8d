package org.dlspark.train.sharing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.train.IterationProfile;
import org.dlspark.train.Replica;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one worker reports at the end of its epoch in a {@link MeshStage} (gradient sharing or parameter averaging),
 * with one entry per network of its {@link Replica} where it reports each.
 *
 * @param rank the worker's rank
 * @param parameters the trained parameters (worker 0 only, else null; the others hold the same, see
 *     {@code parametersHash})
 * @param parametersHash a hash of the worker's parameters: every worker must report the same
 * @param updaterStates the worker's updater states (its own, from its own gradients), null for a network without
 * @param iterationCounts each network's iteration counter (learning-rate schedules and Adam read it)
 * @param residuals the part of the worker's updates not sent yet (gradient sharing; null for averaging)
 * @param watch the run's divergence watch as the epoch left it (gradient sharing; null for averaging)
 * @param lossSum the sum of its minibatch losses
 * @param minibatches the minibatches it fitted
 * @param iterations the steps it took part in
 * @param bytesSent bytes it published to its peers
 * @param rejected pieces it dropped: unsigned, altered, stale, repeated or impossible ones
 * @param timer where its iterations spent their time
 */
public record WorkerOutcome(int rank, List<INDArray> parameters, int parametersHash, List<INDArray> updaterStates,
        int[] iterationCounts, float[][] residuals, DivergenceWatch watch, double lossSum, int minibatches,
        int iterations, long bytesSent, long rejected, IterationProfile.Timer timer) implements Serializable {

    /**
     * The outcome of worker {@code rank} whose replica ended as {@code replica}: its parameters (worker 0 only),
     * their hash and copies of its updater states and counters, with the figures it and its {@code mesh} counted.
     */
    static WorkerOutcome of(int rank, Replica replica, float[][] residuals, DivergenceWatch watch, double lossSum,
            int minibatches, int iterations, AeronMesh mesh, IterationProfile.Timer timer) {
        List<INDArray> parameters = new ArrayList<>();
        List<INDArray> updaterStates = new ArrayList<>();
        int[] iterationCounts = new int[replica.networks().size()];
        int hash = 1;
        for (int i = 0; i < iterationCounts.length; i++) {
            ComputationGraph network = replica.networks().get(i);
            INDArray updaterState = network.getUpdater().getStateViewArray();
            parameters.add(network.params().dup());
            updaterStates.add(updaterState == null ? null : updaterState.dup());
            iterationCounts[i] = network.getConfiguration().getIterationCount();
            hash = 31 * hash + Arrays.hashCode(network.params().toFloatVector());
        }
        return new WorkerOutcome(rank, rank == 0 ? parameters : null, hash, updaterStates, iterationCounts, residuals,
                watch, lossSum, minibatches, iterations, mesh.bytesSent(), mesh.rejected(), timer);
    }

    /** The epoch's loss: the mean of every minibatch loss of every worker, as {@code metrics.jsonl} reports it. */
    static double meanLoss(List<WorkerOutcome> outcomes) {
        return outcomes.stream().mapToDouble(WorkerOutcome::lossSum).sum()
                / Math.max(1, outcomes.stream().mapToInt(WorkerOutcome::minibatches).sum());
    }
}
