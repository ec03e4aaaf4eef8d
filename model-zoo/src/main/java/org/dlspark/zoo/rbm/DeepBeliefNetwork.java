package org.dlspark.zoo.rbm;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.zoo.DataParallel;
import org.dlspark.zoo.HyperparameterException;
import org.dlspark.zoo.InputSpec;
import org.dlspark.zoo.ModelFamily;
import org.dlspark.zoo.Optimization;
import org.dlspark.zoo.SequentialGraph;
import org.dlspark.zoo.Task;
import org.dlspark.zoo.TrainingDefaults;
import org.dlspark.zoo.Updater;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@code dbn}: a deep belief network for 28x28x1 images (or the {@code height}, {@code width} and {@code channels}
 * given) (Hinton et al. 2006). A stack of restricted Boltzmann
 * machines is pretrained greedily, layer by layer, with contrastive divergence (CD-k): each machine learns the
 * hidden activities of the one below. Their weights then initialise sigmoid dense layers, topped with a softmax
 * layer, and the whole network is fine-tuned as a classifier by backpropagation.
 */
public final class DeepBeliefNetwork implements ModelFamily<DeepBeliefNetwork.Architecture> {

    /**
     * @param hiddenSizes units of each hidden layer (each one restricted Boltzmann machine), bottom up
     * @param classes output classes
     * @param cdSteps Gibbs steps k of contrastive divergence
     * @param pretrainEpochs passes over the data for each machine
     * @param pretrainLearningRate contrastive divergence step size
     * @param height input image height
     * @param width input image width
     * @param channels input image channels (1 grey, 3 RGB)
     */
    public record Architecture(List<Integer> hiddenSizes, int classes, int cdSteps, int pretrainEpochs,
            double pretrainLearningRate, int height, int width, int channels) {
        /** Validates every value. */
        public Architecture {
            if (hiddenSizes == null || hiddenSizes.isEmpty()) {
                throw HyperparameterException.of("hiddenSizes", "must list at least one layer size");
            }
            for (int size : hiddenSizes) {
                HyperparameterException.atLeast("hiddenSizes", size, 1);
            }
            hiddenSizes = List.copyOf(hiddenSizes);
            HyperparameterException.atLeast("classes", classes, 2);
            HyperparameterException.atLeast("cdSteps", cdSteps, 1);
            HyperparameterException.atLeast("pretrainEpochs", pretrainEpochs, 0);
            HyperparameterException.positive("pretrainLearningRate", pretrainLearningRate);
            HyperparameterException.atLeast("height", height, 1);
            HyperparameterException.atLeast("width", width, 1);
            HyperparameterException.atLeast("channels", channels, 1);
        }

        /** Pixels of an input image: the visible units of the first machine. */
        int pixels() {
            return height * width * channels;
        }
    }

    private static final String HIDDEN = "hidden";

    @Override
    public String name() {
        return "dbn";
    }

    @Override
    public String description() {
        return "deep belief network: 2 RBMs (512-256) pretrained greedily with CD-1, fine-tuned with softmax; Adam";
    }

    @Override
    public Task task() {
        return Task.CLASSIFICATION;
    }

    @Override
    public Class<Architecture> architectureType() {
        return Architecture.class;
    }

    @Override
    public Architecture defaultArchitecture() {
        return new Architecture(List.of(512, 256), 10, 1, 5, 0.05, 28, 28, 1);
    }

    @Override
    public Optimization defaultOptimization() {
        return new Optimization(Updater.ADAM, 1e-3, 0, 0, 42);
    }

    @Override
    public TrainingDefaults defaultTraining() {
        return new TrainingDefaults(10, 64);
    }

    @Override
    public InputSpec input(Architecture architecture) {
        return new InputSpec.Images(architecture.height(), architecture.width(), architecture.channels());
    }

    @Override
    public ComputationGraphConfiguration configure(Architecture a, Optimization optimization) {
        SequentialGraph graph = SequentialGraph.start(optimization);
        for (int size : a.hiddenSizes()) {
            graph.add(HIDDEN, new DenseLayer.Builder().nOut(size).activation(Activation.SIGMOID).build());
        }
        return graph.add("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(a.classes())
                        .activation(Activation.SOFTMAX).dropOut(optimization.retainProbability()).build())
                .build(InputType.convolutional(a.height(), a.width(), a.channels()));
    }

    /**
     * Greedy layer-wise pretraining: for each hidden layer, bottom up, trains a restricted Boltzmann machine on the
     * activities of the layers below (already pretrained) for {@code pretrainEpochs} passes, then copies its weights
     * and hidden biases into the layer. Each pass runs on every partition of the inputs from the same machine and
     * averages the machines they end with (one partition in one JVM: plain CD-k).
     */
    @Override
    public void pretrain(Architecture a, ComputationGraph network, long seed, DataParallel inputs) {
        int visible = a.pixels();
        List<INDArray[]> below = new ArrayList<>();
        for (int layer = 0; layer < a.hiddenSizes().size(); layer++) {
            int hidden = a.hiddenSizes().get(layer);
            RbmState state = new RestrictedBoltzmannMachine(visible, hidden, seed + layer).state();
            for (int epoch = 0; epoch < a.pretrainEpochs(); epoch++) {
                state = inputs.mapAndAverage(state, new ContrastiveDivergencePass(List.copyOf(below), a.cdSteps(),
                        a.pretrainLearningRate(), seed + 1000L * (layer + 1) + 100L * epoch), RbmState::average);
            }
            String name = HIDDEN + (layer + 1);
            network.getLayer(name).setParam("W", state.weights());
            network.getLayer(name).setParam("b", state.hiddenBias());
            below.add(new INDArray[] {state.weights(), state.hiddenBias()});
            visible = hidden;
        }
    }

    /**
     * One pass of CD-k over a partition of the images, for the machine above the sigmoid layers {@code below}
     * (each a weight matrix and a bias row).
     */
    private record ContrastiveDivergencePass(List<INDArray[]> below, int cdSteps, double learningRate, long seed)
            implements DataParallel.PartitionTask<RbmState> {

        @Override
        public RbmState run(RbmState start, Iterator<INDArray> images, int partition) {
            RestrictedBoltzmannMachine rbm = new RestrictedBoltzmannMachine(start, seed + partition);
            while (images.hasNext()) {
                rbm.contrastiveDivergence(activitiesBelow(below, images.next()), cdSteps, learningRate);
            }
            return rbm.state();
        }
    }

    /** The mean-field activities that the layer above {@code below} receives for a batch of images. */
    private static INDArray activitiesBelow(List<INDArray[]> below, INDArray images) {
        INDArray activity = images.reshape(images.size(0), -1).castTo(below.isEmpty() ? Nd4j.dataType()
                : below.get(0)[0].dataType());
        for (INDArray[] layer : below) {
            activity = Transforms.sigmoid(activity.mmul(layer[0]).addiRowVector(layer[1]), false);
        }
        return activity;
    }
}
