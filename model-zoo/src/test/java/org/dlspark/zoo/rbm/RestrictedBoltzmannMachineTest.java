package org.dlspark.zoo.rbm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RestrictedBoltzmannMachineTest {

    /** 24 binary vectors of 16 units drawn from 4 prototypes with 1 unit flipped: structure an RBM can learn. */
    private static INDArray patterns() {
        double[][] prototypes = new double[4][16];
        for (int p = 0; p < 4; p++) {
            for (int u = 0; u < 4; u++) {
                prototypes[p][p * 4 + u] = 1;
            }
        }
        INDArray batch = Nd4j.zeros(24, 16);
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 24; i++) {
            double[] row = prototypes[i % 4].clone();
            int flip = random.nextInt(16);
            row[flip] = 1 - row[flip];
            batch.putRow(i, Nd4j.createFromArray(row).castTo(batch.dataType()));
        }
        return batch;
    }

    @Test
    void contrastiveDivergenceLowersTheReconstructionError() {
        INDArray batch = patterns();
        for (int k : new int[] {1, 3}) {
            RestrictedBoltzmannMachine rbm = new RestrictedBoltzmannMachine(16, 8, 7);
            double before = rbm.reconstructionError(batch);
            for (int update = 0; update < 300; update++) {
                rbm.contrastiveDivergence(batch, k, 0.1);
            }
            double after = rbm.reconstructionError(batch);
            assertTrue(after < 0.5 * before, "CD-" + k + ": reconstruction error " + before + " -> " + after);
        }
    }

    @Test
    void theSameSeedTrainsTheSameMachine() {
        INDArray batch = patterns();
        RestrictedBoltzmannMachine a = new RestrictedBoltzmannMachine(16, 8, 11);
        RestrictedBoltzmannMachine b = new RestrictedBoltzmannMachine(16, 8, 11);
        for (int update = 0; update < 5; update++) {
            a.contrastiveDivergence(batch, 1, 0.1);
            b.contrastiveDivergence(batch, 1, 0.1);
        }
        assertTrue(a.weights().equals(b.weights()));
    }
}
