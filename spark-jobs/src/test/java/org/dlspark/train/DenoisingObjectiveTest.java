package org.dlspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.dlspark.eval.ReconstructionEvaluation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class DenoisingObjectiveTest {

    private static DataSet images(long seed) {
        INDArray clean = Nd4j.getRandomFactory().getNewRandomInstance(seed).nextDouble(new long[] {4, 1, 28, 28})
                .castTo(DataType.FLOAT);
        return new DataSet(clean, Nd4j.zeros(DataType.FLOAT, 4, 10));
    }

    @Test
    void pairsNoisyImagesInTheUnitRangeWithTheCleanOnesAsTargets() {
        DataSet batch = images(1);
        DataSet pair = new DenoisingObjective(0.5).pair(batch, 7);
        assertEquals(batch.getFeatures(), pair.getLabels());
        assertNotEquals(batch.getFeatures(), pair.getFeatures());
        assertTrue(pair.getFeatures().minNumber().doubleValue() >= 0);
        assertTrue(pair.getFeatures().maxNumber().doubleValue() <= 1);
    }

    @Test
    void theSameSeedGivesTheSameNoiseAndAnotherSeedOther() {
        DenoisingObjective objective = new DenoisingObjective(0.5);
        DataSet batch = images(2);
        assertEquals(objective.pair(batch, 11).getFeatures(), objective.pair(batch, 11).getFeatures());
        assertNotEquals(objective.pair(batch, 11).getFeatures(), objective.pair(batch, 12).getFeatures());
    }

    @Test
    void aClassifierFitsItsMinibatchesAsTheyAre() {
        DataSet batch = images(3);
        assertSame(batch, new ClassificationObjective().pair(batch, 5));
    }

    @Test
    void pairedBatchesSeedTheIthMinibatchWithTheFirstSeedPlusI() {
        DenoisingObjective objective = new DenoisingObjective(0.3);
        List<DataSet> batches = List.of(images(4), images(5), images(6));
        WorkerBatches worker = new ListBatches(batches);
        Iterator<DataSet> paired = new PairedBatches(worker, objective, 100).inOrder(9);
        List<DataSet> order = new ArrayList<>();
        worker.inOrder(9).forEachRemaining(order::add);
        for (int i = 0; i < order.size(); i++) {
            assertEquals(objective.pair(order.get(i), 100 + i).getFeatures(), paired.next().getFeatures());
        }
    }

    @Test
    void psnrMergesOverPartsAsOverTheWhole() {
        DataSet first = images(7);
        DataSet second = images(8);
        INDArray output = Nd4j.valueArrayOf(first.getFeatures().shape(), 0.5f);
        ReconstructionEvaluation whole = new ReconstructionEvaluation();
        whole.eval(first.getFeatures(), output);
        whole.eval(second.getFeatures(), output);
        ReconstructionEvaluation part = new ReconstructionEvaluation();
        part.eval(first.getFeatures(), output);
        ReconstructionEvaluation other = part.newInstance();
        other.eval(second.getFeatures(), output);
        part.merge(other);
        assertEquals(8, part.examples());
        assertEquals(whole.psnr(), part.psnr(), 1e-9);
        // uniform values in [0, 1] against 0.5: mean squared error 1/12
        assertEquals(10 * Math.log10(12), part.psnr(), 0.2);
    }
}
