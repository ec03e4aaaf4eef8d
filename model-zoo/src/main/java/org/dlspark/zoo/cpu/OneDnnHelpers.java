package org.dlspark.zoo.cpu;

import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;

/**
 * DL4J's oneDNN layer helpers: convolution, pooling and batch norm layers that hand their forward and backward
 * passes to oneDNN (built into ND4J's {@code linux-x86_64-onednn} natives, which DLSpark ships) instead of DL4J's
 * own im2col, copies and matrix products. On the seed's CNN they cut a one-thread training step from about 250 ms to
 * 46 ms (docs/benchmarks.md). DL4J 1.0.0-M2 creates no helper at all unless the system property
 * {@value #DISABLE_PROPERTY} is {@code false}: {@code conf/jvm.options} sets it for every JVM DLSpark starts, its
 * executors included, and the command line sets it for a driver started without those options.
 */
public final class OneDnnHelpers {

    /** DL4J's switch: helpers are created only when it is {@code false} (its default is {@code true}). */
    public static final String DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private OneDnnHelpers() {
    }

    /**
     * Turns the helpers on for the layers created after this call, unless the JVM was started with the property set
     * (so {@code -D}{@value #DISABLE_PROPERTY}{@code =true} keeps DL4J's own code paths).
     */
    public static void enableUnlessConfigured() {
        if (System.getProperty(DISABLE_PROPERTY) == null) {
            System.setProperty(DISABLE_PROPERTY, "false");
        }
    }

    /** Whether layers created now get oneDNN helpers: helpers allowed and a native build with oneDNN loaded. */
    public static boolean active() {
        return !Boolean.parseBoolean(System.getProperty(DISABLE_PROPERTY, "true")) && BaseMKLDNNHelper.mklDnnEnabled();
    }
}
