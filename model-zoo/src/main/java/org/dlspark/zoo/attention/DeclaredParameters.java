package org.dlspark.zoo.attention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * DL4J's parameter initialiser for the zoo's {@link SequenceLayer}s: it lays out, and initialises, the parameters
 * each layer declares with {@link SequenceLayer#parameters()}, in declaration order, as views of the network's
 * flattened parameter (and gradient) vector.
 */
public final class DeclaredParameters implements ParamInitializer {

    static final DeclaredParameters INSTANCE = new DeclaredParameters();

    private DeclaredParameters() {
    }

    private static List<ParameterSpec> specs(Layer layer) {
        return ((SequenceLayer) layer).parameters();
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return specs(layer).stream().mapToLong(ParameterSpec::length).sum();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return specs(layer).stream().map(ParameterSpec::name).toList();
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return specs(layer).stream().filter(p -> p.role() == ParameterSpec.Role.WEIGHT).map(ParameterSpec::name)
                .toList();
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return specs(layer).stream().filter(p -> p.role() != ParameterSpec.Role.WEIGHT).map(ParameterSpec::name)
                .toList();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return weightKeys(layer).contains(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return biasKeys(layer).contains(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initialize) {
        SequenceLayer layer = (SequenceLayer) conf.getLayer();
        Map<String, INDArray> views = views(layer, paramsView);
        if (initialize) {
            for (ParameterSpec spec : layer.parameters()) {
                INDArray view = views.get(spec.name());
                switch (spec.role()) {
                    case WEIGHT -> layer.getWeightInitFn().init(spec.fanIn(), spec.fanOut(), spec.shape(), 'c', view);
                    case BIAS -> view.assign(0);
                    case GAIN -> view.assign(1);
                }
            }
        }
        return views;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views((SequenceLayer) conf.getLayer(), gradientView);
    }

    /** Consecutive slices of {@code flat}, one per declared parameter, reshaped (as views) to its shape. */
    private static Map<String, INDArray> views(SequenceLayer layer, INDArray flat) {
        INDArray row = flat.reshape(flat.length());
        Map<String, INDArray> views = new LinkedHashMap<>();
        long offset = 0;
        for (ParameterSpec spec : layer.parameters()) {
            INDArray slice = row.get(NDArrayIndex.interval(offset, offset + spec.length()));
            views.put(spec.name(), slice.reshape('c', spec.shape()));
            offset += spec.length();
        }
        return views;
    }
}
