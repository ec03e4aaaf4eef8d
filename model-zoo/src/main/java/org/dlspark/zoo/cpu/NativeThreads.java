package org.dlspark.zoo.cpu;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many OpenMP threads ND4J's native ops (oneDNN's kernels among them) use when called from the current thread.
 * OpenMP keeps that count per thread. A thread created after ND4J loaded starts from {@code OMP_NUM_THREADS}, but
 * the thread that loaded ND4J is left with more (4 on a 2-core machine told {@code OMP_NUM_THREADS=1}): every
 * convolution it runs then starts threads that fight the other workers for the cores. Measured on the seed's CNN
 * with the process bound to one core: 76 ms per minibatch, 51 ms once the count is set.
 */
public final class NativeThreads {

    private NativeThreads() {
    }

    /** Gives the current thread's native ops ND4J's configured thread count ({@code OMP_NUM_THREADS}). */
    public static void useConfiguredCount() {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(Nd4j.getEnvironment().maxThreads());
    }

    /** The number of OpenMP threads the current thread's native ops use. */
    public static int currentCount() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }
}
