package org.dlspark.train.sharing;

import java.io.Serializable;
import org.dlspark.train.IterationProfile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one worker reports at the end of an epoch of gradient sharing.
 *
 * @param rank the worker's rank
 * @param parameters the trained parameters (worker 0 only; the others hold the same, see {@code parametersHash})
 * @param parametersHash a hash of the worker's parameters: every worker must report the same
 * @param updaterState the worker's updater state (its own, from its own gradients)
 * @param residual the part of the worker's updates not sent yet
 * @param lossSum the sum of its minibatch losses
 * @param minibatches the minibatches it fitted
 * @param iterations the exchange rounds it took part in
 * @param bytesSent bytes it published to its peers
 * @param timer where its iterations spent their time
 */
public record WorkerOutcome(int rank, INDArray parameters, int parametersHash, INDArray updaterState,
        float[] residual, double lossSum, int minibatches, int iterations, long bytesSent,
        IterationProfile.Timer timer) implements Serializable {
}
