package org.dlspark.train.sharing;

import java.io.Serializable;
import org.dlspark.train.Learner;
import org.dlspark.train.WorkerBatches;

/**
 * What one worker of a {@link MeshStage} does with its replica and minibatches once it has joined the mesh: share
 * updates every iteration ({@link SharingWorker}) or average parameters every few ({@link AveragingWorker}). It
 * travels to the executors with the stage, so it holds only what it needs there.
 */
@FunctionalInterface
interface MeshWork extends Serializable {

    /**
     * Runs worker {@code rank}'s epoch.
     *
     * @param learner how the worker's replica learns, the replica as the driver's stood after {@code epoch} epochs
     * @param batches the worker's minibatches this epoch
     * @param iterations the minibatches of the worker that has the most: every worker takes part in as many rounds
     * @param listener hears each iteration the worker finishes
     */
    WorkerOutcome run(int rank, Learner learner, int epoch, WorkerBatches batches, int iterations,
            AeronMesh mesh, IterationListener listener);
}
