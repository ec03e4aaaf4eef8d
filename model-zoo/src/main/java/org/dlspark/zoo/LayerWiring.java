package org.dlspark.zoo;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What every DL4J layer configuration's {@code instantiate} does to the layer it creates, for the zoo's own layers. */
public final class LayerWiring {

    private LayerWiring() {
    }

    /**
     * Gives {@code layer} its listeners, index, configuration and parameters: {@code paramsView} (its slice of the
     * network's flattened parameters) split by the configuration's initialiser, initialised when {@code initialize}.
     */
    public static <L extends Layer> L wire(L layer, NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
            int index, INDArray paramsView, boolean initialize) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(conf.getLayer().initializer().init(conf, paramsView, initialize));
        layer.setConf(conf);
        return layer;
    }
}
