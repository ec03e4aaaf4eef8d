package org.nd4j.nativeblas;

import java.lang.reflect.Method;

/**
 * A bridge for a bug in DL4J 1.0.0-M2: before DL4J gives a layer a oneDNN helper, {@code BaseMKLDNNHelper} asks by
 * reflection for {@code org.nd4j.nativeblas.Nd4jCpu$Environment.isUseMKLDNN()}, a class that ND4J 1.0.0-M2 moved to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu}. Without this class the check fails and every oneDNN helper
 * (convolution, pooling, batch norm) stays off even in a native build that has oneDNN. This class answers the old
 * question with the moved class's answer. DLSpark's code never calls it.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The environment under its old name. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();
        private static final String MOVED = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

        private Environment() {
        }

        /** The one instance, as the old bindings had. */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether ND4J's native build uses oneDNN: the moved class's {@code isUseONEDNN()}, false without it. */
        public boolean isUseMKLDNN() {
            try {
                Class<?> moved = Class.forName(MOVED);
                Object environment = moved.getMethod("getInstance").invoke(null);
                Method useOneDnn = moved.getMethod("isUseONEDNN");
                return (Boolean) useOneDnn.invoke(environment);
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        }
    }
}
